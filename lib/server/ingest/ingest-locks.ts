import "server-only";

/**
 * PostgreSQL advisory lock keys of the ingest path, in one place so that no
 * two uses collide (single bigint keys and (int, int) pairs live apart:
 * pg_locks tells them by objsubid 1 and 2).
 */

/**
 * Held (per transaction, exclusively) by every writer batch that stores OONI
 * measurements and by a rollback: the hourly roll-up reads all measurements
 * of an hour, so two transactions must not roll up the same hour from
 * snapshots that each lack the other's rows.
 */
export const OONI_ROLLUP_LOCK = 72_707_401;

/**
 * Held shared by every writer batch and exclusively by a rollback, so a
 * rollback never interleaves with a batch: it sees every committed row of
 * the runs it inspects, and batches after it see its deletions.
 */
export const INGEST_WRITE_LOCK = 72_707_403;

/** (this key, run id): held by the process running the run, for the run's lifetime (startIngestRun). */
export const INGEST_RUN_LOCK = 72_707_402;

/** (this key, feed index): held by the process running a scheduled pull of the feed (runScheduledPull). */
export const FEED_PULL_LOCK = 72_707_404;
