/**
 * `npm start` / `npm run dev`: provide a database (DATABASE_URL, or the shared
 * embedded PostgreSQL), migrate it, seed it on first run, load the invented
 * example feeds only with DEMO_DATA=1 (`npm run demo`), create the first
 * administrator from ADMIN_EMAIL/ADMIN_PASSWORD if asked, start the feed
 * scheduler (pulls are off unless switched on), then run Next.js.
 * Ctrl-C or SIGTERM stops Next.js and, unless another command still uses it,
 * the embedded PostgreSQL.
 */
import { SYSTEM } from "@/lib/auth/permissions";
import { authSecretFile, ensureAuthSecret } from "@/lib/auth/secret";
import { disconnectDb } from "@/lib/db/client";
import { readServerEnv, siteUrlProblem, type ServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { openDatabase, prepareDatabase } from "@/lib/db/prepare-database";
import { onShutdown } from "@/lib/process/shutdown";
import { exitWithError, loadDotEnv, log } from "./lib/cli";
import { runNext, stopLeftoverNextServer } from "./lib/next-server";

async function main() {
  loadDotEnv();
  const mode = process.argv[2] === "dev" ? "dev" : "start";
  const env = readServerEnv();
  // Before anything starts: a production server beyond loopback needs SITE_URL (docs/decisions/0008).
  const problem = mode === "start" ? siteUrlProblem({ NODE_ENV: "production", SITE_URL: env.SITE_URL }, env.HOST) : null;
  if (problem) throw new AppError("STARTUP", problem);
  await stopLeftoverNextServer(env.KST_DATA_DIR, env.PORT, log);
  const database = await openDatabase(env, log);
  onShutdown(database.release);
  log(`Database: ${database.description}${database.created ? ", created the database" : ""}`);
  // Example data only when asked (npm run demo): a default start never loads it (decision 0018).
  await prepareDatabase(database, { seed: "if-empty", log, exampleData: env.DEMO_DATA });
  provideAuthSecret(env);
  await createAdminFromEnv(env, database.url);
  await startFeedScheduler(env, database.url);
  log(`Starting Next.js (${mode}) on http://${env.HOST}:${env.PORT}`);
  await runNext(mode, { port: env.PORT, hostname: env.HOST, databaseUrl: database.url, dataDir: env.KST_DATA_DIR });
}

/** Sessions are signed with BETTER_AUTH_SECRET; unset, one is generated once and kept in the data directory. */
function provideAuthSecret(env: ServerEnv) {
  if (env.BETTER_AUTH_SECRET) return;
  const { secret, created } = ensureAuthSecret(env.KST_DATA_DIR);
  if (created) log(`Generated the session secret in ${authSecretFile(env.KST_DATA_DIR)} (set BETTER_AUTH_SECRET to use your own)`);
  process.env.BETTER_AUTH_SECRET = secret; // inherited by Next.js
}

async function createAdminFromEnv(env: ServerEnv, databaseUrl: string) {
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) return;
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
    log("ADMIN_EMAIL and ADMIN_PASSWORD must be set together; no administrator was created");
    return;
  }
  process.env.DATABASE_URL = databaseUrl;
  const { createInitialAdmin } = await import("@/lib/server/users/create-initial-admin");
  try {
    const outcome = await createInitialAdmin({ caller: SYSTEM, email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    if (outcome === "created") log(`Created the administrator ${env.ADMIN_EMAIL} from ADMIN_EMAIL`);
  } finally {
    await disconnectDb();
  }
}

/**
 * Scheduled feed pulls run in this process, next to Next.js, on pg-boss. They
 * are off until switched on (Staff → Feeds), so an offline machine stays quiet.
 */
async function startFeedScheduler(env: ServerEnv, databaseUrl: string) {
  const [{ createDb }, { startFeedScheduler: start }, { runScheduledPull }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/jobs/feed-scheduler"),
    import("@/lib/jobs/run-scheduled-pull"),
  ]);
  const db = createDb(databaseUrl, { max: 2 });
  const scheduler = await start({
    connectionString: databaseUrl,
    db,
    log,
    fromEnvironment: { feeds: env.FEEDS_ENABLED ?? [], intervalMinutes: env.FEEDS_INTERVAL_MINUTES },
    runPull: async (feed, parameters) => {
      const result = await runScheduledPull({ feed, parameters, connectionString: databaseUrl, env });
      if ("skipped" in result) log(`Scheduled ${feed} pull skipped: the previous pull of ${feed} is still running`);
      else log(`Scheduled ${feed} pull: ${result.accepted} accepted, ${result.duplicates} duplicates, ${result.rejected} rejected (run ${result.runId})`);
    },
  });
  onShutdown(async () => {
    await scheduler.stop();
    await db.$disconnect();
  });
}

main().catch(exitWithError);
