import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { withHashedScriptPolicy } from "./public-page-policy";

const POLICY = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; frame-ancestors *";
const HTML =
  '<html><script nonce="abc">self.__next_f.push([0])</script><script src="/_next/static/a.js" nonce="abc"></script><script>injected()</script></html>';
const HASH = `'sha256-${createHash("sha256").update("self.__next_f.push([0])").digest("base64")}'`;

describe("withHashedScriptPolicy", () => {
  it("replaces the nonce with the hashes of the inline scripts that carry it, also when the page is compressed", () => {
    for (const [encoding, body] of [
      [undefined, Buffer.from(HTML)],
      ["gzip", gzipSync(HTML)],
    ] as const) {
      const response = withHashedScriptPolicy({
        statusCode: 200,
        headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": POLICY, "content-encoding": encoding },
        body,
      });
      expect(response.headers["content-security-policy"]).toBe(`default-src 'self'; script-src 'self' ${HASH}; frame-ancestors *`);
      expect(response.body).toBe(body);
    }
  });

  it("leaves answers that are not pages with a nonce alone", () => {
    const json = { statusCode: 200, headers: { "content-type": "application/json", "content-security-policy": POLICY }, body: Buffer.from("{}") };
    expect(withHashedScriptPolicy(json)).toBe(json);
    const api = { statusCode: 200, headers: { "content-type": "text/html", "content-security-policy": "default-src 'none'" }, body: Buffer.from(HTML) };
    expect(withHashedScriptPolicy(api)).toBe(api);
  });
});

describe("withHashedScriptPolicy on a page hydrated on interaction", () => {
  it("leaves with Next.js's scripts inert, compressed as it came, and hashes its inline scripts", () => {
    const page = `<html><script src="/_next/static/a.js" async="" nonce="abc"></script><main data-kst-hydrate="on-interaction"></main><script nonce="abc">self.__next_f.push([0])</script></html>`;
    const response = withHashedScriptPolicy({
      statusCode: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": POLICY, "content-encoding": "gzip" },
      body: gzipSync(page),
    });
    expect(gunzipSync(response.body).toString("utf8")).toBe(
      `<html><script type="text/x-kst-deferred" data-src="/_next/static/a.js"></script><main data-kst-hydrate="on-interaction"></main><script nonce="abc">self.__next_f.push([0])</script></html>`,
    );
    expect(response.headers["content-security-policy"]).toBe(`default-src 'self'; script-src 'self' ${HASH}; frame-ancestors *`);
  });
});

describe("withHashedScriptPolicy on a page in Russian and Kazakh", () => {
  it("hashes the bytes the browser receives and leaves every letter as it was", () => {
    const script = 'self.__next_f.push([1,"Отключение интернета — Қазақстан ә ғ қ ң ө ұ ү һ і"])';
    const page = `<html><script src="/_next/static/a.js" nonce="abc"></script><main data-kst-hydrate="on-interaction"><h1>Шектеу «Kcell»</h1></main><script nonce="abc">${script}</script></html>`;
    const response = withHashedScriptPolicy({
      statusCode: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": POLICY },
      body: Buffer.from(page, "utf8"),
    });
    const hash = `'sha256-${createHash("sha256").update(Buffer.from(script, "utf8")).digest("base64")}'`;
    expect(response.headers["content-security-policy"]).toBe(`default-src 'self'; script-src 'self' ${hash}; frame-ancestors *`);
    expect(response.body.toString("utf8")).toBe(page.replace('<script src="/_next/static/a.js" nonce="abc"></script>', '<script type="text/x-kst-deferred" data-src="/_next/static/a.js"></script>'));
  });
});
