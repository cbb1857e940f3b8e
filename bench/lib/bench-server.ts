/**
 * The production server the benchmarks measure: a fresh database of its own
 * (seeded, plus the invented example feeds of January 2022, marked as
 * `npm run demo` marks them) and `scripts/serve-production.ts` on a free
 * loopback port. Uses the embedded PostgreSQL (KST_DATA_DIR) or the server of
 * DATABASE_URL, never the app's database: `stop()` drops it again.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { databaseUrlFor } from "@/lib/db/connection";
import { acquireEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { readServerEnv } from "@/lib/env";
import { createDatabase, dropDatabase } from "@/lib/testing/test-database";

export type BenchServer = { origin: string; process: ChildProcess; databaseName: string; stop: () => Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(origin: string, server: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    const ok = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start within two minutes");
}

/**
 * Starts it. `name` goes into the database's name (kst_bench_<name>_<random>);
 * `env` is added to the server's environment (e.g. KST_COUNT_DB_QUERIES).
 * The caller must `stop()` it, also when it fails.
 */
export async function startBenchServer(options: { name: string; env?: Record<string, string>; script: string }): Promise<BenchServer> {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error(`No production build: run \`npm run ${options.script}\`, which builds first`);
  const env = readServerEnv();
  const lease = env.DATABASE_URL ? null : await acquireEmbeddedPostgres({ dataDir: env.KST_DATA_DIR, port: env.EMBEDDED_PG_PORT });
  const serverUrl = lease ? lease.serverUrl : databaseUrlFor(env.DATABASE_URL!, "postgres");
  const databaseName = `kst_bench_${options.name}_${randomBytes(4).toString("hex")}`;
  let server: ChildProcess | null = null;
  const stop = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await dropDatabase(serverUrl, databaseName).catch(() => undefined);
    await lease?.release();
  };
  try {
    const databaseUrl = await createDatabase(serverUrl, databaseName);
    // The example feeds go in as `npm run demo` loads them: marked as example data.
    await prepareDatabase({ url: databaseUrl, ownerUrl: databaseUrl }, { seed: "always", log: () => undefined, exampleData: true });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    server = fork(path.join(process.cwd(), "scripts", "serve-production.ts"), ["--port", String(port), "--hostname", "127.0.0.1"], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    await waitForServer(origin, server);
    // Give the server's LISTEN connection a moment: until it is up, nothing is cached.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { origin, process: server, databaseName, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
