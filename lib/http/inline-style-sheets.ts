import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Style sheets inside the page, for public pages before they leave the server (decision 0030).
 *
 * On a slow link a page's separate style sheet costs a second connection and a round trip
 * (0.8 s at a 400 ms round trip) before the browser paints anything. So each of Next.js's
 * `<link rel="stylesheet" href="/_next/static/….css">` becomes a `<style>` with the file's text,
 * and the page's policy allows exactly those texts by their SHA-256. Only files of the build are
 * inlined, read from disk by the server (never anything from the request or the page); a sheet
 * that could end its `<style>` early, or that names a file relative to itself, stays a link. React's payload still names the links, so
 * after hydration React adds them again: the file then loads once, after the page is complete,
 * and is cached like any other file of the build.
 *
 * Pages are handled one byte per character (`latin1`): the CSS is read the same way, so the bytes
 * hashed are the bytes sent.
 */

/** A file of the build by its address (`/_next/static/…`), as latin1 text, or null when there is none. */
export type StyleSheetReader = (href: string) => string | null;

const STYLE_SHEET_LINK = /<link\b(?=[^>]*\srel="stylesheet")[^>]*\shref="(\/_next\/static\/[A-Za-z0-9_./-]+\.css)"[^>]*>/g;
const BUILD_CSS_PATH = /^\/_next\/static\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_.-]+\.css$/;
/** A `url(…)` relative to the sheet's own address (a font, an image): inside the page it would resolve against the page's. */
const RELATIVE_URL = /url\(\s*['"]?(?![/#]|data:|https?:)/i;

/**
 * The page with its build style sheets inlined, their addresses, and the `'sha256-…'` source of
 * each (once each). `announced` are the sheets the page's `Link` header preloads: one the page
 * does not link (a not-found page links none; React adds them after hydration) is put at the end
 * of its <head>, so that the page is styled without JavaScript too.
 */
export function inlineStyleSheets(
  html: string,
  readStyleSheet: StyleSheetReader,
  announced: readonly string[] = [],
): { html: string; inlined: string[]; hashes: string[] } {
  const hashes = new Set<string>();
  const inlinedHrefs = new Set<string>();
  const styleElement = (href: string): string | null => {
    const css = BUILD_CSS_PATH.test(href) && !href.includes("..") ? readStyleSheet(href) : null;
    if (css === null || /<\/style/i.test(css) || RELATIVE_URL.test(css)) return null;
    hashes.add(`'sha256-${createHash("sha256").update(css, "latin1").digest("base64")}'`);
    inlinedHrefs.add(href);
    return `<style data-href="${href}">${css}</style>`;
  };
  let inlined = html.replace(STYLE_SHEET_LINK, (link: string, href: string) => styleElement(href) ?? link);
  const unlinked = announced.filter((href) => !inlinedHrefs.has(href) && !html.includes(`href="${href}"`));
  const headEnd = inlined.indexOf("</head>");
  if (unlinked.length > 0 && headEnd !== -1) {
    const styles = unlinked.map((href) => styleElement(href) ?? "").join("");
    inlined = `${inlined.slice(0, headEnd)}${styles}${inlined.slice(headEnd)}`;
  }
  return { html: inlined, inlined: [...inlinedHrefs], hashes: [...hashes] };
}

/** The style sheets a `Link` header preloads (`<…css>; rel=preload; as="style"`), in its order. */
export function styleSheetPreloads(link: string): string[] {
  return link
    .split(/,\s*(?=<)/)
    .filter((entry) => /;\s*rel="?preload"?/i.test(entry) && /;\s*as="?style"?/i.test(entry))
    .map((entry) => /^<([^>]*)>/.exec(entry.trim())?.[1] ?? "")
    .filter((href) => BUILD_CSS_PATH.test(href));
}

/**
 * A `Link` header without its preloads of these sheets (React announces a page's sheets there,
 * so that a browser starts them early; once inside the page they would be downloaded for nothing).
 * Every other entry (the language alternates) stays as it was.
 */
export function withoutStyleSheetPreloads(link: string, inlined: readonly string[]): string {
  const entries = link.split(/,\s*(?=<)/);
  return entries
    .filter((entry) => {
      const target = /^<([^>]*)>/.exec(entry.trim())?.[1];
      return !(target && inlined.includes(target) && /;\s*rel="?preload"?/i.test(entry));
    })
    .join(", ");
}

/** Reads style sheets from a build directory (`.next`), each once: files of a build never change. */
export function buildStyleSheetReader(distDir: string): StyleSheetReader {
  const sheets = new Map<string, string | null>();
  return (href) => {
    if (!BUILD_CSS_PATH.test(href) || href.includes("..")) return null;
    if (!sheets.has(href)) {
      let css: string | null;
      try {
        css = readFileSync(path.join(distDir, href.slice("/_next/".length))).toString("latin1");
      } catch {
        css = null;
      }
      sheets.set(href, css);
    }
    return sheets.get(href)!;
  };
}
