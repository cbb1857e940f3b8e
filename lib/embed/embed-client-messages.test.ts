import { describe, expect, it } from "vitest";
import { clientNamespaces } from "@/lib/i18n/client-namespaces";
import { MESSAGES, pickMessages } from "@/lib/i18n/messages";
import { EMBED_KINDS, type EmbedKind } from "./embed-charts";
import { EMBED_CLIENT_MESSAGES } from "./embed-client-messages";

/** The embed pages, by kind. */
const EMBED_PAGES: Record<EmbedKind, string> = {
  overview: "app/[locale]/embed/overview/page.tsx",
  timeline: "app/[locale]/embed/timeline/page.tsx",
  map: "app/[locale]/embed/map/page.tsx",
  isps: "app/[locale]/embed/isps/page.tsx",
  isp: "app/[locale]/embed/isp/[slug]/page.tsx",
  incident: "app/[locale]/embed/incident/[slug]/page.tsx",
};

describe("the messages an embed hands its client components", () => {
  it("exist in every language", () => {
    for (const kind of EMBED_KINDS) {
      for (const locale of ["en", "ru"] as const) expect(() => pickMessages(MESSAGES[locale], EMBED_CLIENT_MESSAGES[kind]), `${kind} ${locale}`).not.toThrow();
    }
  });

  it("cover every namespace the embed's client components translate with, and no more than they need", () => {
    for (const kind of EMBED_KINDS) {
      const used = clientNamespaces(EMBED_PAGES[kind]);
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
