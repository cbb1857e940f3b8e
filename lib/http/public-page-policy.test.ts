import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { finalizePublicPage } from "./public-page-policy";
import type { PublicResponse } from "./shared-response-cache";

/** Pages of a build without style sheets: nothing to inline. */
const finalizeWithoutSheets = (response: PublicResponse) => finalizePublicPage(response, () => null);
const POLICY = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; frame-ancestors *";
const HTML =
  '<html><script nonce="abc">self.__next_f.push([0])</script><script src="/_next/static/a.js" nonce="abc"></script><script>injected()</script></html>';
const HASH = `'sha256-${createHash("sha256").update("self.__next_f.push([0])").digest("base64")}'`;

describe("finalizePublicPage", () => {
  it("replaces the nonce with the hashes of the inline scripts that carry it, also when the page is compressed", () => {
    for (const [encoding, body] of [
      [undefined, Buffer.from(HTML)],
      ["gzip", gzipSync(HTML)],
    ] as const) {
      const response = finalizeWithoutSheets({
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
    expect(finalizeWithoutSheets(json)).toBe(json);
    const api = { statusCode: 200, headers: { "content-type": "text/html", "content-security-policy": "default-src 'none'" }, body: Buffer.from(HTML) };
    expect(finalizeWithoutSheets(api)).toBe(api);
  });
});

describe("finalizePublicPage on a page hydrated on interaction", () => {
  it("leaves with Next.js's scripts inert, compressed as it came, and hashes its inline scripts", () => {
    const page = `<html><script src="/_next/static/a.js" async="" nonce="abc"></script><main data-kst-hydrate="on-interaction"></main><script nonce="abc">self.__next_f.push([0])</script></html>`;
    const response = finalizeWithoutSheets({
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

describe("finalizePublicPage on a page in Russian and Kazakh", () => {
  it("hashes the bytes the browser receives and leaves every letter as it was", () => {
    const script = 'self.__next_f.push([1,"Отключение интернета — Қазақстан ә ғ қ ң ө ұ ү һ і"])';
    const page = `<html><script src="/_next/static/a.js" nonce="abc"></script><main data-kst-hydrate="on-interaction"><h1>Шектеу «Kcell»</h1></main><script nonce="abc">${script}</script></html>`;
    const response = finalizeWithoutSheets({
      statusCode: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": POLICY },
      body: Buffer.from(page, "utf8"),
    });
    const hash = `'sha256-${createHash("sha256").update(Buffer.from(script, "utf8")).digest("base64")}'`;
    expect(response.headers["content-security-policy"]).toBe(`default-src 'self'; script-src 'self' ${hash}; frame-ancestors *`);
    expect(response.body.toString("utf8")).toBe(page.replace('<script src="/_next/static/a.js" nonce="abc"></script>', '<script type="text/x-kst-deferred" data-src="/_next/static/a.js"></script>'));
  });
});

describe("finalizePublicPage with the build's style sheets", () => {
  const CSS = ".frame{color:#111}.chart::after{content:\"–\"}";
  const OTHER_SHEETS: Record<string, string> = {
    "/_next/static/chunks/evil.css": "a{}</style><script>x()</script>",
    "/_next/static/chunks/font.css": "@font-face{src:url(../media/font.woff2)}",
  };
  const sheets = (href: string) => (href === "/_next/static/chunks/a.css" ? Buffer.from(CSS, "utf8").toString("latin1") : (OTHER_SHEETS[href] ?? null));
  const page = (links: string) => `<html><head>${links}<script nonce="abc">self.__next_f.push([0])</script></head><body><p>Қазақстан</p></body></html>`;

  it("puts each sheet inside the page and allows exactly its text by its hash", () => {
    const response = finalizePublicPage(
      {
        statusCode: 200,
        headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": `${POLICY}; style-src 'self'` },
        body: Buffer.from(page('<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="abc" data-precedence="next"/>')),
      },
      sheets,
    );
    expect(response.body.toString("utf8")).toBe(page(`<style data-href="/_next/static/chunks/a.css">${CSS}</style>`));
    const styleHash = `'sha256-${createHash("sha256").update(CSS, "utf8").digest("base64")}'`;
    expect(response.headers["content-security-policy"]).toBe(`default-src 'self'; script-src 'self' ${HASH}; frame-ancestors *; style-src 'self' ${styleHash}`);
  });

  it("drops the preloads of the sheets it inlined from the Link header, and keeps every other entry", () => {
    const finalize = (link: string) =>
      finalizePublicPage(
        {
          statusCode: 200,
          headers: { "content-type": "text/html", "content-security-policy": `${POLICY}; style-src 'self'`, link },
          body: Buffer.from(page('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>')),
        },
        sheets,
      ).headers.link;
    const alternate = '<https://tracker.example/ru/isps>; rel="alternate"; hreflang="ru"';
    expect(finalize(`${alternate}, </_next/static/chunks/a.css>; rel=preload; as="style"; nonce="abc", </_next/static/chunks/b.css>; rel=preload; as="style"`)).toBe(
      `${alternate}, </_next/static/chunks/b.css>; rel=preload; as="style"`,
    );
    expect(finalize('</_next/static/chunks/a.css>; rel=preload; as="style"')).toBeUndefined();
    // Next.js sets the header as one value per entry.
    expect(finalize([alternate, '</_next/static/chunks/a.css>; rel=preload; as="style"'] as unknown as string)).toBe(alternate);
  });

  it("puts the sheets a page only announces (a not-found page links none) at the end of its head", () => {
    const response = finalizePublicPage(
      {
        statusCode: 404,
        headers: { "content-type": "text/html", "content-security-policy": `${POLICY}; style-src 'self'`, link: '</_next/static/chunks/a.css>; rel=preload; as="style"' },
        body: Buffer.from(page("")),
      },
      sheets,
    );
    expect(response.body.toString("utf8")).toBe(page("").replace("</head>", `<style data-href="/_next/static/chunks/a.css">${CSS}</style></head>`));
    expect(response.headers["content-security-policy"]).toContain(`style-src 'self' 'sha256-${createHash("sha256").update(CSS, "utf8").digest("base64")}'`);
    expect(response.headers.link).toBeUndefined();
  });

  it("leaves as links what is not a sheet of the build, could end its <style> early, or names files relative to itself", () => {
    for (const link of [
      '<link rel="stylesheet" href="/_next/static/chunks/missing.css"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/evil.css"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/font.css"/>',
      '<link rel="stylesheet" href="/_next/static/../../etc/passwd.css"/>',
      '<link rel="stylesheet" href="https://elsewhere.example/a.css"/>',
      '<link rel="preload" href="/_next/static/chunks/a.css"/>',
    ]) {
      const response = finalizePublicPage({ statusCode: 200, headers: { "content-type": "text/html", "content-security-policy": `${POLICY}; style-src 'self'` }, body: Buffer.from(page(link)) }, sheets);
      expect(response.body.toString("utf8"), link).toBe(page(link));
      expect(response.headers["content-security-policy"], link).toContain("style-src 'self'");
      expect(response.headers["content-security-policy"], link).not.toMatch(/style-src 'self' '/);
    }
  });
});
