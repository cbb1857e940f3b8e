/**
 * `npm run db:migrate` applies pending migrations.
 * `npm run db:seed` loads the reference data and documented incidents (idempotent).
 * Both use DATABASE_URL, or the shared embedded PostgreSQL.
 */
import { readServerEnv } from "@/lib/env";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { onShutdown, shutdown } from "@/lib/process/shutdown";
import { exitWithError, loadDotEnv, log } from "./lib/cli";

const COMMANDS = { migrate: "never", seed: "always" } as const;

async function main() {
  loadDotEnv();
  const command = process.argv[2] as keyof typeof COMMANDS;
  if (!(command in COMMANDS)) {
    console.error(`Usage: tsx scripts/db.ts <${Object.keys(COMMANDS).join("|")}>`);
    return shutdown(2);
  }
  const database = await openDatabase(readServerEnv(), log);
  onShutdown(database.release);
  log(`Database: ${database.description}${database.created ? ", created the database" : ""}`);
  await prepareDatabase(database, { seed: COMMANDS[command], log });
  return shutdown(0);
}

main().catch(exitWithError);
