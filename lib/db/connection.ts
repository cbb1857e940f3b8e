import pg from "pg";
import { AppError } from "@/lib/errors";

/** "host:port/database" for messages; never includes credentials. */
export function describeDatabaseUrl(connectionString: string): string {
  const url = new URL(connectionString);
  const host = url.hostname || "localhost";
  const port = url.port || "5432";
  return `${host}:${port}${url.pathname}`;
}

function hostAndPort(connectionString: string): string {
  const url = new URL(connectionString);
  return `${url.hostname || "localhost"}:${url.port || "5432"}`;
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseName(connectionString: string): string {
  const name = decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, ""));
  if (!name) throw new AppError("STARTUP", "DATABASE_URL names no database (expected postgres://…/<database>)");
  return name;
}

/** Turns a connection failure into one line that names the server, never a stack trace. */
export function explainConnectionError(connectionString: string, error: unknown): AppError {
  const where = hostAndPort(connectionString);
  const code = (error as { code?: string } | null)?.code;
  const reason =
    code === "ECONNREFUSED"
      ? "connection refused"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? "host not found"
        : code === "ETIMEDOUT" || /timeout/i.test(String((error as Error)?.message))
          ? "timed out"
          : code === "28P01" || code === "28000"
            ? "the server rejected the user name or password"
            : code === "3D000"
              ? `database "${databaseName(connectionString)}" does not exist`
              : (error as Error)?.message || "unknown error";
  return new AppError("STARTUP", `Cannot connect to PostgreSQL at ${where}: ${reason}.`, { cause: error });
}

export async function withClient<T>(
  connectionString: string,
  work: (client: pg.Client) => Promise<T>,
  options: { connectionTimeoutMillis?: number } = {},
): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000 });
  // A dropped connection must not crash the process with an unhandled 'error' event.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw explainConnectionError(connectionString, error);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates the database named in the URL when it is missing, connecting to the
 * server's maintenance database. Returns true when it created it.
 */
export async function ensureDatabaseExists(connectionString: string): Promise<boolean> {
  const name = databaseName(connectionString);
  const exists = await withClient(withDatabase(connectionString, "postgres"), async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  }).catch(async (error: unknown) => {
    // Some hosted servers forbid the maintenance database; then the target must already exist.
    if ((error as AppError).cause && (error as { cause: { code?: string } }).cause.code === "3D000") {
      return withClient(connectionString, async () => true);
    }
    throw error;
  });
  if (exists) return false;
  await withClient(withDatabase(connectionString, "postgres"), (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
  );
  return true;
}

export function databaseUrlFor(connectionString: string, database: string): string {
  return withDatabase(connectionString, database);
}
