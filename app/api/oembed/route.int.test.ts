import { beforeAll, describe, expect, it } from "vitest";
import { API_CACHE_CONTROL } from "@/lib/api/handler";
import { getDb } from "@/lib/db/client";
import { oembedDiscoveryHref } from "@/lib/embed/oembed-link";
import { MESSAGES } from "@/lib/i18n/messages";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";
import { GET, OPTIONS } from "./route";

const ORIGIN = "http://localhost";
const RU_SITE_NAME = MESSAGES.ru.site.name;
let ipCounter = 0;

/** A request from an address of its own, so the rate limit of one test never reaches another. */
function request(pathAndQuery: string): Request {
  return new Request(`${ORIGIN}${pathAndQuery}`, { headers: { "x-forwarded-for": `198.51.100.${++ipCounter}`, host: "localhost" } });
}

async function oembed(pageUrl: string, extra = "") {
  const href = oembedDiscoveryHref(ORIGIN, pageUrl) + extra;
  const response = await GET(request(href.slice(ORIGIN.length)), undefined);
  return { response, body: await response.json() };
}

let incidentSlug = "";

beforeAll(async () => {
  await seedReferenceData(getDb());
  const incident = await createTestIncident({
    startsAt: "2062-03-01T06:00:00Z",
    title: `Blackout <script>alert("x")</script>`,
    translations: { ru: { title: "Отключение интернета" } },
  });
  incidentSlug = incident.slug;
});

describe("GET /api/oembed", () => {
  it("answers a rich response for an operator view, with the dialog's snippet and API headers", async () => {
    const { response, body } = await oembed(`${ORIGIN}/isps/kcell?from=2022-01-01&to=2022-01-31`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe(API_CACHE_CONTROL);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "Kazakhstan Shutdown Tracker",
      provider_url: `${ORIGIN}/`,
      title: "Kcell: disruptions and measured signals — Kazakhstan Shutdown Tracker",
      width: 640,
      height: 900,
    });
    expect(body.cache_age).toBeGreaterThan(0);
    expect(body.html).toContain(`<iframe src="${ORIGIN}/embed/isp/kcell?from=2022-01-01&amp;to=2022-01-31"`);
    expect(body.html).toContain(' width="640" height="900" ');
    expect(body.html).toContain(`<script async src="${ORIGIN}/embed.js"></script>`);
  });

  it("answers every kind of view, in Russian under /ru/, keeping an embed address's theme and rolling window", async () => {
    const timeline = (await oembed(`${ORIGIN}/incidents?operator=kcell&page=2`)).body;
    expect(timeline.title).toBe("Shutdown timeline — Kazakhstan Shutdown Tracker");
    expect(timeline.html).toContain(`src="${ORIGIN}/embed/timeline?operator=kcell"`);

    const map = (await oembed(`${ORIGIN}/ru/embed/map?last=30&theme=dark`)).body;
    expect(map.provider_url).toBe(`${ORIGIN}/ru`);
    expect(map.title).toBe(`Нарушения по регионам — ${RU_SITE_NAME}`);
    expect(map.html).toContain(`src="${ORIGIN}/ru/embed/map?last=30&amp;theme=dark"`);

    const isps = (await oembed(`${ORIGIN}/isps?by=year`)).body;
    expect(isps.title).toBe("Operators compared, measure by measure — Kazakhstan Shutdown Tracker");
    expect(isps.html).toContain(`src="${ORIGIN}/embed/isps?by=year"`);

    const incident = (await oembed(`${ORIGIN}/incidents/${incidentSlug}`)).body;
    expect(incident.type).toBe("rich");
    expect(incident.title).toBe(`Blackout <script>alert("x")</script> — Kazakhstan Shutdown Tracker`);
    expect(incident.html).toContain(`title="Blackout &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; — Kazakhstan Shutdown Tracker"`);
    expect(incident.html).not.toContain("<script>alert");

    const russian = (await oembed(`${ORIGIN}/ru/incidents/${incidentSlug}`)).body;
    expect(russian.title.startsWith("Отключение интернета — ")).toBe(true);
    expect(russian.html).toContain(`src="${ORIGIN}/ru/embed/incident/${incidentSlug}"`);
  });

  it("answers one chart alone for an embed address with chart=, and credits no licence itself", async () => {
    const { response, body } = await oembed(`${ORIGIN}/embed/isp/kcell?from=2022-01-01&to=2022-01-31&chart=hours`);
    expect(response.status).toBe(200);
    // The answer is a snippet, not data: no licence link of its own (the frame credits what it draws).
    expect(response.headers.get("link")).toBeNull();
    expect(body.title).toBe("Kcell: hours of disruption by measure — Kazakhstan Shutdown Tracker");
    expect(body.height).toBe(460);
    expect(body.html).toContain(`<iframe src="${ORIGIN}/embed/isp/kcell?from=2022-01-01&amp;to=2022-01-31&amp;chart=hours"`);

    const russian = (await oembed(`${ORIGIN}/ru/embed/incident/${incidentSlug}?chart=phases`)).body;
    expect(russian.title.startsWith("Отключение интернета: фазы — ")).toBe(true);
    expect(russian.html).toContain(`src="${ORIGIN}/ru/embed/incident/${incidentSlug}?chart=phases"`);

    // A chart the view does not have is not an embeddable address.
    expect((await oembed(`${ORIGIN}/embed/isp/kcell?chart=map`)).response.status).toBe(404);
  });

  it("keeps within maxwidth and maxheight, leaving out the auto-height script under a fixed height", async () => {
    const { body } = await oembed(`${ORIGIN}/timeline`, "&maxwidth=400&maxheight=300");
    expect(body.width).toBe(400);
    expect(body.height).toBe(300);
    expect(body.html).toContain(' width="400" height="300" ');
    expect(body.html).not.toContain("<script");
  });

  it("is 404 for another origin, a page without an embed, an unknown operator or an unpublished incident", async () => {
    const draft = await createTestIncident({ startsAt: "2062-04-01T06:00:00Z", status: "DRAFT" });
    for (const url of [
      "https://elsewhere.example/isps/kcell",
      `${ORIGIN}/api-docs`,
      `${ORIGIN}/staff`,
      `${ORIGIN}/isps/no-such-operator`,
      `${ORIGIN}/incidents/no-such-incident`,
      `${ORIGIN}/incidents/${draft.slug}`,
    ]) {
      const { response, body } = await oembed(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(body.status).toBe(404);
    }
  });

  it("is 400 for missing or bad parameters, and 501 for XML", async () => {
    for (const query of ["", "?url=", "?url=a&maxwidth=wide", "?url=a&maxheight=0", "?url=a&maxwidth=1.5", "?url=a&url=b", "?url=a&format=yaml"]) {
      const response = await GET(request(`/api/oembed${query}`), undefined);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    const xml = await GET(request(`/api/oembed?url=${encodeURIComponent(`${ORIGIN}/timeline`)}&format=xml`), undefined);
    expect(xml.status).toBe(501);
    expect((await xml.json()).status).toBe(501);
  });

  it("answers the CORS preflight", () => {
    expect(OPTIONS().status).toBe(204);
  });
});
