import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "./cache-policy";
import { createSharedResponseCache, type SharedResponseCacheOptions } from "./shared-response-cache";

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections(); // bodies some tests leave unread
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

/** A real HTTP server whose requests go through the cache to `handler`, counting renders. */
async function serverWith(handler: Handler, options: SharedResponseCacheOptions = {}) {
  const cache = createSharedResponseCache(options);
  let renders = 0;
  const server = http.createServer((req, res) => {
    void cache.serve(req, res, async (innerReq, innerRes) => {
      renders += 1;
      await handler(innerReq, innerRes);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { cache, origin, renders: () => renders };
}

/** Streams its answer in two writes, as Next.js does. */
const streamingPage =
  (cacheControl: string, extra: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", cacheControl);
    for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
    res.write("<p>first</p>");
    setTimeout(() => res.end("<p>second</p>"), 5);
  };

describe("createSharedResponseCache", () => {
  it("keeps a public answer and serves it again without rendering", async () => {
    const { origin, renders, cache } = await serverWith(streamingPage(PUBLIC_CACHE_CONTROL));
    const first = await fetch(`${origin}/embed/timeline`);
    expect(first.headers.get("x-kst-cache")).toBe("miss");
    expect(await first.text()).toBe("<p>first</p><p>second</p>");
    const second = await fetch(`${origin}/embed/timeline`);
    expect(second.headers.get("x-kst-cache")).toBe("hit");
    expect(second.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(second.headers.get("age")).toBe("0");
    expect(await second.text()).toBe("<p>first</p><p>second</p>");
    expect(renders()).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, stored: 1, entries: 1 });
    // Another URL is another entry.
    await fetch(`${origin}/embed/timeline?theme=dark`);
    expect(renders()).toBe(2);
  });

  it("never keeps private answers, answers that set a cookie, errors or non-GET requests", async () => {
    const handlers: Record<string, Handler> = {
      "/private": streamingPage("private, no-cache, no-store, max-age=0, must-revalidate"),
      "/cookie": streamingPage(PUBLIC_CACHE_CONTROL, { "set-cookie": "a=b" }),
      "/missing": (_req, res) => {
        res.writeHead(404, { "cache-control": PUBLIC_CACHE_CONTROL });
        res.end("gone");
      },
      "/post": streamingPage(PUBLIC_CACHE_CONTROL),
    };
    const { origin, renders } = await serverWith((req, res) => handlers[req.url!]!(req, res));
    for (const path of ["/private", "/cookie", "/missing"]) {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${origin}${path}`);
        // A public 404 is held back and finalized ("miss") but never kept.
        expect(response.headers.get("x-kst-cache"), path).toBe(path === "/missing" ? "miss" : null);
        await response.text();
      }
    }
    await fetch(`${origin}/post`, { method: "POST" });
    await fetch(`${origin}/post`, { method: "POST" });
    expect(renders()).toBe(8);
  });

  it("passes private answers through as they stream", async () => {
    let release = () => {};
    const { origin } = await serverWith((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain", "cache-control": "private, no-store" });
      res.write("early ");
      release = () => res.end("late");
    });
    const response = await fetch(`${origin}/staff`);
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe("early ");
    release();
  });

  it("keeps one answer per value of the headers it varies on, and none for other Vary headers", async () => {
    const { origin, renders } = await serverWith((req, res) => {
      const vary = req.url === "/by-cookie" ? "Cookie" : "rsc, Accept-Encoding";
      res.writeHead(200, { "cache-control": PUBLIC_CACHE_CONTROL, vary });
      res.end(req.headers.rsc === "1" ? "flight" : "html");
    });
    expect(await (await fetch(`${origin}/page`)).text()).toBe("html");
    expect(await (await fetch(`${origin}/page`, { headers: { rsc: "1" } })).text()).toBe("flight");
    expect(await (await fetch(`${origin}/page`)).text()).toBe("html");
    expect(await (await fetch(`${origin}/page`, { headers: { rsc: "1" } })).text()).toBe("flight");
    expect(renders()).toBe(2);
    await fetch(`${origin}/by-cookie`);
    await fetch(`${origin}/by-cookie`);
    expect(renders()).toBe(4);
  });

  it("lets an answer go after its s-maxage", async () => {
    let clock = 1_000_000;
    const { origin, renders } = await serverWith(streamingPage("public, s-maxage=30"), { now: () => clock });
    await fetch(`${origin}/a`);
    clock += 29_000;
    expect((await fetch(`${origin}/a`)).headers.get("age")).toBe("29");
    clock += 1_000;
    expect((await fetch(`${origin}/a`)).headers.get("x-kst-cache")).toBe("miss");
    expect(renders()).toBe(2);
  });

  it("renders once for concurrent misses of the same page", async () => {
    const { origin, renders } = await serverWith(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      res.writeHead(200, { "cache-control": PUBLIC_CACHE_CONTROL });
      res.end("slow page");
    });
    const bodies = await Promise.all(Array.from({ length: 8 }, () => fetch(`${origin}/slow`).then((response) => response.text())));
    expect(bodies).toEqual(Array(8).fill("slow page"));
    expect(renders()).toBe(1);
  });

  it("answers HEAD from a kept GET answer, without a body", async () => {
    const { origin, renders } = await serverWith(streamingPage(PUBLIC_CACHE_CONTROL));
    await fetch(`${origin}/p`);
    const head = await fetch(`${origin}/p`, { method: "HEAD" });
    expect(head.headers.get("x-kst-cache")).toBe("hit");
    expect(await head.text()).toBe("");
    expect(renders()).toBe(1);
  });

  it("empties on clear(), and finalizes public answers", async () => {
    const { origin, renders, cache } = await serverWith(streamingPage(PUBLIC_CACHE_CONTROL), {
      finalize: (answer) => ({ ...answer, headers: { ...answer.headers, "x-finalized": "yes" } }),
    });
    await fetch(`${origin}/p`);
    cache.clear();
    const again = await fetch(`${origin}/p`);
    expect(again.headers.get("x-kst-cache")).toBe("miss");
    expect(again.headers.get("x-finalized")).toBe("yes");
    expect((await fetch(`${origin}/p`)).headers.get("x-finalized")).toBe("yes");
    expect(renders()).toBe(2);
  });

  it("while change notifications cannot be heard, still coalesces misses and serves answers for their s-maxage only; hearing them again empties it", async () => {
    let clock = 1_000_000;
    const { origin, renders, cache } = await serverWith(
      async (_req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        res.writeHead(200, { "cache-control": "public, max-age=0, s-maxage=30" });
        res.end(`render at ${clock}`);
      },
      { now: () => clock },
    );
    cache.setListening(false);
    const bodies = await Promise.all(Array.from({ length: 6 }, () => fetch(`${origin}/down`).then((response) => response.text())));
    expect(new Set(bodies).size).toBe(1);
    expect(renders()).toBe(1);
    clock += 29_000;
    const fresh = await fetch(`${origin}/down`);
    expect(fresh.headers.get("x-kst-cache")).toBe("hit");
    expect(fresh.headers.get("age")).toBe("29");
    clock += 1_000;
    // Nothing stale: past its s-maxage an answer is rendered again.
    expect((await fetch(`${origin}/down`)).headers.get("x-kst-cache")).toBe("miss");
    expect(renders()).toBe(2);
    // Listening again: notifications may have been missed while deaf, so nothing kept then is served.
    cache.setListening(true);
    expect((await fetch(`${origin}/down`)).headers.get("x-kst-cache")).toBe("miss");
    expect((await fetch(`${origin}/down`)).headers.get("x-kst-cache")).toBe("hit");
    expect(renders()).toBe(3);
  });

  it("keeps answers under the key it is given, renders alone without one, and makes an answer private when told", async () => {
    const cache = createSharedResponseCache();
    let renders = 0;
    const server = http.createServer((req, res) => {
      const canonical = req.url!.split("?")[0]!;
      const options = req.headers["x-test"] === "private" ? { key: null, forcePrivate: true } : req.headers["x-test"] === "unkeyed" ? { key: null } : { key: canonical };
      void cache.serve(req, res, (_innerReq, innerRes) => {
        renders += 1;
        innerRes.writeHead(200, { "cache-control": req.headers["x-answer"] === "no-store" ? "no-store" : PUBLIC_CACHE_CONTROL });
        innerRes.end(`render ${renders}`);
      }, options);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${origin}/page?utm_source=a`)).text()).toBe("render 1");
    const hit = await fetch(`${origin}/page?utm_source=b`);
    expect(hit.headers.get("x-kst-cache")).toBe("hit");
    expect(await hit.text()).toBe("render 1");
    const unkeyed = await fetch(`${origin}/page`, { headers: { "x-test": "unkeyed" } });
    expect(await unkeyed.text()).toBe("render 2");
    expect(unkeyed.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    const forced = await fetch(`${origin}/page`, { headers: { "x-test": "private" } });
    expect(await forced.text()).toBe("render 3");
    expect(forced.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
    expect(forced.headers.get("x-kst-cache")).toBeNull();
    // An answer that already forbids storing keeps its own words.
    const noStore = await fetch(`${origin}/page`, { headers: { "x-test": "private", "x-answer": "no-store" } });
    expect(noStore.headers.get("cache-control")).toBe("no-store");
    expect(await (await fetch(`${origin}/page`)).text()).toBe("render 1");
  });

  it("hands the handler no Accept-Encoding and compresses a public answer once, keeping one copy per encoding chosen", async () => {
    const seen: Array<string | undefined> = [];
    const body = "<p>a public page</p>".repeat(200);
    const { origin, renders } = await serverWith((req, res) => {
      seen.push(req.headers["accept-encoding"]);
      res.writeHead(200, { "cache-control": PUBLIC_CACHE_CONTROL, "content-type": "text/html; charset=utf-8" });
      res.end(body);
    });
    const ask = (acceptEncoding: string) => new Promise<{ encoding?: string; vary?: string; bytes: Buffer }>((resolve, reject) => {
      http.get(`${origin}/page`, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ encoding: response.headers["content-encoding"], vary: response.headers.vary, bytes: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
    const brotli = await ask("gzip, deflate, br");
    expect(brotli.encoding).toBe("br");
    expect(brotli.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli.bytes).toString()).toBe(body);
    // Another spelling of the same choice is the same copy.
    expect((await ask("br;q=1, gzip;q=0.5")).encoding).toBe("br");
    const gzip = await ask("gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(gunzipSync(gzip.bytes).toString()).toBe(body);
    const identity = await ask("identity");
    expect(identity.encoding).toBeUndefined();
    expect(identity.bytes.toString()).toBe(body);
    expect(renders()).toBe(3);
    expect(seen).toEqual([undefined, undefined, undefined]);
  });

  it("works with a handler that wraps the response again, as Next.js's compression does", async () => {
    const { origin, renders } = await serverWith((req, res) => {
      const chunks: Buffer[] = [];
      const write = res.write;
      const end = res.end;
      res.write = ((chunk: string) => {
        chunks.push(Buffer.from(chunk));
        return true;
      }) as typeof res.write;
      res.end = ((chunk?: string) => {
        if (chunk) chunks.push(Buffer.from(chunk));
        (write as (chunk: Buffer) => boolean).call(res, gzipSync(Buffer.concat(chunks)));
        return (end as () => typeof res).call(res);
      }) as typeof res.end;
      res.writeHead(200, {
        "cache-control": req.url === "/public" ? PUBLIC_CACHE_CONTROL : "private, no-store",
        "content-encoding": "gzip",
        "content-type": "text/plain",
      });
      res.write("compressed ");
      res.end("body");
    });
    for (const path of ["/public", "/public", "/private"]) {
      expect(await (await fetch(`${origin}${path}`)).text()).toBe("compressed body");
    }
    expect(renders()).toBe(2);
  });

  it("lets wrappers installed by the handler see the headers when the handler flushes them first", async () => {
    const { origin, renders } = await serverWith((req, res) => {
      // Like on-headers (used by compression): run a listener once, just before the head is written.
      const writeHead = res.writeHead;
      let fired = false;
      res.writeHead = function (this: typeof res, ...args: unknown[]) {
        if (!fired) {
          fired = true;
          res.setHeader("x-wrapped", "yes");
        }
        return (writeHead as (...args: unknown[]) => typeof res).apply(this, args);
      } as typeof res.writeHead;
      res.statusCode = 200;
      res.setHeader("cache-control", req.url === "/public" ? PUBLIC_CACHE_CONTROL : "private, no-store");
      res.flushHeaders();
      res.write("flushed ");
      res.end("first");
    });
    for (const path of ["/public", "/public", "/private"]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.headers.get("x-wrapped"), path).toBe("yes");
      expect(await response.text()).toBe("flushed first");
    }
    expect(renders()).toBe(2);
  });

  it("never lets a viewer who left hold up the next one", async () => {
    let calls = 0;
    const { origin } = await serverWith((_req, res) => {
      calls += 1;
      res.writeHead(200, { "cache-control": PUBLIC_CACHE_CONTROL });
      if (calls === 1) return; // the first render never finishes
      res.end("second");
    });
    const gone = new AbortController();
    const first = fetch(`${origin}/stuck`, { signal: gone.signal }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.abort();
    await first;
    const started = Date.now();
    expect(await (await fetch(`${origin}/stuck`)).text()).toBe("second");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("does not make concurrent requests wait for an answer that turns out private", async () => {
    const starts: number[] = [];
    const { origin } = await serverWith((_req, res) => {
      starts.push(Date.now());
      res.writeHead(200, { "cache-control": "private, no-store" });
      res.write("slow ");
      setTimeout(() => res.end("private"), 300);
    });
    const began = Date.now();
    const bodies = await Promise.all([fetch(`${origin}/own`), fetch(`${origin}/own`)].map((request) => request.then((response) => response.text())));
    expect(bodies).toEqual(["slow private", "slow private"]);
    expect(starts).toHaveLength(2);
    expect(Math.max(...starts) - began).toBeLessThan(250);
  });
});

