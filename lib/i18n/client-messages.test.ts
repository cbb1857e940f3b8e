import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGES, type ClientMessagesView } from "./client-messages";
import { clientNamespaces } from "./client-namespaces";
import { MESSAGES, pickMessages } from "./messages";

const PUBLIC_PAGES = "app/[locale]/(public)";

/** Every public page, relative to the project. */
function publicPages(): string[] {
  return readdirSync(PUBLIC_PAGES, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => path.join(PUBLIC_PAGES, file))
    .sort();
}

/** The view whose messages a page hands over (`<ClientMessages view="…">`), or null. */
function handedOver(page: string): ClientMessagesView | null {
  const view = /<ClientMessages\s+view="([a-z]+)"/.exec(readFileSync(page, "utf8"))?.[1];
  return (view as ClientMessagesView | undefined) ?? null;
}

const covers = (given: readonly string[], namespace: string) => given.some((part) => namespace === part || namespace.startsWith(`${part}.`));

describe("messages in public pages' browsers (decision 0028)", () => {
  it("the layout's client components, and the error page, format no messages in the browser", () => {
    for (const file of ["app/[locale]/layout.tsx", "app/[locale]/error.tsx", "app/[locale]/not-found.tsx"]) {
      expect([...clientNamespaces(file).keys()], file).toEqual([]);
    }
  });

  it("a page whose client components translate hands over exactly their namespaces; every other page none", () => {
    const pages = publicPages();
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const used = clientNamespaces(page);
      const view = handedOver(page);
      if (view === null) {
        expect([...used.keys()], `${page} renders client components that translate: wrap them in <ClientMessages view="…">`).toEqual([]);
        continue;
      }
      const given = CLIENT_MESSAGES[view];
      for (const [namespace, files] of used) expect(covers(given, namespace), `${page}: ${files.join(", ")} translate with "${namespace}"`).toBe(true);
      for (const part of given) {
        const needed = [...used.keys()].some((namespace) => covers([part], namespace) || part.startsWith(`${namespace}.`));
        expect(needed, `${page}: "${part}" is handed over but nothing uses it`).toBe(true);
      }
    }
  });

  it("the views' messages exist in every language", () => {
    for (const view of Object.keys(CLIENT_MESSAGES) as ClientMessagesView[]) {
      for (const locale of ["en", "ru"] as const) expect(() => pickMessages(MESSAGES[locale], CLIENT_MESSAGES[view]), `${view} ${locale}`).not.toThrow();
    }
  });
});
