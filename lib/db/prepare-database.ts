import { grantAppAccess, roleOf, signsInAsSuperuser } from "@/lib/db/app-role";
import { createDb } from "@/lib/db/client";
import { databaseUrlFor, describeDatabaseUrl, ensureDatabaseExists, withClient } from "@/lib/db/connection";
import { acquireEmbeddedPostgres, EMBEDDED_DATABASE } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import type { ServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * One database, as the two roles that use it (decision record 0009): the app,
 * which reads and writes rows, and the owner of the schema, which migrates,
 * seeds and installs the job queue. They are one role when DATABASE_URL is set
 * without DATABASE_OWNER_URL.
 */
export type DatabaseUrls = {
  /** What the app, its scheduler and command-line writers connect as. */
  url: string;
  /** What migrations, the seed and the job-queue installation connect as. */
  ownerUrl: string;
};

export type OpenDatabase = DatabaseUrls & {
  /** True when this call created the database. */
  created: boolean;
  /** "embedded PostgreSQL on 127.0.0.1:54321" or "host:port/db from DATABASE_URL" */
  description: string;
  release: () => Promise<void>;
};

/**
 * The database every command uses: DATABASE_URL (with DATABASE_OWNER_URL for
 * schema changes, if set) or the checkout's shared embedded PostgreSQL
 * (started if nobody runs it yet), as its superuser for schema changes and as
 * the app role otherwise. The database is created if missing; an unreachable
 * server is an AppError whose one-line message names host and port.
 */
export async function openDatabase(env: ServerEnv, log: (line: string) => void): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    const ownerUrl = env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
    if (describeDatabaseUrl(ownerUrl) !== describeDatabaseUrl(env.DATABASE_URL)) {
      throw new AppError(
        "STARTUP",
        `DATABASE_OWNER_URL (${describeDatabaseUrl(ownerUrl)}) must name the same server and database as DATABASE_URL (${describeDatabaseUrl(env.DATABASE_URL)}).`,
      );
    }
    const created = await ensureDatabaseExists(ownerUrl);
    const roles = ownerUrl === env.DATABASE_URL ? "" : `, migrated as ${roleOf(ownerUrl)}`;
    return {
      url: env.DATABASE_URL,
      ownerUrl,
      created,
      description: `${describeDatabaseUrl(env.DATABASE_URL)} (DATABASE_URL, as ${roleOf(env.DATABASE_URL)}${roles})`,
      release: async () => {},
    };
  }
  const lease = await acquireEmbeddedPostgres({ dataDir: env.KST_DATA_DIR, port: env.EMBEDDED_PG_PORT, log });
  try {
    const ownerUrl = databaseUrlFor(lease.serverUrl, EMBEDDED_DATABASE);
    const created = await ensureDatabaseExists(ownerUrl);
    const how = lease.started ? "started" : "reused";
    return {
      url: databaseUrlFor(lease.appServerUrl, EMBEDDED_DATABASE),
      ownerUrl,
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
 * Held while the schema is provisioned: pg-boss's installation and queue
 * creation are not safe to run twice at once (they deadlock), and app servers
 * starting together on one database each provision it.
 */
const PROVISION_LOCK_KEY = 72707373;

/**
 * Brings the schema up to date as its owner: pending migrations, pg-boss's
 * tables and queues, and the app role's privileges on all of it (when the app
 * connects as a role of its own). Start-up, the command-line tools and the
 * test set-ups all call it before the app role touches the database; callers
 * running at once take turns.
 */
export async function provisionDatabase(database: DatabaseUrls, options: { log?: (line: string) => void } = {}) {
  return withAdvisoryLock(database.ownerUrl, PROVISION_LOCK_KEY, async () => {
    const migrations = await migrateDatabase(database.ownerUrl, { log: options.log });
    // Loaded here: pg-boss is needed only now.
    const { installJobQueues } = await import("@/lib/jobs/install-job-queues");
    await installJobQueues(database.ownerUrl);
    const appRole = roleOf(database.url);
    if (appRole !== roleOf(database.ownerUrl)) await grantAppAccess(database.ownerUrl, appRole);
    return migrations;
  });
}

/** Runs `work` while holding a session advisory lock on a connection of its own. */
async function withAdvisoryLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  return withClient(url, async (lock) => {
    await lock.query("SELECT pg_advisory_lock($1)", [key]);
    try {
      return await work();
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => undefined);
    }
  });
}

/**
 * "update-reviewed": seed as "always", then bring incidents the seed loaded and
 * nobody has edited since up to the reviewed seed (prisma/seed/index.ts).
 */
export type SeedPolicy = "if-empty" | "always" | "never" | "update-reviewed";

/**
 * Held while the data is prepared (revisions backfilled, seed loaded), so
 * that app servers starting together on one empty database seed it once:
 * the first seeds, the others wait and then find it seeded.
 */
const PREPARE_DATA_LOCK_KEY = 72707372;

/**
 * Provisions the database (provisionDatabase) and seeds it as asked, as the
 * owner. The database must exist (openDatabase creates it). Warns when the app
 * would connect as a superuser. With `exampleData` (only `npm run demo`,
 * DEMO_DATA=1, and `npm run ingest:examples`), then loads the invented example
 * feed files as the app, marked as example data (decision 0018).
 */
export async function prepareDatabase(database: DatabaseUrls, options: { seed: SeedPolicy; log: (line: string) => void; exampleData?: boolean }) {
  const { log } = options;
  const migrations = await provisionDatabase(database, { log });
  log(
    migrations.applied.length > 0
      ? `Applied ${migrations.applied.length} migration(s); ${migrations.alreadyApplied} were already applied`
      : `Migrations up to date (${migrations.alreadyApplied} applied)`,
  );
  if (await signsInAsSuperuser(database.url)) {
    log(
      `Warning: DATABASE_URL signs in as the superuser ${roleOf(database.url)}. Give the app a role of its own that owns nothing, and run migrations as the owner with DATABASE_OWNER_URL (README, "Database roles").`,
    );
  }
  await withAdvisoryLock(database.ownerUrl, PREPARE_DATA_LOCK_KEY, () => prepareData(database.ownerUrl, options));
  if (options.exampleData) {
    const [{ loadExampleData }, { SYSTEM }] = await Promise.all([import("@/lib/server/example-data/load-example-data"), import("@/lib/auth/permissions")]);
    await loadExampleData({ caller: SYSTEM, connectionString: database.url, log });
  }
}

async function prepareData(ownerUrl: string, options: { seed: SeedPolicy; log: (line: string) => void }) {
  const { log } = options;
  // Loaded here, not at the top: they pull in server code and the seed data.
  const { backfillIncidentRevisions } = await import("@/lib/server/incidents/backfill-incident-revisions");
  const db = createDb(ownerUrl, { max: 2 });
  try {
    const backfilled = await backfillIncidentRevisions(db);
    if (backfilled > 0) log(`Recorded a first revision for ${backfilled} incident(s) stored before revisions existed`);
    await seedAsAsked(db, options.seed, log);
  } finally {
    await db.$disconnect();
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
