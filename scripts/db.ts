/**
 * `npm run db:migrate` applies pending migrations.
 * `npm run db:seed` loads the reference data and documented incidents (idempotent).
 * `npm run db:seed -- --update-reviewed` also brings seeded incidents nobody has
 * edited up to the reviewed seed, as new versions (decision 0008).
 * `npm run ingest:examples` loads the invented example feed files, marked as
 * example data (decision 0018), into a migrated database.
 * All use DATABASE_URL, or the shared embedded PostgreSQL.
 */
import { readServerEnv } from "@/lib/env";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { onShutdown, shutdown } from "@/lib/process/shutdown";
import { exitWithError, loadDotEnv, log } from "./lib/cli";

const COMMANDS = { migrate: "never", seed: "always", examples: "never" } as const;

async function main() {
  loadDotEnv();
  const command = process.argv[2] as keyof typeof COMMANDS;
  const flags = process.argv.slice(3);
  const updateReviewed = command === "seed" && flags.includes("--update-reviewed");
  if (!(command in COMMANDS) || flags.some((flag) => flag !== "--update-reviewed" || command !== "seed")) {
    console.error(`Usage: tsx scripts/db.ts <${Object.keys(COMMANDS).join("|")}> (seed also takes --update-reviewed)`);
    return shutdown(2);
  }
  const database = await openDatabase(readServerEnv(), log);
  onShutdown(database.release);
  log(`Database: ${database.description}${database.created ? ", created the database" : ""}`);
  await prepareDatabase(database.url, { seed: updateReviewed ? "update-reviewed" : COMMANDS[command], log, exampleData: command === "examples" });
  return shutdown(0);
}

main().catch(exitWithError);
