import { createHmac } from "node:crypto";
import { withClient } from "@/lib/db/connection";

/**
 * The app connects to PostgreSQL as a role that owns nothing and is no
 * superuser: it may read and write the rows of the app's tables and of the
 * job queue (pg-boss), and nothing else. Migrations, the seed and the job
 * queue's own tables are the business of the schema's owner (decision record
 * 0009). A bug or an injection in the web server then cannot change the
 * schema, read other databases' data or the server's password hashes, run
 * programs on the server (COPY … PROGRAM, ALTER SYSTEM), or drop the record.
 *
 * - Embedded PostgreSQL: the owner is its superuser (`postgres`); the app role
 *   `kst_app` is created, or brought back in line, every time a command takes
 *   a lease on the server (lib/db/embedded-postgres.ts), so a data directory
 *   made before the role existed gets it on its next start.
 * - DATABASE_URL: the app signs in as that role. Migrations run as
 *   DATABASE_OWNER_URL's role when it is set, and that role grants the app
 *   role what it needs; unset, DATABASE_URL's role does both and should be the
 *   owner of the database, not a superuser.
 */

/** The app role of the embedded PostgreSQL (and of test servers). */
export const EMBEDDED_APP_ROLE = "kst_app";

/** Advisory lock held while granting (the migrator's is 72707369, user administration's 72707370, provisioning 72707373, preparing data 72707372). */
const GRANT_LOCK = 72707371;

/** The schema pg-boss keeps its tables in (lib/jobs). */
export const JOB_QUEUE_SCHEMA = "pgboss";

/**
 * The app role's password on a server whose superuser password is
 * `superuserPassword`: derived rather than stored, so every command computes
 * the same one without another file to keep in step, and it is exactly as
 * secret as the superuser password, which only the data directory holds.
 */
export function derivedAppRolePassword(superuserPassword: string, role = EMBEDDED_APP_ROLE): string {
  return createHmac("sha256", superuserPassword).update(`kst app role ${role}`).digest("base64url");
}

/** The role a connection string signs in as (its user name). */
export function roleOf(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).username);
}

/** The same server and database, signed in as another role. */
export function urlWithRole(connectionString: string, role: string, password: string): string {
  const url = new URL(connectionString);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Creates the app's login role if it is missing and (re)states what it is:
 * no superuser, no role or database creation, no replication, no bypassing
 * row security, this password. Idempotent and safe to run concurrently.
 * `adminUrl` must sign in as a role that may create roles.
 */
export async function ensureAppRole(adminUrl: string, { role, password }: { role: string; password: string }): Promise<{ created: boolean }> {
  return withClient(adminUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    const exists = async () => (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount === 1;
    if (!(await exists())) {
      try {
        await client.query(`CREATE ROLE ${name} ${attributes}`);
        return { created: true };
      } catch (error) {
        // Another command created it between our look and our CREATE.
        if ((error as { code?: string }).code !== "42710" || !(await exists())) throw error;
      }
    }
    await client.query(`ALTER ROLE ${name} ${attributes}`);
    return { created: false };
  });
}

/**
 * What the app role may do in the database `ownerUrl` names, granted by the
 * owner of its tables after migrations: read and write the rows of every table
 * in `public` (only read `_prisma_migrations`) and use their sequences, the
 * same in the job-queue schema, and the same for tables the owner creates
 * later (default privileges). Connecting and temporary tables (the ingest
 * writer's staging tables) come from PostgreSQL's defaults for PUBLIC.
 * Creating objects is left to the owner: where the owner also owns `public`
 * (PostgreSQL 14 lets everyone create there), that is revoked from PUBLIC.
 */
export async function grantAppAccess(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const app = client.escapeIdentifier(role);
    const schemas = ["public"];
    const jobs = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [JOB_QUEUE_SCHEMA]);
    if (jobs.rowCount === 1) schemas.push(JOB_QUEUE_SCHEMA);
    await client.query("BEGIN");
    try {
      // Two commands preparing one database at once would otherwise race on the same catalogue rows.
      await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [GRANT_LOCK]);
      for (const schema of schemas.map((name) => client.escapeIdentifier(name))) {
        await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
        await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`);
        await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`);
        await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
        await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
      }
      const migrations = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'");
      if (migrations.rowCount === 1) await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${app}`);
      const ownsPublic = await client.query(
        "SELECT 1 FROM pg_namespace WHERE nspname = 'public' AND (nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user))",
      );
      if (ownsPublic.rowCount === 1) await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

/** Whether a connection string signs in as a superuser (a misconfiguration start-up warns about). */
export async function signsInAsSuperuser(connectionString: string): Promise<boolean> {
  return withClient(connectionString, async (client) => {
    const { rows } = await client.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
    return rows[0]?.rolsuper === true;
  });
}
