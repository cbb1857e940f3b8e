import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * PostgreSQL's own pg_dump and pg_restore, when the PATH has them. pg_dump
 * refuses a server newer than itself ("server version mismatch"), and an
 * archive can only be read by a pg_restore at least as new as the pg_dump
 * that wrote it, so each is usable only from a given major version up. The
 * embedded PostgreSQL ships neither; Debian 12's are version 15.
 */

export type PgTool = { path: string; version: string; major: number };

/** "pg_dump (PostgreSQL) 18.1 (Debian 18.1-1)" → { version: "18.1", major: 18 }; null if not PostgreSQL's. */
export function parsePgToolVersion(output: string): { version: string; major: number } | null {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  const major = Number(match[1]);
  // Before PostgreSQL 10 the major version had two parts (9.6); those are far too old here anyway.
  return { version: [match[1], match[2], match[3]].filter((part) => part !== undefined).join("."), major };
}

/** The tool as the PATH finds it, with its version; null when there is none. */
export async function findPgTool(name: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv = process.env): Promise<PgTool | null> {
  try {
    const { stdout } = await execFileAsync(name, ["--version"], { env, timeout: 10_000 });
    const parsed = parsePgToolVersion(stdout);
    return parsed ? { path: name, ...parsed } : null;
  } catch {
    return null;
  }
}

/**
 * How to hand a connection string to libpq tools without putting the
 * password on their command line (where `ps` shows it): the URL without
 * its password as --dbname, the password in PGPASSWORD.
 */
export function libpqConnection(connectionString: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(connectionString);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGAPPNAME: "tracker-backup" } };
}
