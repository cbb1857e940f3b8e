import { describe, expect, it } from "vitest";
import { laneLabel, laneOrder, NATIONAL_LANE, regionLane, toTimelineItems, UNATTRIBUTED_LANE } from "./items";
import { layoutLanes } from "./lanes";
import { zonedTicks } from "./ticks";
import { clampWindow, DAY, formatWindowParam, HOUR, panWindow, parseWindowParam, windowAtEdge, windowShowing, zoomWindow } from "./view-window";
import { itemsInWindow, STUB_PX, visibleBars } from "./visible-bars";
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
  });

  it("gives a regional phase of a nationwide incident its region's lane, never the National one", () => {
    const [item] = toTimelineItems(
      [incident({ phases: [phase({ regions: ["almaty-city"], allOperators: true }), phase({ regions: ["astana", "almaty-city"] })] })],
      now,
    );
    expect(item!.phases[0]).toMatchObject({ regional: true, lanes: [regionLane("almaty-city"), "beeline", "kcell"] });
    expect(item!.phases[1]).toMatchObject({ regional: true, lanes: [regionLane("astana"), regionLane("almaty-city")] });
    expect(item!.phases.flatMap((p) => p.lanes)).not.toContain(NATIONAL_LANE);
  });

  it("puts a phase of a regional incident in the incident's regions, and only one with no region and no operator in the last lane", () => {
    const [local] = toTimelineItems([incident({ scope: "LOCAL", operators: [], regions: ["mangystau"], phases: [phase()] })], now);
    expect(local!.phases[0]!.lanes).toEqual([regionLane("mangystau")]);
    const [nowhere] = toTimelineItems([incident({ scope: "REGIONAL", operators: [], regions: [], phases: [phase()] })], now);
    expect(nowhere!.phases[0]!.lanes).toEqual([UNATTRIBUTED_LANE]);
  });

  it("labels lanes: National, operators by name, regions as regional", () => {
    const names = { operators: { kcell: "Kcell" }, regions: { "almaty-city": "Almaty" } };
    const t = (key: string, values?: { name: string }) => (key === "lanes.region" ? `${values!.name} (regional)` : key);
    expect([NATIONAL_LANE, "kcell", regionLane("almaty-city"), UNATTRIBUTED_LANE].map((lane) => laneLabel(lane, names, t))).toEqual([
      "lanes.national",
      "Kcell",
      "Almaty (regional)",
      "lanes.unattributed",
    ]);
  });

  it("draws each end as the record says: recorded, ongoing (fading from the last check), to the last report, or a stub when not counted", () => {
    const recorded = toTimelineItems([incident({ phases: [phase({ endsAt: at("2022-01-06T00:00:00+06:00"), endPrecision: "DAY" })] })], now)[0]!;
    // A DAY end covers the day: drawn to the next Kazakhstan midnight.
    expect(recorded.phases[0]).toMatchObject({ end: at("2022-01-06T18:00:00Z").getTime(), endDrawing: "recorded", fadeFrom: null, counted: true, open: false });

    const notCounted = toTimelineItems([incident({ phases: [phase({ endsAt: null, endPrecision: null })] })], now)[0]!;
    // Not drawn to the incident's end or to now: nothing supports that.
    expect(notCounted.phases[0]).toMatchObject({ end: at("2022-01-05T11:00:00Z").getTime(), endDrawing: "not_counted", open: true, endStatus: "NOT_RECORDED", counted: false });

    const reported = toTimelineItems([incident({ phases: [phase({ endsAt: null, endPrecision: null, lastReportedOn: new Date("2022-01-06T00:00:00Z") })] })], now)[0]!;
    // Counted to the end of 6 January in Almaty.
    expect(reported.phases[0]).toMatchObject({ end: at("2022-01-06T18:00:00Z").getTime(), endDrawing: "last_report", open: true, counted: true });

    const ongoingIncident = { endsAt: null, endPrecision: null, endStatus: "ONGOING" as const, lastCheckedOn: new Date("2022-02-01T00:00:00Z") };
    const ongoing = toTimelineItems([incident({ ...ongoingIncident, phases: [phase({ endsAt: null, endPrecision: null, endStatus: "ONGOING" })] })], now)[0]!;
    // Solid to the end of 1 February (Kazakhstan), fading from there to now.
    expect(ongoing.phases[0]).toMatchObject({ end: now.getTime(), endDrawing: "ongoing", fadeFrom: at("2022-02-01T18:00:00Z").getTime(), counted: true });
    expect(ongoing).toMatchObject({ end: now.getTime(), open: true, endStatus: "ONGOING", lastCheckedOn: "2022-02-01" });
    const unchecked = toTimelineItems([incident({ ...ongoingIncident, lastCheckedOn: null, phases: [phase({ endsAt: null, endPrecision: null, endStatus: "ONGOING" })] })], now)[0]!;
    expect(unchecked.phases[0]!.fadeFrom).toBe(unchecked.phases[0]!.start);
  });

  it("keeps an incident's recorded end as stored, and ends one with no recorded end where its phases are drawn to", () => {
    const [day] = toTimelineItems([incident({ endsAt: at("2022-01-17T00:00:00+06:00"), endPrecision: "DAY" })], now);
    expect(day).toMatchObject({ endsAt: at("2022-01-16T18:00:00Z").getTime(), endPrecision: "DAY", end: at("2022-01-17T18:00:00Z").getTime() });
    const [unknown] = toTimelineItems(
      [incident({ endsAt: null, endPrecision: null, endStatus: "NOT_RECORDED", phases: [phase(), phase({ startsAt: at("2022-01-07T00:00:00Z"), endsAt: null, endPrecision: null })] })],
      now,
    );
    expect(unknown).toMatchObject({ end: at("2022-01-07T00:00:00Z").getTime(), endsAt: null, open: true, lastReportedOn: null });
  });

  it("draws an incident without phases as one phase", () => {
    const [item] = toTimelineItems([incident()], now);
    expect(item!.phases).toHaveLength(1);
    expect(item!.phases[0]).toMatchObject({ label: "A", lanes: [NATIONAL_LANE, "beeline", "kcell"] });
  });

  it("orders lanes National, operators, regions, unattributed, and leaves out empty ones", () => {
    const items = toTimelineItems([incident({ phases: [phase({ operators: ["kcell"] }), phase({ regions: ["astana"] })] })], now);
    expect(laneOrder(items, ["beeline", "kcell", "tele2-altel"], ["almaty-city", "astana"])).toEqual([NATIONAL_LANE, "kcell", regionLane("astana")]);
  });

  it("stacks overlapping bars in sub-rows so every one stays visible, and keeps a run of cuts on one row", () => {
    const phases = [0, 1, 2, 3].map((n) => phase({ startsAt: at(`2022-01-0${5 + n}T00:00:00Z`), endsAt: at("2022-01-20T00:00:00Z") }));
    const items = toTimelineItems([incident({ phases })], now);
    const [lane] = layoutLanes(items, [NATIONAL_LANE]);
    expect(lane!.bars.map((bar) => bar.row)).toEqual([0, 1, 2, 3]);
    expect(lane!.rows).toBe(4);
    const capped = layoutLanes(items, [NATIONAL_LANE], 3)[0]!;
    expect(capped.bars.map((bar) => bar.row)).toEqual([0, 1, 2, 0]);
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

  it("draws a phase with no recorded end that no figure counts as a stub, never merged away", () => {
    const stubs = toTimelineItems(
      [0, 1, 2].map((n) => incident({ slug: `u${n}`, endsAt: null, endPrecision: null, endStatus: "NOT_RECORDED", startsAt: new Date(Date.UTC(2030, 0, 1) + n * HOUR), operators: [] })),
      now,
    );
    const [stubLane] = layoutLanes(stubs, [NATIONAL_LANE]);
    const view = { start: Date.UTC(2030, 0, 1), end: Date.UTC(2030, 1, 1) };
    const drawn = visibleBars(stubLane!, view, 744);
    expect(drawn.map((d) => d.kind)).toEqual(["bar", "bar", "bar"]);
    expect(drawn.every((d) => d.kind === "bar" && d.width === STUB_PX && d.endX === d.x + STUB_PX)).toBe(true);
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
    const week = { start: domain.start + 10 * DAY, end: domain.start + 17 * DAY };
    expect(panWindow(week, -10, domain).start).toBe(domain.start);
    expect(panWindow(week, 10, domain).end).toBe(domain.end);
    expect(clampWindow({ start: domain.end + DAY, end: domain.end + 3 * DAY }, domain)).toEqual({ start: domain.end - 2 * DAY, end: domain.end });
  });

  it("follows keyboard focus and Home/End without losing the zoom", () => {
    const zoomed = { start: Date.UTC(2022, 0, 10), end: Date.UTC(2022, 0, 12) };
    // Already in view: nothing moves.
    expect(windowShowing(zoomed, { start: Date.UTC(2022, 0, 11), end: Date.UTC(2022, 0, 25) }, domain)).toEqual(zoomed);
    // Elsewhere: moved there, two days wide as before, the start a tenth of the way in.
    const moved = windowShowing(zoomed, { start: Date.UTC(2022, 0, 20), end: Date.UTC(2022, 0, 30) }, domain);
    expect(moved.end - moved.start).toBe(2 * DAY);
    expect(moved.start).toBe(Date.UTC(2022, 0, 20) - 0.2 * DAY);
    expect(windowAtEdge(zoomed, "end", domain)).toEqual({ start: domain.end - 2 * DAY, end: domain.end });
    expect(windowAtEdge(zoomed, "start", domain)).toEqual({ start: domain.start, end: domain.start + 2 * DAY });
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
