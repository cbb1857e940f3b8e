import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getIncidentCard } from "@/app/api/og/incident/[slug]/route";
import { GET as getOperatorCard } from "@/app/api/og/isp/[slug]/route";
import { GET as getViewCard } from "@/app/api/og/[view]/route";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getSocialCard } from "@/lib/server/share/get-social-card";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";
import { CARD_CACHE_CONTROL } from "@/app/api/og/social-card-response";

/**
 * The social-card routes, against a real database: one incident in 2063 (a
 * year no other test uses) with two phases, Kcell in both.
 */
const YEAR = "from=2063-01-01&to=2063-12-31";
let slug = "";
/** 2064: three phases with gaps, each of another type, the middle one on and off. */
let spacedSlug = "";

const request = (path: string) => new Request(`http://localhost${path}`);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function expectCard(response: Response, label: string) {
  expect(response.status, label).toBe(200);
  expect(response.headers.get("content-type"), label).toBe("image/png");
  expect(response.headers.get("cache-control"), label).toBe(CARD_CACHE_CONTROL);
  const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
  expect([png.width, png.height], label).toEqual([1200, 630]);
  // Not blank: many pixels that are not the white background, in more than two colours.
  const colours = new Set<number>();
  let inked = 0;
  for (let index = 0; index < png.data.length; index += 4) {
    const [r, g, b] = [png.data[index]!, png.data[index + 1]!, png.data[index + 2]!];
    if (r < 200 || g < 200 || b < 200) inked += 1;
    colours.add((r << 16) | (g << 8) | b);
  }
  expect(inked, label).toBeGreaterThan(10_000);
  expect(colours.size, label).toBeGreaterThan(10);
}

async function expectProblem(response: Response, status: number, label: string) {
  expect(response.status, label).toBe(status);
  expect(response.headers.get("content-type"), label).toBe("application/problem+json");
  expect(response.headers.get("cache-control"), label).toBe("no-store");
  const body = (await response.json()) as { status: number };
  expect(body.status, label).toBe(status);
}

beforeAll(async () => {
  await seedReferenceData(getDb());
  const incident = await createTestIncident({
    title: "Blackout in Almaty",
    operators: ["kcell"],
    translations: { ru: { title: "Отключение в Алматы" } },
    startsAt: "2063-03-01T06:00:00Z",
    endsAt: "2063-03-03T06:00:00Z",
    endPrecision: "HOUR",
    phases: [
      { label: "Cut", type: "FULL_BLACKOUT", extent: "FULL", startsAt: "2063-03-01T06:00:00Z", startPrecision: "EXACT", endsAt: "2063-03-02T06:00:00Z", endPrecision: "HOUR", operators: ["kcell"] },
      { label: "Slowed", type: "THROTTLING", extent: "PARTIAL", startsAt: "2063-03-02T06:00:00Z", startPrecision: "EXACT", endsAt: "2063-03-03T06:00:00Z", endPrecision: "HOUR", operators: ["kcell"] },
    ],
  } as Parameters<typeof createTestIncident>[0]);
  slug = incident.slug;
  const spaced = await createTestIncident({
    title: "Cuts with gaps",
    startsAt: "2064-01-01T00:00:00Z",
    endsAt: "2064-01-04T06:00:00Z",
    endPrecision: "HOUR",
    phases: [
      { label: "First cut", type: "FULL_BLACKOUT", extent: "FULL", startsAt: "2064-01-01T00:00:00Z", startPrecision: "EXACT", endsAt: "2064-01-01T06:00:00Z", endPrecision: "EXACT" },
      { label: "Messengers on and off", type: "SERVICE_BLOCKING", extent: "INTERMITTENT", startsAt: "2064-01-02T00:00:00Z", startPrecision: "EXACT", endsAt: "2064-01-02T12:00:00Z", endPrecision: "EXACT" },
      { label: "Mobile data cut", type: "MOBILE_DATA_SHUTDOWN", extent: "FULL", startsAt: "2064-01-04T00:00:00Z", startPrecision: "EXACT", endsAt: "2064-01-04T06:00:00Z", endPrecision: "EXACT" },
    ],
  } as Parameters<typeof createTestIncident>[0]);
  spacedSlug = spaced.slug;
}, 120_000);

