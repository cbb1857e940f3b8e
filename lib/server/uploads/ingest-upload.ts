import "server-only";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { setPriority } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { requirePermission } from "@/lib/auth/require-permission";
import { SYSTEM, type Actor, type Caller } from "@/lib/auth/permissions";
import { getPgPool } from "@/lib/db/pg-pool";
import { readServerEnv } from "@/lib/env";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { formatBytes, INGEST_LIMITS } from "@/lib/ingest/limits";
import type { IngestUploadJob } from "@/lib/schemas/import";
import { listIngestRejects, type IngestRejectRow } from "@/lib/server/ingest/list-ingest-rejects";

/** What an upload became: its run's counts and its first rejects, shown where the file was uploaded. */
export type IngestUploadResult = {
  runId: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  firstRejects: IngestRejectRow[];
};

/** How the worker is held in; tests pass lower limits to see them act. */
export type UploadWorkerLimits = {
  /** V8's old generation (--max-old-space-size), MB. */
  heapMb: number;
  /** Resident memory; over it the worker is killed. */
  rssBytes: number;
  milliseconds: number;
};

const DEFAULT_LIMITS: UploadWorkerLimits = {
  heapMb: INGEST_LIMITS.uploadWorkerHeapMb,
  rssBytes: INGEST_LIMITS.uploadWorkerRssBytes,
  milliseconds: INGEST_LIMITS.uploadWorkerMilliseconds,
};

/** Workers one server process runs at once; more uploads meanwhile are refused (each worker may use its memory limit). */
const MAX_WORKERS = 2;
const FIRST_REJECTS_SHOWN = 5;
const RSS_CHECK_MS = 200;
/** Unix niceness of the worker (0 normal, 19 lowest). */
const WORKER_NICENESS = 10;

type WorkerMessage =
  | { type: "run"; runId: number }
  | { type: "done"; result: { runId: number; accepted: number; duplicates: number; rejected: number } }
  | { type: "error"; code: AppErrorCode | "INTERNAL"; message: string; details?: unknown };

const globalState = globalThis as unknown as { kstUploadWorkers?: number };

/**
 * Ingests a file uploaded in the staff console — a measurement file
 * (ingestFeedUpload) or a STOP sheet (importStopFile) — in a separate
 * process (scripts/ingest-upload-worker.ts) with its own memory limits: V8's
 * heap is capped (`--max-old-space-size`), and the worker's resident memory
 * is watched (/proc) and the worker killed past `rssBytes`, as it is past
 * `milliseconds`; it runs at a lower CPU priority (nice 10) than the server. Whatever the file holds (a gzip bomb, lines of gigabytes,
 * a parser's bug), the web server only pipes its bytes and waits.
 *
 * Requires `import:run`, checked here before anything starts (the worker
 * checks again as the same actor). The worker creates and owns the run; a
 * known failure (a limit, a shape, a header) comes back as that AppError
 * with `details.runId`; a worker that is killed or crashes has its run
 * marked FAILED here with the reason, and the caller gets a VALIDATION error
 * saying which limit stopped it. On success: the counts and the first
 * rejects.
 */
export async function ingestUpload(request: {
  caller: Caller;
  job: IngestUploadJob;
  input: Readable;
  limits?: Partial<UploadWorkerLimits>;
}): Promise<IngestUploadResult> {
  const actor = await requirePermission(request.caller, "import:run");
  const limits = { ...DEFAULT_LIMITS, ...request.limits };
  if ((globalState.kstUploadWorkers ?? 0) >= MAX_WORKERS) {
    request.input.destroy();
    throw new AppError("RATE_LIMITED", "Two uploads are being ingested already; try again when one has finished.", { details: { reason: "busy" } });
  }
  globalState.kstUploadWorkers = (globalState.kstUploadWorkers ?? 0) + 1;
  try {
    const outcome = await runWorker(request.job, actor, request.input, limits);
    const firstRejects = outcome.rejected > 0 ? await listIngestRejects({ runId: outcome.runId, limit: FIRST_REJECTS_SHOWN }) : [];
    return { ...outcome, firstRejects };
  } finally {
    globalState.kstUploadWorkers = (globalState.kstUploadWorkers ?? 1) - 1;
  }
}

