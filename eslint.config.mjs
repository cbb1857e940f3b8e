import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // Components never talk to the database; server functions in lib/server do.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@/lib/db/client", message: "Use a function from lib/server/<entity>/ instead." }] },
      ],
    },
  },
  {
    files: ["lib/**", "scripts/**", "prisma/**", "app/api/**", "e2e/**", "bench/**", "*.config.*"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Every server function takes { caller, … } (decision 0020); a public read that needs
    // nothing else names its argument `_request`, which says it is accepted and not read.
    files: ["lib/server/**"],
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }] },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
