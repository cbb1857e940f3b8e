import { AppError } from "@/lib/errors";
import { formatBytes, INGEST_LIMITS } from "../limits";

/**
 * GET a JSON document from a feed API, politely: a minimum gap between
 * requests, and on 429 or 5xx a retry after the server's Retry-After or an
 * exponential back-off with jitter. A 4xx other than 429, a body that is not
 * JSON, a body larger than `maxBytes` (INGEST_LIMITS.responseBytes by
 * default, counted after HTTP decompression, so neither a huge nor a
 * compressed-bomb answer is ever held whole), or running out of attempts is a
 * FeedHttpError, an AppError "FEED" (fatal for the pull; the cursor lets the
 * next run resume).
 */

/** A feed's API could not be read. Its message names the address, so it says everything where it is printed or recorded. */
export class FeedHttpError extends AppError {
  constructor(
    /** What went wrong: "HTTP 404", "The response is not JSON (…)". */
    readonly reason: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super("FEED", `${reason} (${url})`);
    this.name = "FeedHttpError";
  }
}

export type FetchJsonOptions = {
  headers?: Record<string, string>;
  /** Attempts in all, first one included. */
  attempts?: number;
  /** First back-off in ms; doubles each retry. */
  backoffMs?: number;
  /** Longest single wait in ms, whatever Retry-After says. */
  maxWaitMs?: number;
  timeoutMs?: number;
  /** Largest body read (bytes, after decompression); default INGEST_LIMITS.responseBytes. */
  maxBytes?: number;
  /** For tests and logs. */
  onRetry?: (info: { url: string; status?: number; attempt: number; waitMs: number }) => void;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

export async function fetchJson<T = unknown>(url: string, options: FetchJsonOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 6;
  const backoffMs = options.backoffMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  const doFetch = options.fetch ?? fetch;

  for (let attempt = 1; ; attempt += 1) {
    let status: number | undefined;
    let wait: number | null = null;
    try {
      const response = await doFetch(url, {
        headers: { accept: "application/json", ...options.headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
      status = response.status;
      if (response.ok) {
        const text = await readBody(response, url, options.maxBytes ?? INGEST_LIMITS.responseBytes);
        try {
          return JSON.parse(text) as T;
        } catch {
          throw new FeedHttpError(`The response is not JSON (${text.slice(0, 80)}…)`, url, status);
        }
      }
      if (status !== 429 && status < 500) throw new FeedHttpError(`HTTP ${status}`, url, status);
      wait = retryAfterMs(response.headers.get("retry-after"));
    } catch (error) {
      if (error instanceof FeedHttpError) throw error;
      // Network errors and timeouts are retried like a 5xx.
      if (attempt >= attempts) throw new FeedHttpError(`Request failed: ${(error as Error).message}`, url);
    }
    if (attempt >= attempts) throw new FeedHttpError(`HTTP ${status} after ${attempts} attempts`, url, status);
    const backoff = backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);
    const waitMs = Math.min(maxWaitMs, wait ?? backoff);
    options.onRetry?.({ url, status, attempt, waitMs });
    await sleep(waitMs);
  }
}

/** The body as text, read chunk by chunk and abandoned as soon as it passes `maxBytes`. */
async function readBody(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new FeedHttpError(`The response is larger than ${formatBytes(maxBytes)}, the limit for one live-pull response; ask for a shorter window or fewer networks`, url, response.status);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
