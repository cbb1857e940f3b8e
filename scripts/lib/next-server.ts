import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { isProcessAlive } from "@/lib/db/embedded-postgres";
import { onShutdown, shutdown } from "@/lib/process/shutdown";

const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");

type Recorded = { pid: number; parentPid: number; port: number };
const recordFile = (dataDir: string, port: number) => path.join(path.resolve(dataDir), `next-server-${port}.json`);

function looksLikeNext(pid: number): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return commandLine.includes("next") || commandLine.includes("serve-production");
  } catch {
    return process.platform !== "linux"; // cannot tell; trust the record
  }
}

/** A crashed run (its parent killed with SIGKILL) can leave `next` holding the port. */
export async function stopLeftoverNextServer(dataDir: string, port: number, log: (line: string) => void) {
  const file = recordFile(dataDir, port);
  const recorded = JSON.parse(await fs.readFile(file, "utf8").catch(() => "null")) as Recorded | null;
  if (!recorded) return;
  if (!isProcessAlive(recorded.parentPid) && isProcessAlive(recorded.pid) && looksLikeNext(recorded.pid)) {
    log(`Stopping a Next.js server (pid ${recorded.pid}) left behind by a crashed run`);
    process.kill(recorded.pid, "SIGTERM");
    for (let i = 0; i < 100 && isProcessAlive(recorded.pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  await fs.rm(file, { force: true });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Runs the production server (scripts/serve-production.ts: Next.js behind the
 * shared response cache, listening on `hostname`) or `next dev` (on every
 * interface, as before) as a child process, stops it on
 * shutdown, and shuts the whole command down when it exits.
 */
export async function runNext(mode: "start" | "dev", options: { port: number; hostname: string; databaseUrl: string; dataDir: string }) {
  const command =
    mode === "start"
      ? ["--import", "tsx", path.join(process.cwd(), "scripts", "serve-production.ts"), "--port", String(options.port), "--hostname", options.hostname]
      : [nextBin, "dev", "--port", String(options.port)];
  const child = spawn(process.execPath, command, {
    stdio: "inherit",
    env: {
      ...process.env,
      // The app role's URL; the schema owner's (DATABASE_OWNER_URL) never reaches the web server.
      DATABASE_URL: options.databaseUrl,
      DATABASE_OWNER_URL: undefined,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(mode === "start" ? { NODE_ENV: "production" } : {}),
    },
  });
  const file = recordFile(options.dataDir, options.port);
  if (child.pid === undefined) throw new Error("Could not start Next.js");
  await fs.writeFile(file, JSON.stringify({ pid: child.pid, parentPid: process.pid, port: options.port } satisfies Recorded));
  onShutdown(async () => {
    await stopChild(child);
    await fs.rm(file, { force: true });
  });
  child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
}
