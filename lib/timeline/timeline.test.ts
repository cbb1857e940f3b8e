import { describe, expect, it } from "vitest";
import { laneOrder, NATIONAL_LANE, toTimelineItems, UNATTRIBUTED_LANE } from "./items";
import { layoutLanes } from "./lanes";
import { zonedTicks } from "./ticks";
import { clampWindow, DAY, formatWindowParam, HOUR, panWindow, parseWindowParam, presetWindow, zoomWindow } from "./view-window";
import { itemsInWindow, visibleBars } from "./visible-bars";
import { timelineDomain } from "./domain";

const at = (iso: string) => new Date(iso);
const now = at("2022-03-01T00:00:00Z");

type SourceIncident = Parameters<typeof toTimelineItems>[0][number];

function incident(overrides: Partial<SourceIncident> = {}): SourceIncident {
  const endsAt = "endsAt" in overrides ? overrides.endsAt! : at("2022-01-10T00:00:00Z");
  return {
    slug: "a",
    title: "A",
    type: "FULL_BLACKOUT" as const,
    scope: "NATIONAL" as const,
    startsAt: at("2022-01-05T11:00:00Z"),
    endsAt,
    endPrecision: "EXACT" as const,
    endStatus: endsAt ? "RECORDED" : "ONGOING",
    operators: ["beeline", "kcell"],
    regions: [],
    phases: [],
    ...overrides,
  };
}

const phase = (overrides: Partial<SourceIncident["phases"][number]> = {}): SourceIncident["phases"][number] => {
  const endsAt = "endsAt" in overrides ? overrides.endsAt! : at("2022-01-06T11:00:00Z");
  return {
    label: "p",
    type: "FULL_BLACKOUT" as const,
    extent: "FULL" as const,
    startsAt: at("2022-01-05T11:00:00Z"),
    endsAt,
    endPrecision: "EXACT" as const,
    endStatus: endsAt ? "RECORDED" : "NOT_RECORDED",
    lastReportedOn: null,
    allOperators: false,
    operators: [] as string[],
    regions: [] as string[],
    ...overrides,
  };
};

