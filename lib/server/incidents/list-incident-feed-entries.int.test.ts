import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";
import { GET as globalFeed } from "@/app/feeds/[file]/route";
import { GET as operatorFeed } from "@/app/feeds/operators/[file]/route";
import { listIncidentFeedEntries } from "./list-incident-feed-entries";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";

/**
 * The incident feeds (app/feeds/, built from listIncidentFeedEntries) are read back with independent parsers: rss-parser (xml2js) for
 * RSS 2.0 and Atom, and the JSON Feed 1.1 specification's required fields for
 * JSON. This file has a database of its own (lib/testing/worker-database.ts),
 * so the global feed holds exactly the incidents created here.
 */

const XSS_TITLE = `<script>alert("feed")</script> ]]> & blackout`;
const XSS_SUMMARY = `<img src=x onerror=alert(1)> cut everywhere`;

let kcellIncident: { id: number; slug: string };
let beelineIncident: { slug: string };
let draft: { slug: string };
let xss: { slug: string };

beforeAll(async () => {
  await seedReferenceData(getDb());
  kcellIncident = await createTestIncident(
    {
      startsAt: "2041-03-01T06:00:00Z",
      title: "Mobile internet cut in Zhanaozen",
      summary: "Kcell's mobile data stopped in Zhanaozen.",
      operators: ["kcell"],
      translations: { ru: { title: "Отключение мобильного интернета в Жанаозене", summary: "У Kcell пропал мобильный интернет в Жанаозене." } },
    },
    { now: new Date("2041-03-02T00:00:00Z") },
  );
  beelineIncident = await createTestIncident({ startsAt: "2041-04-01T06:00:00Z", title: "Beeline outage in Almaty", operators: ["beeline"] }, { now: new Date("2041-04-02T00:00:00Z") });
  draft = await createTestIncident({ startsAt: "2041-05-01T06:00:00Z", title: "Unchecked draft", status: "DRAFT", operators: ["kcell"] });
  xss = await createTestIncident({ startsAt: "2041-06-01T06:00:00Z", title: XSS_TITLE, summary: XSS_SUMMARY }, { now: new Date("2041-06-02T00:00:00Z") });
  // A public update of the Kcell incident, later than everything else.
  const state = (await readIncidentState(getDb(), kcellIncident.id))!;
  await updateIncident({
    caller: SYSTEM,
    id: state.id,
    baseVersion: state.version,
    input: { ...state.snapshot, summary: "Kcell's mobile data stopped in Zhanaozen for two days." },
    note: "Corrected the duration",
    now: new Date("2041-07-01T00:00:00Z"),
  });
});

function get(handler: typeof globalFeed, path: string, file: string) {
  return handler(new Request(`http://feeds.test${path}`), { params: Promise.resolve({ file }) });
}

async function fetchFeed(path: string): Promise<Response> {
  const url = new URL(path, "http://feeds.test");
  const [, , scope, file] = url.pathname.split("/");
  return scope === "operators" ? get(operatorFeed, path, file!) : get(globalFeed, path, scope!);
}

const rssParser = new Parser();

type JsonFeed = { version: string; title: string; home_page_url?: string; feed_url?: string; language?: string; items: Record<string, unknown>[] };