type Rgb = [number, number, number];
const near = (png: PNG, x: number, y: number, [r, g, b]: Rgb, tolerance = 8) => {
  const index = (y * png.width + x) * 4;
  return Math.abs(png.data[index]! - r) <= tolerance && Math.abs(png.data[index + 1]! - g) <= tolerance && Math.abs(png.data[index + 2]! - b) <= tolerance;
};
/** The longest horizontal run of a colour anywhere in the image: its row, first column and length. */
function longestRun(png: PNG, colour: Rgb): { y: number; x: number; length: number } {
  let best = { y: -1, x: -1, length: 0 };
  for (let y = 0; y < png.height; y += 1) {
    let start = -1;
    for (let x = 0; x <= png.width; x += 1) {
      const inside = x < png.width && near(png, x, y, colour);
      if (inside && start < 0) start = x;
      if (!inside && start >= 0) {
        if (x - start > best.length) best = { y, x: start, length: x - start };
        start = -1;
      }
    }
  }
  return best;
}

describe("social card content", () => {
  it("gives an incident's title, Kazakhstan period and phases in the reader's language", async () => {
    const result = await getSocialCard({ caller: ANONYMOUS, target: { kind: "incident", slug }, locale: "ru", query: {} });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.card.title).toBe("Отключение в Алматы");
    expect(result.card.period).toMatch(/1 мар\.? 2063/);
    expect(result.card.stat).toContain("2 фазы");
    expect(result.card.stat).toContain("Полное отключение: 24 ч");
    expect(result.card.chart?.kind).toBe("timeline");
    // A card draws curated records only: it credits the tracker under CC BY 4.0, and no measurement feed.
    expect(result.card.attribution).toBe("Данные: Трекер отключений интернета в Казахстане, инциденты собраны коалицией (CC BY 4.0).");
    for (const feed of ["OONI", "IODA", "Cloudflare"]) expect(result.card.attribution).not.toContain(feed);
  });

  it("counts the incidents of the period and draws the operators' disruption-hours", async () => {
    const result = await getSocialCard({ caller: ANONYMOUS, target: { kind: "view", view: "timeline" }, locale: "en", query: { from: "2063-01-01", to: "2063-12-31" } });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.card.period).toBe("1 Jan 2063 – 31 Dec 2063");
    expect(result.card.stat).toBe("1 incident");
    expect(result.card.chart?.kind).toBe("bars");
    const bars = result.card.chart?.kind === "bars" ? result.card.chart.bars : [];
    // One measure, named in the caption with what it counts; the 24 hours of throttling are not added to it.
    expect(bars[0]).toEqual({ label: "Kcell", value: 24, valueLabel: "24 h" });
    expect(bars.slice(1).map((bar) => bar.value)).toEqual([0, 0, 0]);
    expect(result.card.chart?.caption).toBe("Full blackout by operator, hours (hours with the operator’s whole network cut nationwide)");
    expect(result.card.statNote).toBe("Published incidents in the period, each counted once.");
  });

  it("gives an operator's hours as separate measures, each named, none added to another", async () => {
    const result = await getSocialCard({ caller: ANONYMOUS, target: { kind: "isp", slug: "kcell" }, locale: "en", query: { from: "2063-01-01", to: "2063-12-31" } });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.card.stat).toBe("Full blackout: 24 h");
    expect(result.card.statNote).toBe(
      "Hours with the operator’s whole network cut nationwide. Counted apart, never added: Partial or regional disruption: 24 h.",
    );
    const russian = await getSocialCard({ caller: ANONYMOUS, target: { kind: "isp", slug: "kcell" }, locale: "ru", query: { from: "2063-01-01", to: "2063-12-31" } });
    expect(russian.status === "ok" && russian.card.stat).toBe("Полное отключение: 24 ч");
  });
});

