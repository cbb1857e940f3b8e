import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Server-only modules are imported by tests directly; outside React Server
      // Components the real package throws, so tests get an empty module.
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/server-only.ts") },
    ],
  },
  test: {
    setupFiles: ["lib/testing/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.{ts,tsx}"],
          // next-intl's ESM imports "next/server" without an extension, which only a bundler resolves
          // (lib/http/request-path.test.ts runs its middleware).
          server: { deps: { inline: ["next-intl"] } },
          exclude: ["**/*.int.test.{ts,tsx}", "node_modules/**", "e2e/**", ".next/**", ".data/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.{ts,tsx}"],
          exclude: ["node_modules/**", ".next/**", ".data/**"],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/worker-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
