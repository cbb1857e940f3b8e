import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { PRIVATE_CACHE_CONTROL, sharedMaxAgeSeconds } from "@/lib/http/cache-policy";
import { encodeResponse, preferredEncoding, type ResponseEncoding } from "@/lib/http/response-encoding";

/**
 * The production server's own shared cache (docs/decisions/0007 and 0008):
 * what a CDN would do, in front of Next.js, so that a spike of viewers of one
 * embed or incident page costs one render per 30 seconds, not one per viewer.
 *
 * - Only GET answers with status 200 whose Cache-Control is `public` with an
 *   `s-maxage` are kept, for that many seconds, and never ones that set a
 *   cookie. HEAD requests are answered from kept GET answers.
 * - The caller decides each request's key (`serve`'s `key`): the production
 *   server's is the site's origin, the canonical address of an allow-listed
 *   public route and the headers below (lib/http/plan-request.ts); `null`
 *   means "render, never keep". `forcePrivate` makes an answer
 *   `private, no-store` unless it already forbids storing (`no-store`).
 * - Public GET answers of any status are held back until complete and passed
 *   through `finalize`; all others stream through untouched.
 * - Answers are kept per key and per value of the request headers they vary
 *   on; an answer varying on any other header is not kept.
 * - Concurrent misses for the same key wait for the first render.
 * - `finalize` sees every public answer before it leaves the server, kept or
 *   not, error pages included (the server uses it to give pages a hash-based
 *   script policy).
 * - Requests that may be kept reach the handler without Accept-Encoding, so
 *   the handler answers uncompressed; a held answer is compressed once, after
 *   `finalize`, in the encoding the client prefers (lib/http/response-encoding.ts),
 *   and kept per that encoding. (Such a request whose answer turns out private
 *   streams uncompressed.)
 * - `clear()` drops everything (on a change notification). `setListening(false)`
 *   (the change notifications cannot be heard) changes nothing about serving:
 *   answers are still kept and served, but only for their s-maxage, as a CDN
 *   would; `setListening(true)` after that empties the cache, since
 *   notifications may have been missed meanwhile.
 */
export type PublicResponse = { statusCode: number; headers: OutgoingHttpHeaders; body: Buffer };

type StoredResponse = PublicResponse & { storedAt: number; expiresAt: number };

export type SharedResponseCacheOptions = {
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
  finalize?: (response: PublicResponse) => PublicResponse;
};

export type SharedResponseCacheStats = { hits: number; misses: number; stored: number; entries: number; bytes: number };

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type ServeOptions = {
  /** The cache key; null: render without keeping or sharing the render. Unset: host, URL and KEY_HEADERS. */
  key?: string | null;
  /** Send the answer as `private, no-store` unless the handler already said `no-store` (never with `public`). */
  forcePrivate?: boolean;
};


