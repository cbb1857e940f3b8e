import "server-only";
import pg from "pg";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Plain `pg` pools, for what Prisma cannot do: streaming `COPY … FROM STDIN`
 * (pg-copy-streams) in the bulk ingest writer. One pool per connection string
 * per process. Without an explicit connection string it is DATABASE_URL, the
 * same database as getDb() (lib/db/client.ts); scripts and tests pass their own.
 */

const globalForPools = globalThis as unknown as { kstPgPools?: Map<string, pg.Pool> };

function pools(): Map<string, pg.Pool> {
  globalForPools.kstPgPools ??= new Map();
  return globalForPools.kstPgPools;
}

function defaultConnectionString(): string {
  const env = readServerEnv();
  if (!env.DATABASE_URL) {
    throw new AppError("STARTUP", "DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`, which provide a database.");
  }
  return env.DATABASE_URL;
}

/** The shared pool for this connection string (default: DATABASE_URL), created on first use. */
export function getPgPool(connectionString?: string): pg.Pool {
  const url = connectionString ?? defaultConnectionString();
  let pool = pools().get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: readServerEnv().DATABASE_POOL_MAX, connectionTimeoutMillis: 5_000 });
    // An idle client losing its connection must not crash the process.
    pool.on("error", () => undefined);
    pools().set(url, pool);
  }
  return pool;
}

/** Ends every pool this process opened (scripts call it before exiting, tests after their last query). */
export async function closePgPools(): Promise<void> {
  const open = [...pools().values()];
  pools().clear();
  await Promise.all(open.map((pool) => pool.end().catch(() => undefined)));
}
