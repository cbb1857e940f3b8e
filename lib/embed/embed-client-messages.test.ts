import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES, pickMessages } from "@/lib/i18n/messages";
import { EMBED_KINDS, type EmbedKind } from "./embed-charts";
import { EMBED_CLIENT_MESSAGES } from "./embed-client-messages";

const ROOT = process.cwd();

/** The embed pages, by kind. */
const EMBED_PAGES: Record<EmbedKind, string> = {
  overview: "app/[locale]/embed/overview/page.tsx",
  timeline: "app/[locale]/embed/timeline/page.tsx",
  map: "app/[locale]/embed/map/page.tsx",
  isps: "app/[locale]/embed/isps/page.tsx",
  isp: "app/[locale]/embed/isp/[slug]/page.tsx",
  incident: "app/[locale]/embed/incident/[slug]/page.tsx",
};

/**
 * Client code an embed imports but never renders: the operator views' download
 * menus (operators, an incident's phases) appear only with `downloads`, which the embeds never pass ("embeds stay light").
 */
const NOT_RENDERED_IN: Partial<Record<EmbedKind, string[]>> = {
  isps: ["components/charts/chart-downloads.tsx"],
  incident: ["components/charts/chart-downloads.tsx"],
  isp: ["components/charts/chart-downloads.tsx", "components/charts/signal-chart-downloads.tsx", "components/isps/staff-ingest-hint.tsx"],
};

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Every `useTranslations("…")` namespace in the client code an embed page
 * reaches: from each "use client" file it imports (directly or through server
 * components) down through everything that file imports, since all of it runs
 * in the browser.
 */
function clientNamespaces(page: string, skipped: string[] = []): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key) || skipped.includes(path.relative(ROOT, file))) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    const inClient = client || /^\s*["']use client["']/.test(source);
    if (inClient) {
      for (const [, namespace = ""] of source.matchAll(/useTranslations\(\s*["']([^"']*)["']\s*\)/g)) {
        found.set(namespace, [...(found.get(namespace) ?? []), path.relative(ROOT, file)]);
      }
      if (/useTranslations\(\s*\)/.test(source)) found.set("", [...(found.get("") ?? []), path.relative(ROOT, file)]);
    }
    for (const [, specifier = ""] of source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)) {
      const target = resolveImport(file, specifier);
      if (target) visit(target, inClient);
    }
  };
  visit(path.join(ROOT, page), false);
  return found;
}

describe("the messages an embed hands its client components", () => {
  it("exist in every language", () => {
    for (const kind of EMBED_KINDS) {
      for (const locale of ["en", "ru"] as const) expect(() => pickMessages(MESSAGES[locale], EMBED_CLIENT_MESSAGES[kind]), `${kind} ${locale}`).not.toThrow();
    }
  });

  it("cover every namespace the embed's client components translate with, and no more than they need", () => {
    for (const kind of EMBED_KINDS) {
      const used = clientNamespaces(EMBED_PAGES[kind], NOT_RENDERED_IN[kind]);
      const given = EMBED_CLIENT_MESSAGES[kind];
      for (const [namespace, files] of used) {
        const covered = given.some((path) => namespace === path || namespace.startsWith(`${path}.`));
        expect(covered, `${kind}: ${files.join(", ")} translate with "${namespace}", which the embed does not hand over`).toBe(true);
      }
      for (const path of given) {
        const needed = [...used.keys()].some((namespace) => namespace === path || namespace.startsWith(`${path}.`) || path.startsWith(`${namespace}.`));
        expect(needed, `${kind}: "${path}" is handed over but no client component of the embed uses it`).toBe(true);
      }
    }
  });

  it("is a small part of the public catalogue", () => {
    const whole = JSON.stringify(MESSAGES.ru).length;
    for (const kind of EMBED_KINDS) expect(JSON.stringify(pickMessages(MESSAGES.ru, EMBED_CLIENT_MESSAGES[kind])).length, kind).toBeLessThan(whole / 5);
  });
});
