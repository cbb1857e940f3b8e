/**
 * Hydration on interaction, for the pages that ask for it (embeds: decision 0025).
 *
 * An embed's chart, text and table are complete in the server's HTML, and its
 * frame script (public/embed-frame.js, about 1 kB) sizes the frame and opens
 * links outside without React. Next.js's own JavaScript (React, the router, the
 * page's client components: 100 kB and more, gzip) only adds interaction, so a
 * page that carries the marker below does not download it up front: its script
 * tags become inert placeholders and its script preloads go, and the frame
 * script loads them the first time the reader points at, touches, focuses or
 * types in the embed. React's payload (the inline `self.__next_f` scripts) stays,
 * so React hydrates then as it would have on load.
 *
 * Runs on public pages before they leave the server (lib/http/public-page-policy.ts),
 * so every viewer and any CDN gets the same bytes. Pages without the marker are untouched.
 */

/** What a page renders to ask for it: an attribute on an element of its body. */
export const HYDRATE_ON_INTERACTION_ATTRIBUTE = "data-kst-hydrate";
export const HYDRATE_ON_INTERACTION_MARKER = `${HYDRATE_ON_INTERACTION_ATTRIBUTE}="on-interaction"`;

/** The type that keeps a script inert until the frame script gives it its `src` (public/embed-frame.js reads it). */
export const DEFERRED_SCRIPT_TYPE = "text/x-kst-deferred";

/** Next.js's script files: `<script src="/_next/static/…">` with any other attributes (async, nonce, noModule). */
const NEXT_SCRIPT = /<script\b[^>]*?\ssrc="(\/_next\/static\/[^"]+\.js)"[^>]*><\/script>/g;
/** Preloads of those files, which would download them anyway. */
const NEXT_SCRIPT_PRELOAD = /<link\b(?=[^>]*\srel="(?:preload|modulepreload)")(?=[^>]*\shref="\/_next\/static\/[^"]+\.js")[^>]*>/g;
const NO_MODULE = /\snomodule(?:=""|\b)/i;

/** The page with Next.js's scripts made inert, or null when it does not ask for it. */
export function deferHydrationUntilInteraction(html: string): string | null {
  if (!html.includes(HYDRATE_ON_INTERACTION_MARKER)) return null;
  return html
    .replace(NEXT_SCRIPT_PRELOAD, "")
    .replace(NEXT_SCRIPT, (element: string, src: string) =>
      // Legacy-browser polyfills (noModule) are never needed by a browser that runs the frame script.
      NO_MODULE.test(element) ? "" : `<script type="${DEFERRED_SCRIPT_TYPE}" data-src="${src}"></script>`,
    );
}