describe("timeline items and lanes", () => {
  it("puts a phase marked as affecting all the incident's operators in their lanes, one naming none only in the National lane", () => {
    const [item] = toTimelineItems([incident({ phases: [phase({ allOperators: true }), phase({ operators: ["kcell"], extent: "PARTIAL" }), phase()] })], now);
    expect(item!.phases.map((p) => p.lanes)).toEqual([[NATIONAL_LANE, "beeline", "kcell"], [NATIONAL_LANE, "kcell"], [NATIONAL_LANE]]);
    expect(item!.phases.map((p) => p.regional)).toEqual([false, false, false]);
    expect(toTimelineItems([incident({ phases: [phase({ regions: ["astana"] })] })], now)[0]!.phases[0]!.regional).toBe(true);
  });

  it("puts a regional phase with no operator anywhere in the 'no operator named' lane", () => {
    const [item] = toTimelineItems([incident({ scope: "REGIONAL", operators: [], phases: [phase()] })], now);
    expect(item!.phases[0]!.lanes).toEqual([UNATTRIBUTED_LANE]);
  });

  it("draws a phase to where it is counted, an uncounted open phase to the incident's end, and says which end each has", () => {
    const ended = toTimelineItems([incident({ phases: [phase({ endsAt: null, endPrecision: null })] })], now)[0]!;
    expect(ended.phases[0]).toMatchObject({ end: at("2022-01-10T00:00:00Z").getTime(), open: true, endStatus: "NOT_RECORDED", counted: false });
    const reported = toTimelineItems([incident({ phases: [phase({ endsAt: null, endPrecision: null, lastReportedOn: new Date("2022-01-06T00:00:00Z") })] })], now)[0]!;
    // Counted to the end of 6 January in Almaty.
    expect(reported.phases[0]).toMatchObject({ end: at("2022-01-06T18:00:00Z").getTime(), open: true, counted: true });
    const ongoing = toTimelineItems(
      [incident({ endsAt: null, endPrecision: null, endStatus: "ONGOING", phases: [phase({ endsAt: null, endPrecision: null, endStatus: "ONGOING" })] })],
      now,
    )[0]!;
    expect(ongoing.phases[0]).toMatchObject({ end: now.getTime(), open: true, endStatus: "ONGOING", counted: true });
    expect(ongoing).toMatchObject({ end: now.getTime(), open: true, endStatus: "ONGOING" });
  });

  it("draws an incident without phases as one phase", () => {
    const [item] = toTimelineItems([incident()], now);
    expect(item!.phases).toHaveLength(1);
    expect(item!.phases[0]).toMatchObject({ label: "A", lanes: [NATIONAL_LANE, "beeline", "kcell"] });
  });

  it("orders lanes National, operators, unattributed, and leaves out empty ones", () => {
    const items = toTimelineItems([incident({ phases: [phase({ operators: ["kcell"] })] })], now);
    expect(laneOrder(items, ["beeline", "kcell", "tele2-altel"])).toEqual([NATIONAL_LANE, "kcell"]);
  });

  it("stacks overlapping bars in sub-rows, up to a limit", () => {
    const phases = [0, 1, 2, 3].map((n) => phase({ startsAt: at(`2022-01-0${5 + n}T00:00:00Z`), endsAt: at("2022-01-20T00:00:00Z") }));
    const items = toTimelineItems([incident({ phases })], now);
    const [lane] = layoutLanes(items, [NATIONAL_LANE], 3);
    expect(lane!.bars.map((bar) => bar.row)).toEqual([0, 1, 2, 0]);
    expect(lane!.rows).toBe(3);
    const after = toTimelineItems([incident({ phases: [phase(), phase({ startsAt: at("2022-01-07T00:00:00Z"), endsAt: at("2022-01-08T00:00:00Z") })] })], now);
    expect(layoutLanes(after, [NATIONAL_LANE])[0]!.bars.map((bar) => bar.row)).toEqual([0, 0]);
  });
});

describe("culling and merging", () => {
  const manyShort = Array.from({ length: 2000 }, (_, n) =>
    incident({ slug: `s${n}`, startsAt: new Date(Date.UTC(2030, 0, 1) + n * 8 * HOUR), endsAt: new Date(Date.UTC(2030, 0, 1) + n * 8 * HOUR + 2 * HOUR), operators: [] }),
  );
  const items = toTimelineItems(manyShort, now);
  const [lane] = layoutLanes(items, [NATIONAL_LANE]);

  it("draws only bars in the window, clipped to it", () => {
    const view = { start: Date.UTC(2030, 0, 2), end: Date.UTC(2030, 0, 3) };
    const drawn = visibleBars(lane!, view, 960);
    expect(drawn.every((d) => d.kind === "bar")).toBe(true);
    expect(drawn).toHaveLength(3);
    expect(drawn[0]).toMatchObject({ x: 0, width: 80 });
  });

  it("merges sub-pixel bars, so a zoomed-out view draws far fewer elements than incidents", () => {
    const view = { start: Date.UTC(2030, 0, 1), end: Date.UTC(2030, 0, 1) + 2000 * 8 * HOUR };
    const drawn = visibleBars(lane!, view, 600);
    expect(drawn.length).toBeLessThan(400);
    const covered = drawn.reduce((sum, d) => sum + (d.kind === "cluster" ? d.items.length : 1), 0);
    expect(covered).toBe(2000);
  });

  it("lists the items in a window in time order", () => {
    expect(itemsInWindow(items, { start: Date.UTC(2030, 0, 2), end: Date.UTC(2030, 0, 3) })).toEqual([3, 4, 5]);
  });
});

