import { PNG } from "pngjs";
import { expect, test } from "./fixtures/test";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";

const QANTAR = "2022-01-qantar-shutdowns";
const CARD_CACHE_CONTROL = PUBLIC_CACHE_CONTROL;

/** Every public page and embed; `oembed` marks the embeddable ones, which carry the discovery link. */
const PAGES: { path: string; oembed: boolean }[] = [
  { path: "/", oembed: false },
  { path: "/incidents", oembed: true },
  { path: `/incidents/${QANTAR}`, oembed: true },
  { path: "/timeline?from=2022-01-01&to=2022-01-31", oembed: true },
  { path: "/map", oembed: true },
  { path: "/isps", oembed: true },
  { path: "/isps/kcell?from=2022-01-01&to=2022-01-31", oembed: true },
  { path: "/api-docs", oembed: false },
  { path: "/embed/timeline?last=30", oembed: true },
  { path: "/embed/map", oembed: true },
  { path: "/embed/isps", oembed: true },
  { path: "/embed/isp/kcell", oembed: true },
  { path: `/embed/incident/${QANTAR}`, oembed: true },
];

const unescape = (value: string) => value.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");

function metaContent(html: string, attribute: "property" | "name", key: string): string | undefined {
  const tag = [...html.matchAll(/<meta\b[^>]*>/g)].map((match) => match[0]).find((candidate) => candidate.includes(`${attribute}="${key}"`));
  const content = tag ? /content="([^"]*)"/.exec(tag)?.[1] : undefined;
  return content === undefined ? undefined : unescape(content);
}

function oembedHref(html: string): string | undefined {
  const tag = [...html.matchAll(/<link\b[^>]*>/g)].map((match) => match[0]).find((candidate) => candidate.includes('type="application/json+oembed"'));
  const href = tag ? /href="([^"]*)"/.exec(tag)?.[1] : undefined;
  return href === undefined ? undefined : unescape(href);
}

const ABSOLUTE = /^https?:\/\/[^/]+(\/|$)/;

test("every public page and embed has Open Graph, Twitter and oEmbed tags with absolute URLs, and its card is a cached PNG", async ({ request }) => {
  test.setTimeout(300_000);
  for (const { path, oembed } of PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const image = metaContent(html, "property", "og:image") ?? "";
    expect(image, path).toMatch(ABSOLUTE);
    expect(new URL(image).pathname, path).toMatch(/^\/api\/og\//);
    expect(metaContent(html, "property", "og:title"), path).toBeTruthy();
    expect(metaContent(html, "property", "og:url"), path).toMatch(ABSOLUTE);
    expect(metaContent(html, "property", "og:image:width"), path).toBe("1200");
    expect(metaContent(html, "property", "og:image:height"), path).toBe("630");
    expect(metaContent(html, "property", "og:locale"), path).toBe("en_US");
    expect(metaContent(html, "name", "twitter:card"), path).toBe("summary_large_image");
    expect(metaContent(html, "name", "twitter:image"), path).toBe(image);
    const discovery = oembedHref(html);
    if (oembed) {
      expect(discovery, path).toMatch(ABSOLUTE);
      const url = new URL(discovery!);
      expect(url.pathname, path).toBe("/api/oembed");
      expect(url.searchParams.get("format"), path).toBe("json");
      const pageUrl = new URL(url.searchParams.get("url") ?? "");
      expect(`${pageUrl.pathname}${pageUrl.search}`, path).toBe(path);
    } else {
      expect(discovery, path).toBeUndefined();
    }

    // The card itself: the same origin's PNG, 1200×630, with its cache header.
    const card = await request.get(new URL(image).pathname + new URL(image).search);
    expect(card.status(), image).toBe(200);
    expect(card.headers()["content-type"], image).toBe("image/png");
    expect(card.headers()["cache-control"], image).toBe(CARD_CACHE_CONTROL);
    const png = PNG.sync.read(await card.body());
    expect([png.width, png.height], image).toEqual([1200, 630]);
  }
});

test("the filters and an embed's rolling window reach the card, and the feed links stay", async ({ request }) => {
  test.setTimeout(180_000);
  const timeline = await (await request.get("/timeline?from=2022-01-01&to=2022-01-31&operator=kcell&operator=nobody")).text();
  const image = new URL(metaContent(timeline, "property", "og:image") ?? "");
  // Only accepted filter values reach the card: the page ignores "nobody", and so does its card.
  expect(image.pathname + image.search).toBe("/api/og/timeline?locale=en&from=2022-01-01&operator=kcell&to=2022-01-31");
  const embed = await (await request.get("/embed/timeline?last=30&theme=dark")).text();
  expect(new URL(metaContent(embed, "property", "og:image") ?? "").search).toBe("?locale=en&last=30");
  const incidents = await (await request.get("/incidents")).text();
  expect(incidents).toContain('type="application/atom+xml"');
  expect(oembedHref(incidents)).toBeTruthy();
});

test("a Russian page gives a Russian title and a Russian card", async ({ request }) => {
  test.setTimeout(180_000);
  const timeline = await (await request.get("/ru/timeline")).text();
  expect(metaContent(timeline, "property", "og:title")).toBe("Хронология");
  expect(metaContent(timeline, "property", "og:locale")).toBe("ru_RU");
  expect(metaContent(timeline, "property", "og:image")).toContain("locale=ru");
  const embed = await (await request.get("/ru/embed/isp/kcell")).text();
  expect(metaContent(embed, "property", "og:title")).toMatch(/^Kcell:/);
  expect(embed).toMatch(/<title>Kcell: [^<]*<\/title>/);
  const incident = await (await request.get(`/ru/incidents/${QANTAR}`)).text();
  const title = metaContent(incident, "property", "og:title") ?? "";
  expect(title).toMatch(/[а-яё]/i);
  expect(metaContent(incident, "property", "og:url")).toMatch(new RegExp(`/ru/incidents/${QANTAR}$`));
});

test("card routes refuse bad parameters and unknown slugs", async ({ request }) => {
  test.setTimeout(180_000);
  expect((await request.get("/api/og/timeline?from=not-a-date")).status()).toBe(400);
  expect((await request.get("/api/og/timeline?locale=kk")).status()).toBe(400);
  const missing = await request.get("/api/og/incident/no-such-incident");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toBe("application/problem+json");
  expect((await request.get("/api/og/isp/no-such-operator")).status()).toBe(404);
});