/** Request headers an answer may vary on and still be kept (Next.js's router headers and the encoding). */
export const KEY_HEADERS = ["accept-encoding", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** How long a request waits for another viewer's render of the same page before rendering itself. */
const MAX_WAIT_MS = 5_000;

export function createSharedResponseCache(options: SharedResponseCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 2_000;
  const maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const finalize = options.finalize ?? ((response: PublicResponse) => response);
  const entries = new Map<string, StoredResponse>();
  const rendering = new Map<string, Promise<void>>();
  const stats = { hits: 0, misses: 0, stored: 0 };
  let bytes = 0;
  let listening = true;
  /** Bumped by clear(): a render that started before it is not kept. */
  let generation = 0;

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  }

  function keep(key: string, response: PublicResponse, maxAgeSeconds: number) {
    drop(key);
    const storedAt = now();
    entries.set(key, { ...response, storedAt, expiresAt: storedAt + maxAgeSeconds * 1000 });
    bytes += response.body.length;
    stats.stored += 1;
    while (entries.size > maxEntries || bytes > maxBytes) drop(entries.keys().next().value!);
  }

  function fresh(key: string): StoredResponse | null {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= now()) {
      drop(key);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry); // most recently used last
    return entry;
  }

  function send(req: IncomingMessage, res: ServerResponse, entry: StoredResponse) {
    stats.hits += 1;
    res.writeHead(entry.statusCode, {
      ...entry.headers,
      age: String(Math.floor((now() - entry.storedAt) / 1000)),
      "x-kst-cache": "hit",
    });
    res.end(req.method === "HEAD" ? undefined : entry.body);
  }

  /**
   * Runs the handler, holding back a public answer until it is complete, then finalizes and maybe
   * keeps it. Settles when the answer is sent, the client has gone, or the handler settles;
   * `onPassed` runs as soon as the answer turns out not to be public (nobody need wait for it).
   */
  function render(
    req: IncomingMessage,
    res: ServerResponse,
    handler: Handler,
    { key, forcePrivate, cacheable, onPassed }: { key: string | null; forcePrivate: boolean; cacheable: boolean; onPassed?: () => void },
  ): Promise<void> {
    const startedIn = generation;
    // A request that could be kept is answered uncompressed by the handler and compressed once here.
    const encoding: ResponseEncoding | null = cacheable && req.method === "GET" ? preferredEncoding(req.headers["accept-encoding"]) : null;
    if (encoding) delete req.headers["accept-encoding"];
    return new Promise<void>((resolve) => {
      // Next.js adds about ten "close" listeners of its own; one more is expected, not a leak.
      res.setMaxListeners(res.getMaxListeners() + 1);
      res.once("close", () => resolve());
      const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
      const call = (method: (...args: never[]) => unknown, ...args: unknown[]) => (method as (...args: unknown[]) => unknown).apply(res, args);
      const chunks: Buffer[] = [];
      let mode: "undecided" | "pass" | "hold" = "undecided";
      let statusMessage: string | undefined;

      // The wrappers stay installed and delegate once the answer passes: code inside the handler (Next.js's
      // compression) wraps them in turn, so putting the originals back would bypass it.
      const decide = () => {
        if (mode !== "undecided") return;
        if (forcePrivate && !forbidsStoring(headerText(res.getHeader("cache-control")))) res.setHeader("cache-control", PRIVATE_CACHE_CONTROL);
        // Every public answer is held (and finalized), a 404 page too; only 200s are kept.
        const holdable = req.method === "GET" && !res.hasHeader("set-cookie") && sharedMaxAgeSeconds(headerText(res.getHeader("cache-control"))) !== null;
        if (holdable) {
          mode = "hold";
          return;
        }
        mode = "pass";
        onPassed?.();
        call(original.writeHead, res.statusCode, statusMessage);
      };

      res.writeHead = function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
        if (mode === "pass") return call(original.writeHead, statusCode, ...rest);
        if (mode === "hold") return res;
        res.statusCode = statusCode;
        statusMessage = typeof rest[0] === "string" ? rest[0] : undefined;
        const headers = rest.find((argument) => typeof argument === "object" && argument !== null);
        if (Array.isArray(headers)) {
          // Raw header lists are rare; pass such answers through (made private if they must be).
          mode = "pass";
          onPassed?.();
          const passed = forcePrivate ? rest.map((argument) => (argument === headers ? withPrivateCacheControl(headers) : argument)) : rest;
          return call(original.writeHead, statusCode, ...passed);
        }
        for (const [name, value] of Object.entries((headers ?? {}) as OutgoingHttpHeaders)) {
          if (value !== undefined) res.setHeader(name, value);
        }
        decide();
        return res;
      } as ServerResponse["writeHead"];

      // Through res.writeHead, not decide(): wrappers installed after this one (compression's on-headers) must see it.
      res.flushHeaders = function flushHeaders() {
        if (mode === "undecided") res.writeHead(res.statusCode);
        if (mode === "pass") call(original.flushHeaders);
      };

      const collect = (chunk: unknown, encoding: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === "function") return;
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      };
      const callbackOf = (...args: unknown[]) => args.find((argument) => typeof argument === "function") as (() => void) | undefined;

      res.write = function write(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
        if (mode === "undecided") res.writeHead(res.statusCode);
        if (mode === "pass") return call(original.write, chunk, ...rest) as boolean;
        collect(chunk, rest[0]);
        callbackOf(...rest)?.();
        return true;
      } as ServerResponse["write"];

      res.end = function end(this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
        if (mode === "undecided") res.writeHead(res.statusCode);
        if (mode === "pass") return call(original.end, chunk, ...rest) as ServerResponse;
        collect(chunk, rest[0]);
        const finalized = finalize({ statusCode: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
        const answer = encoding ? encodeResponse(finalized, encoding) : finalized;
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && name !== "transfer-encoding" && name !== "content-length") res.setHeader(name, value);
        }
        res.setHeader("content-length", answer.body.length);
        res.setHeader("x-kst-cache", "miss");
        const maxAge = sharedMaxAgeSeconds(headerText(answer.headers["cache-control"]));
        const keepable = answer.statusCode === 200 && maxAge !== null && answer.body.length <= MAX_BODY_BYTES && variesOnlyOnKeyHeaders(answer.headers);
        if (key && generation === startedIn && keepable) {
          keep(key, answer, maxAge);
        }
        call(original.writeHead, answer.statusCode, statusMessage);
        call(original.end, answer.body, callbackOf(...rest));
        resolve();
        return res;
      } as ServerResponse["end"];

      Promise.resolve()
        .then(() => handler(req, res))
        .then(() => resolve())
        .catch((error: unknown) => {
          if (!res.headersSent) {
            call(original.writeHead, 500);
            call(original.end);
          } else res.destroy(error instanceof Error ? error : undefined);
          resolve();
        });
    });
  }

  /** Answers from the cache when it can, else through `handler` (keeping what may be kept). */
  async function serve(req: IncomingMessage, res: ServerResponse, handler: Handler, options: ServeOptions = {}): Promise<void> {
    const forcePrivate = options.forcePrivate ?? false;
    const cacheable = (req.method === "GET" || req.method === "HEAD") && !forcePrivate;
    const key = cacheable ? (options.key === undefined ? cacheKey(req) : options.key) : null;
    if (!key) return render(req, res, handler, { key: null, forcePrivate, cacheable: false });
    for (let attempt = 0; attempt < 2; attempt++) {
      const entry = fresh(key);
      if (entry) return send(req, res, entry);
      const inFlight = rendering.get(key);
      if (!inFlight) break;
      // Wait for the first viewer's render, but never longer than MAX_WAIT_MS.
      await Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, MAX_WAIT_MS).unref())]);
    }
    stats.misses += 1;
    if (req.method === "HEAD" || rendering.has(key)) return render(req, res, handler, { key: null, forcePrivate: false, cacheable: true });
    let release = () => {};
    const waited = new Promise<void>((resolve) => (release = resolve));
    const stopWaiting = () => {
      if (rendering.get(key) === waited) rendering.delete(key);
      release();
    };
    rendering.set(key, waited);
    return render(req, res, handler, { key, forcePrivate: false, cacheable: true, onPassed: stopWaiting }).finally(stopWaiting);
  }

  return {
    serve,
    clear() {
      generation += 1;
      entries.clear();
      bytes = 0;
    },
    setListening(value: boolean) {
      if (value && !listening) this.clear();
      listening = value;
    },
    isListening() {
      return listening;
    },
    stats(): SharedResponseCacheStats {
      return { ...stats, entries: entries.size, bytes };
    },
  };
}

