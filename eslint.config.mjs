import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The layers (ARCHITECTURE.md, "Layers"; decision 0023), from the bottom up:
 * - lib/: domain code, server functions (lib/server, lib/db) and pure helpers.
 *   It imports nothing from components/ or app/.
 * - components/: React. Generic components (components/ui, components/charts)
 *   import no feature folder; no component imports the database or a server
 *   function (pages load the data and pass it in; types may be imported).
 * - app/: pages, layouts, route handlers and actions: they call lib/server.
 * - A file marked "use client" imports no server code (server-only, node:,
 *   lib/server, lib/db), which would otherwise reach the browser's bundle.
 * Tests may cross layers: an integration test drives a route handler.
 */
const FEATURE_FOLDERS = ["dashboard", "embed", "example-data", "feeds", "incidents", "isps", "map", "measures", "share", "staff", "timeline"];

const DATABASE_CLIENT = { name: "@/lib/db/client", message: "Use a function from lib/server/<entity>/ instead." };
const SERVER_CODE = {
  group: ["@/lib/server/*", "@/lib/db/*"],
  allowTypeImports: true,
  message: "Components receive data from their page: call lib/server from app/ and pass the result in.",
};
const APP_CODE = { group: ["@/app/*"], message: "app/ is the top layer: move what is shared into lib/ or components/." };
const COMPONENTS_FROM_LIB = { group: ["@/components/*"], message: "lib/ is below components/: move the shared piece into lib/, or pass it in." };
const FEATURES_FROM_GENERIC = {
  group: FEATURE_FOLDERS.map((folder) => `@/components/${folder}/*`),
  message: "A generic component (components/ui, components/charts) imports no feature folder: pass it what it needs, or move the shared piece down.",
};

const restrict = (...patterns) => ["error", { paths: [DATABASE_CLIENT], patterns }];

/** "use client" files import no server code. */
const layers = {
  rules: {
    "no-server-code-in-client": {
      meta: {
        type: "problem",
        schema: [],
        messages: { server: "A \"use client\" file may not import {{source}}: it would be sent to the browser. Load it in a server component and pass the result in." },
      },
      create(context) {
        const directives = [];
        for (const statement of context.sourceCode.ast.body) {
          if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") break;
          directives.push(statement.directive);
        }
        if (!directives.includes("use client")) return {};
        return {
          ImportDeclaration(node) {
            if (node.importKind === "type") return;
            const source = String(node.source.value);
            if (/^(server-only$|node:|@\/lib\/(server|db)\/)/.test(source)) context.report({ node, messageId: "server", data: { source } });
          },
        };
      },
    },
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    plugins: { layers },
    rules: {
      "layers/no-server-code-in-client": "error",
      // Pages never talk to the database; server functions in lib/server do.
      "@typescript-eslint/no-restricted-imports": restrict(),
    },
  },
  {
    files: ["components/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(SERVER_CODE, APP_CODE) },
  },
  {
    files: ["components/ui/**", "components/charts/**"],
    rules: { "@typescript-eslint/no-restricted-imports": restrict(SERVER_CODE, APP_CODE, FEATURES_FROM_GENERIC) },
  },
  {
    files: ["lib/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [COMPONENTS_FROM_LIB, APP_CODE] }] },
  },
  {
    // Commands, route handlers, seeds and tests use the database directly, and tests may cross layers.
    files: ["scripts/**", "prisma/**", "app/api/**", "e2e/**", "bench/**", "*.config.*", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
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