type Ending = { kind: "exit"; code: number | null; signal: NodeJS.Signals | null } | { kind: "killed"; reason: "memory" | "time" };

async function runWorker(job: IngestUploadJob, actor: Actor | typeof SYSTEM, input: Readable, limits: UploadWorkerLimits) {
  const root = process.cwd();
  const env = readServerEnv();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${limits.heapMb}`,
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(root, "scripts", "ingest-upload-worker.ts"),
      JSON.stringify(job),
      // The caller the worker acts for: the staff member (checked again there), or SYSTEM for trusted code.
      actor === SYSTEM ? SYSTEM : JSON.stringify({ id: actor.id, name: actor.name, email: actor.email, role: actor.role }),
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL, NODE_OPTIONS: "" },
      stdio: ["pipe", "ignore", "pipe", "ipc"],
    },
  );
  // Below the web server and PostgreSQL for the CPU: a busy worker slows itself, not them.
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, WORKER_NICENESS);
    } catch {
      // Not allowed here (some containers): the worker runs at normal priority.
    }
  }
  let runId: number | null = null;
  let finished: WorkerMessage | null = null;
  let stderr = "";
  child.on("message", (message: WorkerMessage) => {
    if (message.type === "run") runId = message.runId;
    else finished = message;
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    if (stderr.length < 16_384) stderr += chunk.toString("utf8");
  });
  // The worker may stop reading (a limit hit, a crash): the rest of the upload is dropped, not an error here.
  child.stdin!.on("error", () => undefined);
  void pipeline(input, child.stdin!).catch(() => undefined);

  let killedFor: "memory" | "time" | null = null;
  const kill = (reason: "memory" | "time") => {
    if (killedFor) return;
    killedFor = reason;
    child.kill("SIGKILL");
  };
  const watch = setInterval(() => {
    if (child.pid === undefined) return;
    void residentBytes(child.pid).then((bytes) => {
      if (bytes !== null && bytes > limits.rssBytes) kill("memory");
    });
  }, RSS_CHECK_MS);
  const timer = setTimeout(() => kill("time"), limits.milliseconds);

  const ending = await new Promise<Ending>((resolve) => {
    child.on("error", () => resolve({ kind: "exit", code: null, signal: null }));
    // "close": the process has ended and its pipes (IPC included) are drained, so every message it sent has arrived.
    child.on("close", (code, signal) => resolve(killedFor ? { kind: "killed", reason: killedFor } : { kind: "exit", code, signal }));
  });
  clearInterval(watch);
  clearTimeout(timer);
  input.destroy();

  const message = finished as WorkerMessage | null;
  if (message?.type === "done") return message.result;
  if (message?.type === "error") {
    throw new AppError(message.code === "INTERNAL" ? "VALIDATION" : message.code, message.message, {
      details: { ...(typeof message.details === "object" && message.details !== null ? message.details : {}), runId },
    });
  }

  const heapExhausted = /heap out of memory|Reached heap limit/i.test(stderr);
  const reason: "memory" | "time" | "crash" = ending.kind === "killed" ? ending.reason : heapExhausted ? "memory" : "crash";
  const explanation =
    reason === "time"
      ? `The file could not be ingested: it took longer than ${Math.round(limits.milliseconds / 60_000)} minutes, the limit for a console upload, and was stopped.`
      : reason === "memory"
        ? `The file could not be ingested: reading it took more than ${heapExhausted ? `${limits.heapMb} MB of heap` : formatBytes(limits.rssBytes)} of memory, the limit for a console upload, and it was stopped.`
        : "The file could not be ingested: the process reading it stopped unexpectedly; the server log has the details.";
  if (reason === "crash") console.error(`Upload worker ended (${ending.kind === "exit" ? `code ${ending.code}, signal ${ending.signal}` : ending.reason}): ${stderr.trim()}`);
  if (runId !== null) {
    await getPgPool()
      .query("UPDATE ingest_runs SET status = 'FAILED', finished_at = now(), error = $2 WHERE id = $1 AND status IN ('RUNNING', 'ABANDONED')", [runId, explanation])
      .catch(() => undefined);
  }
  throw new AppError("VALIDATION", `${explanation} Load large or unusual files with npm run ingest.`, { details: { reason, runId } });
}

/** The resident memory of a process (Linux /proc), or null where it cannot be read. */
async function residentBytes(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