describe("zoom and pan", () => {
  const domain = { start: Date.UTC(2022, 0, 1), end: Date.UTC(2022, 1, 1) };

  it("zooms around an anchor and keeps the window in the domain", () => {
    const zoomed = zoomWindow(domain, 0.5, domain, 0.5);
    expect(zoomed.end - zoomed.start).toBe((domain.end - domain.start) / 2);
    expect((zoomed.start + zoomed.end) / 2).toBe((domain.start + domain.end) / 2);
    expect(zoomWindow(domain, 2, domain)).toEqual(domain);
    const left = zoomWindow(domain, 0.25, domain, 0);
    expect(left.start).toBe(domain.start);
  });

  it("never zooms below an hour, and pans without leaving the domain", () => {
    const tiny = zoomWindow(domain, 1e-6, domain);
    expect(tiny.end - tiny.start).toBe(HOUR);
    const week = presetWindow(domain, "week", domain);
    expect(week.end - week.start).toBe(7 * DAY);
    expect(panWindow(week, -10, domain).start).toBe(domain.start);
    expect(panWindow(week, 10, domain).end).toBe(domain.end);
    expect(clampWindow({ start: domain.end + DAY, end: domain.end + 3 * DAY }, domain)).toEqual({ start: domain.end - 2 * DAY, end: domain.end });
  });

  it("writes and reads the view parameter, rejecting bad ones", () => {
    const view = { start: Date.UTC(2022, 0, 4), end: Date.UTC(2022, 0, 12, 6, 30) };
    expect(formatWindowParam(view)).toBe("2022-01-04T00:00Z~2022-01-12T06:30Z");
    expect(parseWindowParam("2022-01-04T00:00Z~2022-01-12T06:30Z")).toEqual(view);
    for (const bad of ["", "2022-01-04", "2022-01-12T00:00Z~2022-01-04T00:00Z", "2022-02-30T00:00Z~2022-03-01T00:00Z", "a~b", "x~y~z"]) {
      expect(parseWindowParam(bad), bad).toBeUndefined();
    }
  });

  it("takes the filters' period as the domain, else the data's span", () => {
    const items = toTimelineItems([incident()], now);
    expect(timelineDomain(items, { from: new Date(domain.start), to: new Date(domain.end) }, now)).toEqual(domain);
    const derived = timelineDomain(items, {}, now);
    expect(derived.start).toBeLessThan(items[0]!.start);
    expect(derived.end).toBeGreaterThan(items[0]!.end);
  });
});

describe("zone-aware ticks", () => {
  it("puts day ticks at Kazakhstan midnight, or UTC midnight on request", () => {
    const from = Date.UTC(2022, 0, 3);
    const to = Date.UTC(2022, 0, 8);
    const local = zonedTicks(from, to, { zone: "local", locale: "en" });
    expect(new Date(local[0]!.at).toISOString()).toBe("2022-01-03T18:00:00.000Z"); // 4 Jan 00:00 UTC+6
    expect(local[0]!.label).toBe("4 Jan");
    const utc = zonedTicks(from, to, { zone: "utc", locale: "en" });
    expect(new Date(utc[0]!.at).toISOString()).toBe("2022-01-03T00:00:00.000Z");
    expect(utc[0]!.label).toBe("3 Jan");
  });

  it("steps from hours to years as the window grows, within the tick budget", () => {
    const start = Date.UTC(2022, 0, 5);
    for (const span of [2 * HOUR, DAY, 10 * DAY, 200 * DAY, 3000 * DAY]) {
      const ticks = zonedTicks(start, start + span, { zone: "local", locale: "ru", maxTicks: 8 });
      expect(ticks.length, `span ${span / HOUR} h`).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(9);
    }
    expect(zonedTicks(start, start + 6 * HOUR, { zone: "utc", locale: "en" }).map((tick) => tick.label).slice(0, 2)).toEqual(["5 Jan", "01:00"]);
    expect(zonedTicks(start, start + 3000 * DAY, { zone: "utc", locale: "en" }).map((tick) => tick.label)).toContain("2024");
  });
});