/** The JSON Feed 1.1 rules a reader relies on (https://jsonfeed.org/version/1.1). */
function expectValidJsonFeed(feed: JsonFeed) {
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof feed.title).toBe("string");
  expect(feed.feed_url).toMatch(/^https?:\/\//);
  expect(feed.home_page_url).toMatch(/^https?:\/\//);
  expect(Array.isArray(feed.items)).toBe(true);
  const ids = feed.items.map((item) => item.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const item of feed.items) {
    expect(typeof item.id).toBe("string");
    expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
    expect(item.url).toMatch(/^https?:\/\//);
    for (const date of [item.date_published, item.date_modified].filter((value) => value !== undefined)) {
      expect(new Date(date as string).toISOString()).toBe(date);
    }
  }
}

describe("listIncidentFeedEntries", () => {
  it("lists public changes newest first, one entry per first publication and per public update", async () => {
    const result = await listIncidentFeedEntries({ caller: ANONYMOUS, locale: "en", operator: "kcell", showEditorNames: false });
    expect(result?.operator).toEqual({ slug: "kcell", name: "Kcell" });
    expect(result?.changes.map((change) => [change.slug, change.kind, change.at.toISOString(), change.fields, change.note])).toEqual([
      [kcellIncident.slug, "UPDATED", "2041-07-01T00:00:00.000Z", ["summary"], "Corrected the duration"],
      [kcellIncident.slug, "FIRST_PUBLISHED", "2041-03-02T00:00:00.000Z", [], null],
    ]);
    expect(await listIncidentFeedEntries({ caller: ANONYMOUS, locale: "en", operator: "no-such-operator", showEditorNames: false })).toBeNull();
  });

  it("keeps only the newest changes up to the limit", async () => {
    const result = await listIncidentFeedEntries({ caller: ANONYMOUS, locale: "en", showEditorNames: false, limit: 2 });
    expect(result?.changes.map((change) => change.slug)).toEqual([kcellIncident.slug, xss.slug]);
  });
});

describe("incident feeds", () => {
  it("serve RSS 2.0 with published incidents and updates, newest first, and cache headers a CDN honours", async () => {
    const response = await fetchFeed("/feeds/incidents.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const feed = await rssParser.parseString(await response.text());
    expect(feed.title).toBe("Kazakhstan Shutdown Tracker: incidents");
    expect(feed.items.map((item) => item.title)).toEqual([
      "Updated: Mobile internet cut in Zhanaozen",
      expect.stringContaining("blackout"),
      "Beeline outage in Almaty",
      "Mobile internet cut in Zhanaozen",
    ]);
    const first = feed.items[3]!;
    expect(first.link).toMatch(new RegExp(`/incidents/${kcellIncident.slug}$`));
    expect(first.guid).toBe(first.link);
    expect(first.isoDate).toBe("2041-03-02T00:00:00.000Z");
    expect(feed.items[0]!.guid).toBe(`${first.link}#update-2041-07-01T00:00:00.000Z`);
    // rss-parser puts the description in `content` and the full HTML content in `content:encoded`.
    expect(feed.items[0]!.content).toBe("Changed: summary.");
    expect((feed.items[0] as Record<string, unknown>)["content:encoded"]).toBe(
      "<p>Changed: summary.</p><p>Editor’s note: Corrected the duration</p><p>Status: ended 1 March 2041, 17:00 UTC+5.</p><p>Kcell&#39;s mobile data stopped in Zhanaozen for two days.</p>",
    );
    expect(JSON.stringify(feed)).not.toContain(draft.slug);
  });

  it("serve Atom 1.0 with the same entries", async () => {
    const response = await fetchFeed("/feeds/incidents.atom");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const text = await response.text();
    expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const feed = await rssParser.parseString(text);
    expect(feed.items).toHaveLength(4);
    expect(feed.items.map((item) => item.id)).toContain(feed.items[3]!.link);
    expect(feed.items[3]!.link).toMatch(new RegExp(`/incidents/${kcellIncident.slug}$`));
    expect(text).not.toContain(draft.slug);
  });

  it("serve JSON Feed 1.1", async () => {
    const response = await fetchFeed("/feeds/incidents.json");
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = (await response.json()) as JsonFeed;
    expectValidJsonFeed(feed);
    expect(feed.language).toBe("en");
    expect(feed.items).toHaveLength(4);
    expect(feed.items.map((item) => item.title)).toContain("Beeline outage in Almaty");
    expect(JSON.stringify(feed)).not.toContain(draft.slug);
  });

  it("keep an operator's feed to that operator's incidents", async () => {
    const kcell = (await (await fetchFeed("/feeds/operators/kcell.json")).json()) as JsonFeed;
    expectValidJsonFeed(kcell);
    expect(kcell.title).toBe("Kazakhstan Shutdown Tracker: incidents affecting Kcell");
    expect(kcell.home_page_url).toMatch(/\/isps\/kcell$/);
    expect(kcell.items.map((item) => item.url)).toEqual([expect.stringMatching(new RegExp(`/incidents/${kcellIncident.slug}$`)), expect.stringMatching(new RegExp(`/incidents/${kcellIncident.slug}$`))]);

    const beeline = await rssParser.parseString(await (await fetchFeed("/feeds/operators/beeline.xml")).text());
    expect(beeline.items.map((item) => item.link)).toEqual([expect.stringMatching(new RegExp(`/incidents/${beelineIncident.slug}$`))]);

    const atom = await rssParser.parseString(await (await fetchFeed("/feeds/operators/tele2-altel.atom")).text());
    expect(atom.items).toEqual([]);
  });

  it("escape markup in titles and summaries so that nothing in them runs", async () => {
    for (const path of ["/feeds/incidents.xml", "/feeds/incidents.atom"]) {
      const text = await (await fetchFeed(path)).text();
      expect(text, path).not.toContain("<script>");
      expect(text, path).not.toContain("<img");
      const item = (await rssParser.parseString(text)).items.find((entry) => entry.link?.endsWith(`/incidents/${xss.slug}`));
      // Readers treat titles and descriptions as HTML: the payload arrives as escaped text.
      expect(item?.title, path).toBe(`&lt;script&gt;alert(&quot;feed&quot;)&lt;/script&gt; ]]&gt; &amp; blackout`);
      expect(item?.content, path).toContain("&lt;img src=x onerror=alert(1)&gt;");
    }
    const json = (await (await fetchFeed("/feeds/incidents.json")).json()) as JsonFeed;
    const item = json.items.find((entry) => entry.url === `${json.home_page_url}/${xss.slug}`);
    expect(item?.title).toBe(XSS_TITLE);
    expect(item?.summary).toBe(XSS_SUMMARY);
    expect(item?.content_html).toBe("<p>&lt;img src=x onerror=alert(1)&gt; cut everywhere</p><p>Status: ended 1 June 2041, 17:00 UTC+5.</p>");
  });

  it("speak Russian with locale=ru and link the Russian pages", async () => {
    const feed = (await (await fetchFeed("/feeds/operators/kcell.json?locale=ru")).json()) as JsonFeed;
    expectValidJsonFeed(feed);
    expect(feed.language).toBe("ru");
    expect(feed.title).toBe("Трекер отключений интернета в Казахстане: инциденты, затронувшие Kcell");
    expect(feed.items.map((item) => item.title)).toEqual([
      "Обновлено: Отключение мобильного интернета в Жанаозене",
      "Отключение мобильного интернета в Жанаозене",
    ]);
    expect(feed.items[1]!.url).toMatch(new RegExp(`/ru/incidents/${kcellIncident.slug}$`));
    expect(feed.feed_url).toMatch(/\/feeds\/operators\/kcell\.json\?locale=ru$/);

    const rss = await rssParser.parseString(await (await fetchFeed("/feeds/incidents.xml?locale=ru")).text());
    expect(rss.title).toBe("Трекер отключений интернета в Казахстане: инциденты");
  });

  it("answer a plain 404 for an unknown operator or format, and a plain 400 for an unknown locale", async () => {
    for (const path of ["/feeds/operators/no-such-operator.xml", "/feeds/operators/kcell.html", "/feeds/incidents.txt", "/feeds/everything.json", "/feeds/incidents"]) {
      const response = await fetchFeed(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toBe("text/plain; charset=utf-8");
      expect(await response.text(), path).toBe("No such feed.\n");
    }
    const response = await fetchFeed("/feeds/incidents.xml?locale=de");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("locale=ru");
  });
});
