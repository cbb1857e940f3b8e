import { describe, expect, it } from "vitest";
import { deferHydrationUntilInteraction, DEFERRED_SCRIPT_TYPE, HYDRATE_ON_INTERACTION_MARKER } from "./deferred-hydration";

const HEAD =
  '<head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/runtime-1.js"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/app.css"/>' +
  '<script src="/_next/static/chunks/runtime-1.js" async="" nonce="abc"></script>' +
  '<script src="/_next/static/chunks/polyfills-2.js" noModule="" nonce="abc"></script>' +
  '<script src="/embed-frame.js" async="" nonce="abc"></script></head>';
const BODY = '<main data-embed="">chart</main><script nonce="abc">(self.__next_f=self.__next_f||[]).push([0])</script>';

describe("deferHydrationUntilInteraction", () => {
  it("leaves a page that does not ask for it alone", () => {
    expect(deferHydrationUntilInteraction(`<html>${HEAD}<body>${BODY}</body></html>`)).toBeNull();
  });

  it("makes Next.js's scripts inert, drops their preloads and the legacy polyfills, and keeps everything else", () => {
    const html = `<html>${HEAD}<body><div ${HYDRATE_ON_INTERACTION_MARKER}>${BODY}</div></body></html>`;
    const deferred = deferHydrationUntilInteraction(html)!;
    expect(deferred).toBe(
      "<html><head>" +
        '<link rel="stylesheet" href="/_next/static/chunks/app.css"/>' +
        `<script type="${DEFERRED_SCRIPT_TYPE}" data-src="/_next/static/chunks/runtime-1.js"></script>` +
        '<script src="/embed-frame.js" async="" nonce="abc"></script></head>' +
        `<body><div ${HYDRATE_ON_INTERACTION_MARKER}>${BODY}</div></body></html>`,
    );
  });

  it("is not fooled by the marker's words in escaped text", () => {
    expect(deferHydrationUntilInteraction(`<html>${HEAD}<body><p>data-kst-hydrate=&quot;on-interaction&quot;</p>${BODY}</body></html>`)).toBeNull();
  });
});
