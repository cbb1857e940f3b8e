import pg from "pg";

/**
 * Counts the queries every `pg` client in this process sends (the app's Prisma
 * adapter included, since `pg` is loaded once). For benchmarks only.
 */
export function countDatabaseQueries(): { count: () => number } {
  let count = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    count += 1;
    return (query as (...args: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return { count: () => count };
}
