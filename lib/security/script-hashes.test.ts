import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, policyNonce, withScriptHashes } from "./script-hashes";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes the exact text of each inline script carrying the render's nonce, once each", () => {
    const html = [
      '<script src="/_next/static/chunks/main.js" async="" nonce="abc"></script>',
      '<script nonce="abc">self.__next_f=self.__next_f||[];self.__next_f.push([0])</script>',
      '<script nonce="abc">self.__next_f.push([1,"Жаңаөзен \\u003c/script"])</script>',
      '<script nonce="abc">self.__next_f=self.__next_f||[];self.__next_f.push([0])</script>',
      '<SCRIPT type="module" nonce="abc">import "/x.js"</SCRIPT >',
    ].join("\n");
    expect(inlineScriptHashes(html, "abc")).toEqual([
      sha("self.__next_f=self.__next_f||[];self.__next_f.push([0])"),
      sha('self.__next_f.push([1,"Жаңаөзен \\u003c/script"])'),
      sha('import "/x.js"'),
    ]);
  });

  it("never hashes a script without the nonce, or with another one: it stays blocked", () => {
    const html = '<p><script>alert(1)</script><script nonce="guess">alert(2)</script><script nonce="abc">ok()</script></p>';
    expect(inlineScriptHashes(html, "abc")).toEqual([sha("ok()")]);
    expect(inlineScriptHashes("<p>No scripts</p>", "abc")).toEqual([]);
  });
});

describe("policyNonce", () => {
  it("reads the nonce of a policy", () => {
    expect(policyNonce("script-src 'self' 'nonce-YWJj' 'strict-dynamic'")).toBe("YWJj");
    expect(policyNonce("default-src 'none'")).toBeNull();
  });
});

describe("withScriptHashes", () => {
  it("replaces the nonce and 'strict-dynamic' in script-src only", () => {
    const policy = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; frame-ancestors *";
    expect(withScriptHashes(policy, ["'sha256-a'", "'sha256-b'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self' 'unsafe-inline'; frame-ancestors *",
    );
  });
});
