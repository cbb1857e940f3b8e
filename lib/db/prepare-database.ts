import { createDb } from "@/lib/db/client";
import { databaseUrlFor, describeDatabaseUrl, ensureDatabaseExists } from "@/lib/db/connection";
import { acquireEmbeddedPostgres, EMBEDDED_DATABASE } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import type { ServerEnv } from "@/lib/env";

export type OpenDatabase = {
  url: string;
  /** True when this call created the database. */
  created: boolean;
  /** "embedded PostgreSQL on 127.0.0.1:54321" or "host:port/db from DATABASE_URL" */
  description: string;
  release: () => Promise<void>;
};

/**
 * The database every command uses: DATABASE_URL when set, otherwise the
 * checkout's shared embedded PostgreSQL (started if nobody runs it yet). The
 * database is created if missing; an unreachable server is an AppError whose
 * one-line message names host and port.
 */
export async function openDatabase(env: ServerEnv, log: (line: string) => void): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    const created = await ensureDatabaseExists(env.DATABASE_URL);
    return { url: env.DATABASE_URL, created, description: `${describeDatabaseUrl(env.DATABASE_URL)} (DATABASE_URL)`, release: async () => {} };
  }
  const lease = await acquireEmbeddedPostgres({ dataDir: env.KST_DATA_DIR, port: env.EMBEDDED_PG_PORT, log });
  try {
    const url = databaseUrlFor(lease.serverUrl, EMBEDDED_DATABASE);
    const created = await ensureDatabaseExists(url);
    const how = lease.started ? "started" : "reused";
    return {
      url,
      created,
      description: `embedded PostgreSQL on 127.0.0.1:${lease.port}, ${how} (data in ${env.KST_DATA_DIR}/postgres)`,
      release: lease.release,
    };
  } catch (error) {
    await lease.release();
    throw error;
  }
}

/**
 * "update-reviewed": seed as "always", then bring incidents the seed loaded and
 * nobody has edited since up to the reviewed seed (prisma/seed/index.ts).
 */
export type SeedPolicy = "if-empty" | "always" | "never" | "update-reviewed";

/**
 * Applies pending migrations and seeds as asked; with `exampleData` (only
 * `npm run demo`, DEMO_DATA=1, and `npm run ingest:examples`), then loads the
 * invented example feed files, marked as example data (decision 0018). The
 * database must exist (openDatabase creates it).
 */
export async function prepareDatabase(url: string, options: { seed: SeedPolicy; log: (line: string) => void; exampleData?: boolean }) {
  const { log } = options;
  const migrations = await migrateDatabase(url, { log });
  log(
    migrations.applied.length > 0
      ? `Applied ${migrations.applied.length} migration(s); ${migrations.alreadyApplied} were already applied`
      : `Migrations up to date (${migrations.alreadyApplied} applied)`,
  );
  // Loaded here, not at the top: they pull in server code and the seed data.
  const { backfillIncidentRevisions } = await import("@/lib/server/incidents/backfill-incident-revisions");
  const db = createDb(url, { max: 2 });
  try {
    const backfilled = await backfillIncidentRevisions(db);
    if (backfilled > 0) log(`Recorded a first revision for ${backfilled} incident(s) stored before revisions existed`);
    await seedAsAsked(db, options.seed, log);
  } finally {
    await db.$disconnect();
  }
  if (options.exampleData) {
    const [{ loadExampleData }, { SYSTEM }] = await Promise.all([import("@/lib/server/example-data/load-example-data"), import("@/lib/auth/permissions")]);
    await loadExampleData({ by: SYSTEM, connectionString: url, log });
  }
}

async function seedAsAsked(db: ReturnType<typeof createDb>, seed: SeedPolicy, log: (line: string) => void) {
  if (seed === "never") return;
  const { isDatabaseSeeded, seedDatabase, updateReviewedIncidents } = await import("@/prisma/seed");
  if (seed === "if-empty" && (await isDatabaseSeeded(db))) {
    log("Seed skipped: the database already holds data");
    return;
  }
  await seedDatabase(db, log);
  if (seed === "update-reviewed") await updateReviewedIncidents(db, log);
}
