import type { OutgoingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodeResponse, preferredEncoding } from "./response-encoding";

describe("preferredEncoding", () => {
  it("prefers brotli, then gzip, as the client accepts them", () => {
    expect(preferredEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredEncoding("gzip, deflate")).toBe("gzip");
    expect(preferredEncoding("GZIP;q=0.8")).toBe("gzip");
    expect(preferredEncoding(["deflate", "gzip"])).toBe("gzip");
  });

  it("answers uncompressed when nothing usable is accepted, and honours q=0 and *", () => {
    expect(preferredEncoding(undefined)).toBe("identity");
    expect(preferredEncoding("")).toBe("identity");
    expect(preferredEncoding("deflate")).toBe("identity");
    expect(preferredEncoding("br;q=0, gzip")).toBe("gzip");
    expect(preferredEncoding("*")).toBe("br");
    expect(preferredEncoding("*, br;q=0")).toBe("gzip");
    expect(preferredEncoding("br;q=0, gzip;q=0")).toBe("identity");
  });
});

describe("encodeResponse", () => {
  const page = (body: string, headers: OutgoingHttpHeaders = {}): { headers: OutgoingHttpHeaders; body: Buffer } => ({
    headers: { "content-type": "text/html; charset=utf-8", ...headers },
    body: Buffer.from(body),
  });
  const long = "<p>text</p>".repeat(500);

  it("compresses text in the encoding given, saying so and varying on Accept-Encoding", () => {
    const brotli = encodeResponse(page(long, { vary: "rsc" }), "br");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers.vary).toBe("rsc, accept-encoding");
    expect(brotliDecompressSync(brotli.body).toString()).toBe(long);
    const gzip = encodeResponse(page(long), "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(long);
  });

  it("leaves small, already encoded and binary answers as they are", () => {
    expect(encodeResponse(page("<p>short</p>"), "br").headers["content-encoding"]).toBeUndefined();
    const encoded = page(long, { "content-encoding": "gzip" });
    expect(encodeResponse(encoded, "br")).toBe(encoded);
    const png: { headers: OutgoingHttpHeaders; body: Buffer } = { headers: { "content-type": "image/png" }, body: Buffer.alloc(5000) };
    expect(encodeResponse(png, "br")).toBe(png);
    expect(encodeResponse(page(long), "identity").body.toString()).toBe(long);
  });
});
