import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { gzipBomb } from "../testing/hostile-inputs";
import { FeedHttpError, fetchJson } from "./fetch-json";

/**
 * fetchJson against a real local HTTP server: a live pull never holds more
 * than its response limit, whether the body is announced as large, streams
 * on without end, or is a small gzip answer that inflates to gigabytes.
 */

let server: http.Server;
let baseUrl: string;
const endless = { writes: 0, closed: false };

beforeAll(async () => {
  const megabyte = Buffer.alloc(1024 * 1024, " ");
  // 256 MiB of spaces inside a JSON string, gzipped: about 256 KB on the wire.
  const bomb = gzipBomb(256 * 1024 * 1024, { prefix: '{"padding":"', text: " " });
  server = http.createServer((request, response) => {
    if (request.url === "/small") {
      response.setHeader("content-type", "application/json");
      response.end('{"ok":true}');
    } else if (request.url === "/announced") {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(512 * 1024 * 1024) });
      response.write("{");
    } else if (request.url === "/endless") {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"padding":"');
      const push = () => {
        while (!endless.closed && response.write(megabyte)) endless.writes += 1;
        if (!endless.closed) response.once("drain", push);
      };
      response.on("close", () => (endless.closed = true));
      push();
    } else if (request.url === "/missing") {
      response.writeHead(404, { "content-type": "application/json" });
      response.end('{"error":"not here"}');
    } else if (request.url === "/bomb") {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(bomb.length) });
      response.end(bomb);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = { maxBytes: 8 * 1024 * 1024, attempts: 1 };

describe("fetchJson's response limit", () => {
  it("reads an answer under the limit", async () => {
    expect(await fetchJson(`${baseUrl}/small`, options)).toEqual({ ok: true });
  });

  it("refuses an answer whose Content-Length is over the limit without reading it", async () => {
    const failure = fetchJson(`${baseUrl}/announced`, options);
    await expect(failure).rejects.toBeInstanceOf(FeedHttpError);
    await expect(failure).rejects.toThrow("The response is larger than 8 MiB, the limit for one live-pull response");
  });

  it("stops reading a body that never ends, and closes the connection", async () => {
    const before = process.memoryUsage().rss;
    await expect(fetchJson(`${baseUrl}/endless`, options)).rejects.toThrow(/larger than 8 MiB/);
    await expect.poll(() => endless.closed).toBe(true);
    expect(endless.writes).toBeLessThan(200);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it("counts the body after decompression: a small gzip answer that inflates to 256 MiB is refused", async () => {
    await expect(fetchJson(`${baseUrl}/bomb`, options)).rejects.toThrow(/larger than 8 MiB/);
  });

  it("has a default limit of 64 MiB", async () => {
    await expect(fetchJson(`${baseUrl}/bomb`, { attempts: 1 })).rejects.toThrow(/larger than 64 MiB/);
  });
});

describe("fetchJson's failures", () => {
  it("are AppErrors of code FEED whose message names the address, so they print as themselves", async () => {
    const failure = await fetchJson(`${baseUrl}/missing`, options).catch((error: unknown) => error);
    expect(isAppError(failure, "FEED")).toBe(true);
    expect(failure).toMatchObject({ reason: "HTTP 404", status: 404, url: `${baseUrl}/missing`, message: `HTTP 404 (${baseUrl}/missing)` });
  });
});