export type SharedResponseCache = ReturnType<typeof createSharedResponseCache>;

function cacheKey(req: IncomingMessage): string {
  return [req.headers.host ?? "", req.url ?? "/", ...keyHeaderValues(req.headers)].join("\n");
}

/** The request's values of KEY_HEADERS, for a cache key: the encoding as the one it will be answered in. */
export function keyHeaderValues(headers: IncomingMessage["headers"]): string[] {
  return KEY_HEADERS.map((name) => {
    const value = headers[name];
    if (name === "accept-encoding") return preferredEncoding(value);
    return Array.isArray(value) ? value.join(",") : (value ?? "");
  });
}

/** True for a Cache-Control that already forbids every cache to store the answer (`no-store`, never `public`). */
function forbidsStoring(cacheControl: string | undefined): boolean {
  const directives = (cacheControl ?? "").toLowerCase().split(",").map((directive) => directive.trim());
  return directives.includes("no-store") && !directives.includes("public");
}

/** A raw header list ([name, value, name, value…]) with its Cache-Control replaced by PRIVATE_CACHE_CONTROL. */
function withPrivateCacheControl(raw: unknown[]): unknown[] {
  const pairs: unknown[] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) {
    if (String(raw[index]).toLowerCase() !== "cache-control") pairs.push(raw[index], raw[index + 1]);
  }
  return [...pairs, "cache-control", PRIVATE_CACHE_CONTROL];
}

/** A header's value as one string (Next.js sets some as one-element arrays). */
function headerText(value: number | string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

function variesOnlyOnKeyHeaders(headers: OutgoingHttpHeaders): boolean {
  const vary = headerText(headers.vary);
  if (vary === undefined) return true;
  const names = vary.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  return names.every((name) => KEY_HEADERS.includes(name));
}
