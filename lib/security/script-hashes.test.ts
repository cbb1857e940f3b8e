import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, withScriptHashes } from "./script-hashes";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes each inline script's exact text once, and skips external scripts and data blocks", () => {
    const html = [
      '<script src="/_next/static/chunks/main.js" async="" nonce="abc"></script>',
      '<script nonce="abc">self.__next_f=self.__next_f||[];self.__next_f.push([0])</script>',
      '<script>self.__next_f.push([1,"Жаңаөзен \\u003c/script"])</script>',
      '<script type="application/ld+json">{"@type":"Dataset"}</script>',
      '<script nonce="abc">self.__next_f=self.__next_f||[];self.__next_f.push([0])</script>',
      '<SCRIPT type="module">import "/x.js"</SCRIPT >',
    ].join("\n");
    expect(inlineScriptHashes(html)).toEqual([
      sha("self.__next_f=self.__next_f||[];self.__next_f.push([0])"),
      sha('self.__next_f.push([1,"Жаңаөзен \\u003c/script"])'),
      sha('import "/x.js"'),
    ]);
  });

  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes("<p>No scripts</p>")).toEqual([]);
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
