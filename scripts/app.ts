/**
 * `npm start` / `npm run dev`: provide a database (DATABASE_URL, or the shared
 * embedded PostgreSQL), migrate it, seed it on first run, then run Next.js.
 * Ctrl-C or SIGTERM stops Next.js and, unless another command still uses it,
 * the embedded PostgreSQL.
 */
import { readServerEnv } from "@/lib/env";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { onShutdown } from "@/lib/process/shutdown";
import { exitWithError, loadDotEnv, log } from "./lib/cli";
import { runNext, stopLeftoverNextServer } from "./lib/next-server";

async function main() {
  loadDotEnv();
  const mode = process.argv[2] === "dev" ? "dev" : "start";
  const env = readServerEnv();
  await stopLeftoverNextServer(env.KST_DATA_DIR, env.PORT, log);
  const database = await openDatabase(env, log);
  onShutdown(database.release);
  log(`Database: ${database.description}${database.created ? ", created the database" : ""}`);
  await prepareDatabase(database.url, { seed: "if-empty", log });
  log(`Starting Next.js (${mode}) on http://localhost:${env.PORT}`);
  await runNext(mode, { port: env.PORT, databaseUrl: database.url, dataDir: env.KST_DATA_DIR });
}

main().catch(exitWithError);
