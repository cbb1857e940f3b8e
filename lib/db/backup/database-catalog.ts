import type pg from "pg";
import type { BackupMigration } from "./backup-file";

/**
 * What backups and restores read from PostgreSQL's catalog. Only the `public`
 * schema is the tracker's own data; pg-boss keeps its queue in `pgboss`
 * (docs/decisions/0010-backups.md says why that is left out).
 */

export const APP_SCHEMA = "public";
export const JOB_QUEUE_SCHEMA = "pgboss";

export type TableColumns = { name: string; columns: string[] };
export type ForeignKey = { name: string; table: string; referencedTable: string; definition: string };

/** Ordinary tables of the app's schema with their stored (not generated) columns, by name. */
export async function listTables(client: pg.ClientBase): Promise<TableColumns[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = $1 AND c.relkind = 'r'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
      GROUP BY c.relname
      ORDER BY c.relname`,
    [APP_SCHEMA],
  );
  return rows;
}

export async function listForeignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT con.conname AS name, src.relname AS "table", dst.relname AS "referencedTable", pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class src ON src.oid = con.conrelid
       JOIN pg_class dst ON dst.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE con.contype = 'f' AND n.nspname = $1
      ORDER BY src.relname, con.conname`,
    [APP_SCHEMA],
  );
  return rows;
}

export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY c.relname`,
    [APP_SCHEMA],
  );
  return rows.map((row) => row.name);
}

/** A sequence's state, to be set again with setval(name, lastValue, isCalled). */
export async function readSequence(client: pg.ClientBase, name: string): Promise<{ name: string; lastValue: string; isCalled: boolean }> {
  const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
    `SELECT last_value::text AS last_value, is_called FROM ${qualified(client, name)}`,
  );
  return { name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called };
}

/** `_prisma_migrations` in the order the migrations were applied; null when the table is missing. */
export async function readMigrationHistory(client: pg.ClientBase): Promise<BackupMigration[] | null> {
  const exists = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${APP_SCHEMA}._prisma_migrations`]);
  if (!exists.rows[0]?.present) return null;
  const { rows } = await client.query<{ name: string; checksum: string; started_at: Date; finished_at: Date | null; rolled_back_at: Date | null }>(
    `SELECT migration_name AS name, checksum, started_at, finished_at, rolled_back_at
       FROM ${qualified(client, "_prisma_migrations")} ORDER BY started_at, migration_name`,
  );
  return rows.map((row) => ({
    name: row.name,
    checksum: row.checksum,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    rolledBackAt: row.rolled_back_at?.toISOString() ?? null,
  }));
}

/** `"public"."name"`, quoted for SQL. */
export function qualified(client: pg.ClientBase, name: string): string {
  return `${client.escapeIdentifier(APP_SCHEMA)}.${client.escapeIdentifier(name)}`;
}

export type DatabaseContents = {
  /** Relations, types and routines in the app's schema (outside extensions). */
  objects: { kind: string; name: string }[];
  /** Tables of the app's schema holding at least one row. */
  tablesWithRows: string[];
  /** Whether pg-boss's schema exists. */
  jobQueueSchema: boolean;
};

/** What a database holds, to decide whether a restore may go into it. */
export async function inspectContents(client: pg.ClientBase): Promise<DatabaseContents> {
  const { rows: objects } = await client.query<{ kind: string; name: string }>(
    `SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                           WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END AS kind, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
     UNION ALL
     SELECT 'type', t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1
        AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c')))
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
     UNION ALL
     SELECT 'routine', p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1 AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1, 2`,
    [APP_SCHEMA],
  );
  const tablesWithRows: string[] = [];
  for (const { kind, name } of objects) {
    if (kind !== "table") continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${qualified(client, name)} LIMIT 1`);
    if (rowCount) tablesWithRows.push(name);
  }
  const queue = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [JOB_QUEUE_SCHEMA]);
  return { objects, tablesWithRows, jobQueueSchema: (queue.rowCount ?? 0) > 0 };
}

export const isEmptyDatabase = (contents: DatabaseContents) => contents.objects.length === 0 && !contents.jobQueueSchema;

/** "34 tables (12 with rows), 20 types and the pg-boss schema" */
export function describeContents(contents: DatabaseContents): string {
  const counts = new Map<string, number>(["table", "view", "materialized view", "foreign table", "sequence", "type", "routine"].map((kind) => [kind, 0]));
  for (const { kind } of contents.objects) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const [kind, count] of counts) if (count === 0) counts.delete(kind);
  const parts = [...counts].map(([kind, count]) =>
    kind === "table" ? `${count} table${count === 1 ? "" : "s"} (${contents.tablesWithRows.length} holding rows)` : `${count} ${kind}${count === 1 ? "" : "s"}`,
  );
  if (contents.jobQueueSchema) parts.push(`the ${JOB_QUEUE_SCHEMA} schema`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "nothing");
}

/**
 * Drops everything `inspectContents` found: the app schema's objects (the
 * schema itself stays, with its owner and grants) and pg-boss's schema.
 * Runs inside the caller's transaction.
 */
export async function dropContents(client: pg.ClientBase, contents: DatabaseContents): Promise<void> {
  if (contents.jobQueueSchema) await client.query(`DROP SCHEMA ${client.escapeIdentifier(JOB_QUEUE_SCHEMA)} CASCADE`);
  const statement: Record<string, (name: string) => string> = {
    view: (name) => `DROP VIEW IF EXISTS ${qualified(client, name)} CASCADE`,
    "materialized view": (name) => `DROP MATERIALIZED VIEW IF EXISTS ${qualified(client, name)} CASCADE`,
    table: (name) => `DROP TABLE IF EXISTS ${qualified(client, name)} CASCADE`,
    "foreign table": (name) => `DROP FOREIGN TABLE IF EXISTS ${qualified(client, name)} CASCADE`,
    sequence: (name) => `DROP SEQUENCE IF EXISTS ${qualified(client, name)} CASCADE`,
    type: (name) => `DROP TYPE IF EXISTS ${qualified(client, name)} CASCADE`,
    // regprocedure text is already qualified as needed and quoted.
    routine: (signature) => `DROP ROUTINE IF EXISTS ${signature} CASCADE`,
  };
  for (const kind of ["view", "materialized view", "table", "foreign table", "sequence", "type", "routine"]) {
    for (const object of contents.objects.filter((candidate) => candidate.kind === kind)) await client.query(statement[kind]!(object.name));
  }
}