describe("the incident card's phases on a real time axis", () => {
  it("names every phase's bar, in proportion to time, with a legend of what the bars mean", async () => {
    const result = await getSocialCard({ caller: ANONYMOUS, target: { kind: "incident", slug: spacedSlug }, locale: "en", query: {} });
    expect(result.status).toBe("ok");
    if (result.status !== "ok" || result.card.chart?.kind !== "timeline") throw new Error("no timeline");
    const chart = result.card.chart;
    expect(chart.bars.map((bar) => [bar.number, bar.lane, bar.start, bar.end, bar.extent])).toEqual([
      [1, 0, 0, 6 / 78, "FULL"],
      [2, 0, 24 / 78, 36 / 78, "INTERMITTENT"],
      [3, 0, 72 / 78, 1, "FULL"],
    ]);
    expect(chart.legend.map((entry) => entry.label)).toEqual(["Full blackout", "Service blocking", "Mobile data shutdown", "On and off"]);
    const russian = await getSocialCard({ caller: ANONYMOUS, target: { kind: "incident", slug: spacedSlug }, locale: "ru", query: {} });
    expect(russian.status === "ok" && russian.card.chart?.caption).toBe("Все фазы на оси времени (время Казахстана)");
  });

  it("draws the bars where the time axis puts them, and the on-and-off phase striped", async () => {
    const response = await getIncidentCard(request(`/api/og/incident/${spacedSlug}`), params({ slug: spacedSlug }));
    await expectCard(response.clone(), "spaced");
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    const axis = 470;
    const first = longestRun(png, [0xd5, 0x5e, 0x00]);
    const last = longestRun(png, [0xe6, 0x9f, 0x00]);
    // Six hours of 78 on a 470-pixel axis: 36 pixels each, the last starting 72 hours (434 pixels) after the first.
    expect(first.length).toBeGreaterThanOrEqual(34);
    expect(first.length).toBeLessThanOrEqual(38);
    expect(last.length).toBeGreaterThanOrEqual(34);
    expect(last.length).toBeLessThanOrEqual(38);
    expect(Math.abs(last.x - first.x - (72 / 78) * axis)).toBeLessThanOrEqual(3);
    expect(last.y).toBe(first.y);
    // The middle phase, 24–36 hours: stripes of the type's colour and its light shade, never a solid run as long as the bar.
    const from = first.x + Math.round((24 / 78) * axis) + 2;
    const to = first.x + Math.round((36 / 78) * axis) - 2;
    let strong = 0;
    let light = 0;
    let longest = 0;
    let run = 0;
    for (let x = from; x < to; x += 1) {
      const isStrong = near(png, x, first.y, [0x00, 0x9e, 0x73], 20);
      if (isStrong) strong += 1;
      if (near(png, x, first.y, [174, 217, 210], 20)) light += 1;
      run = isStrong ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(strong).toBeGreaterThan(10);
    expect(light).toBeGreaterThan(10);
    expect(longest).toBeLessThan(20);
    // Nothing is drawn on the axis between the phases: the track shows.
    const gap = first.x + Math.round((15 / 78) * axis);
    expect(near(png, gap, first.y, [0xe8, 0xed, 0xf2], 4)).toBe(true);
  });
});

describe("GET /api/og/…", () => {
  it("draws every kind of card as a 1200×630 PNG with cache headers", async () => {
    await expectCard(await getIncidentCard(request(`/api/og/incident/${slug}?locale=ru`), params({ slug })), "incident");
    await expectCard(await getOperatorCard(request(`/api/og/isp/kcell?${YEAR}`), params({ slug: "kcell" })), "isp");
    for (const view of ["home", "incidents", "timeline", "map", "isps", "api-docs"]) {
      const query = view === "home" || view === "api-docs" ? "locale=ru" : `locale=ru&${YEAR}`;
      await expectCard(await getViewCard(request(`/api/og/${view}?${query}`), params({ view })), view);
    }
    await expectCard(await getViewCard(request("/api/og/timeline?last=30&operator=kcell"), params({ view: "timeline" })), "rolling");
  });

  it("answers 404 for an unknown incident, operator or view", async () => {
    await expectProblem(await getIncidentCard(request("/api/og/incident/no-such-incident"), params({ slug: "no-such-incident" })), 404, "incident");
    await expectProblem(await getOperatorCard(request("/api/og/isp/no-such-operator"), params({ slug: "no-such-operator" })), 404, "isp");
    await expectProblem(await getViewCard(request("/api/og/no-such-view"), params({ view: "no-such-view" })), 404, "view");
  });

  it("answers 400 for bad parameters", async () => {
    const bad = ["locale=kk", "from=2063-13-01", "operator=nobody", "last=0", "last=7&from=2063-01-01", "colour=red"];
    for (const query of bad) await expectProblem(await getViewCard(request(`/api/og/timeline?${query}`), params({ view: "timeline" })), 400, query);
    await expectProblem(await getIncidentCard(request(`/api/og/incident/${slug}?from=2063-01-01`), params({ slug })), 400, "incident with filters");
  });
});
