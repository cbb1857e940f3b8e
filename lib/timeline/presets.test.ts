import { describe, expect, it } from "vitest";
import { calendarUnitAt, monthWindow, parseMonthKey } from "./calendar";
import { formatMonthKey, formatTimelineValue, windowBounds } from "./format-instant";
import { toTimelineItems } from "./items";
import { presetOf, presetWindow } from "./presets";
import { monthsWithData } from "./calendar";
import { readTimelineParams } from "./timeline-params";
import { DAY } from "./view-window";

const at = (iso: string) => new Date(iso).getTime();
const now = new Date("2026-12-01T00:00:00Z");
const iso = (window: { start: number; end: number }) => ({ start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() });

type Source = Parameters<typeof toTimelineItems>[0][number];
const incident = (slug: string, start: string, end: string, phases: { start: string; end: string }[] = [{ start, end }]): Source => ({
  slug,
  title: slug,
  type: "FULL_BLACKOUT",
  scope: "NATIONAL",
  startsAt: new Date(start),
  endsAt: new Date(end),
  endPrecision: "EXACT",
  endStatus: "RECORDED",
  operators: [],
  regions: [],
  phases: phases.map((phase) => ({
    label: slug,
    type: "FULL_BLACKOUT",
    extent: "FULL",
    startsAt: new Date(phase.start),
    endsAt: new Date(phase.end),
    endPrecision: "EXACT",
    endStatus: "RECORDED",
    lastReportedOn: null,
    allOperators: false,
    operators: [],
    regions: [],
  })),
});

// Like the seed: an incident in 2018, the January 2022 cuts with restorations, one in mid-2023.
const items = toTimelineItems(
  [
    incident("2018", "2018-03-15T00:00:00Z", "2018-03-16T00:00:00Z"),
    incident("qantar", "2022-01-04T10:00:00Z", "2022-01-11T02:15:00Z", [
      { start: "2022-01-04T10:00:00Z", end: "2022-01-04T18:00:00Z" },
      { start: "2022-01-05T10:45:00Z", end: "2022-01-05T17:30:00Z" },
      { start: "2022-01-05T22:00:00Z", end: "2022-01-06T10:30:00Z" },
    ]),
    incident("2023", "2023-06-10T00:00:00Z", "2023-06-12T00:00:00Z"),
  ],
  now,
);
const whole = { start: at("2018-01-01T00:00:00Z"), end: at("2026-12-01T00:00:00Z") };
const local = { items, selected: null, domain: whole, zone: "local" as const };

describe("calendar periods in Kazakhstan time", () => {
  it("gives January 2022 from local midnight to local midnight (UTC+6), and in UTC on request", () => {
    expect(iso(monthWindow(2022, 1, "local"))).toEqual({ start: "2021-12-31T18:00:00.000Z", end: "2022-01-31T18:00:00.000Z" });
    expect(iso(monthWindow(2022, 1, "utc"))).toEqual({ start: "2022-01-01T00:00:00.000Z", end: "2022-02-01T00:00:00.000Z" });
    // After 1 March 2024 Kazakhstan is UTC+5.
    expect(iso(calendarUnitAt(at("2025-01-05T11:15:00Z"), "day", "local"))).toEqual({ start: "2025-01-04T19:00:00.000Z", end: "2025-01-05T19:00:00.000Z" });
  });

  it("reads month keys from 1990 to 2100 only", () => {
    expect(parseMonthKey("2022-01")).toEqual({ year: 2022, month: 1 });
    for (const bad of ["2022-1", "2022-13", "2022-00", "1989-12", "2101-01", "January", "2022-01-01", ""]) expect(parseMonthKey(bad), bad).toBeUndefined();
  });
});

describe("labels", () => {
  it("reads a window of whole days as its first and last day: from=2022-01-01&to=2022-01-31 is 1 Jan – 31 Jan, not 2 Jan – 1 Feb", () => {
    const january = monthWindow(2022, 1, "local");
    expect(windowBounds(january, "local", "en")).toEqual({ from: "1 Jan 2022", to: "31 Jan 2022", wholeDays: true });
    expect(windowBounds(monthWindow(2022, 1, "utc"), "utc", "en")).toEqual({ from: "1 Jan 2022", to: "31 Jan 2022", wholeDays: true });
    expect(windowBounds(january, "local", "ru")).toEqual({ from: "1 янв. 2022 г.", to: "31 янв. 2022 г.", wholeDays: true });
    // Kazakhstan's January seen in UTC does not start at a UTC midnight: times are shown.
    expect(windowBounds(january, "utc", "en")).toEqual({ from: "31 Dec 2021, 18:00 UTC", to: "31 Jan 2022, 18:00 UTC", wholeDays: false });
    // from=2022-01-01 alone: the data's end is not a midnight.
    expect(windowBounds({ start: january.start, end: at("2024-07-17T05:06:00Z") }, "local", "en")).toEqual({ from: "1 Jan 2022", to: "17 Jul 2024, 10:06 UTC+5", wholeDays: false });
  });

  it("writes a day-precision value as its Kazakhstan day, whatever the zone, and other values with their time", () => {
    const seventeenth = at("2022-01-17T00:00:00+06:00");
    expect(formatTimelineValue(seventeenth, "DAY", "local", "en")).toBe("17 Jan 2022");
    expect(formatTimelineValue(seventeenth, "DAY", "utc", "en")).toBe("17 Jan 2022");
    expect(formatTimelineValue(at("2022-01-05T10:45:00Z"), "EXACT", "local", "en")).toBe("5 Jan 2022, 16:45 UTC+6");
    expect(formatTimelineValue(at("2022-01-05T10:45:00Z"), "EXACT", "utc", "en")).toBe("5 Jan 2022, 10:45 UTC");
    expect(formatMonthKey("2022-01", "en")).toBe("January 2022");
  });
});

describe("presets show a period with something in it", () => {
  it("on the whole period, 'Month' shows the latest incident's month, not the empty month in the middle", () => {
    // The centre of 2018–2026 is in mid-2022, where nothing happens.
    expect(iso(presetWindow("month", whole, local))).toEqual(iso(monthWindow(2023, 6, "local")));
    // The year in the middle, 2022, has the January cuts: it is kept.
    expect(iso(presetWindow("year", whole, local))).toEqual(iso(calendarUnitAt(at("2022-06-01T00:00:00Z"), "year", "local")));
    const day = presetWindow("day", whole, local);
    expect(day.end - day.start).toBe(DAY);
    expect(day.start).toBe(at("2023-06-09T18:00:00Z"));
  });

  it("shows the selected incident's period", () => {
    const selected = { ...local, selected: 1 };
    expect(iso(presetWindow("month", whole, selected))).toEqual(iso(monthWindow(2022, 1, "local")));
    // A week from the day it starts.
    expect(iso(presetWindow("week", whole, selected))).toEqual({ start: "2022-01-03T18:00:00.000Z", end: "2022-01-10T18:00:00.000Z" });
  });

  it("keeps the period around the centre when something happens in it", () => {
    const january = monthWindow(2022, 1, "local");
    // Centred on 16 January: nothing starts or ends in that week, so the week of the latest incident in view.
    expect(iso(presetWindow("week", january, local))).toEqual({ start: "2022-01-03T18:00:00.000Z", end: "2022-01-10T18:00:00.000Z" });
    const aroundTheCut = { start: at("2022-01-04T18:00:00Z"), end: at("2022-01-06T18:00:00Z") };
    // Centred on 5 January, 18:00 UTC: 6 January (Kazakhstan) has the recut's end.
    expect(iso(presetWindow("day", aroundTheCut, local))).toEqual({ start: "2022-01-05T18:00:00.000Z", end: "2022-01-06T18:00:00.000Z" });
    // Zoomed into an empty stretch with nothing in view: the nearest incident.
    expect(iso(presetWindow("month", { start: at("2019-01-01T00:00:00Z"), end: at("2019-02-01T00:00:00Z") }, local))).toEqual(iso(monthWindow(2018, 3, "local")));
  });

  it("stays inside the domain", () => {
    const january = monthWindow(2022, 1, "local");
    expect(presetWindow("year", january, { ...local, domain: january })).toEqual(january);
  });

  it("says which preset a window is", () => {
    expect(presetOf(monthWindow(2022, 1, "local"), "local")).toBe("month");
    expect(presetOf(monthWindow(2022, 1, "local"), "utc")).toBeUndefined();
    expect(presetOf(calendarUnitAt(at("2022-01-05T12:00:00Z"), "day", "local"), "local")).toBe("day");
    expect(presetOf({ start: at("2022-01-03T18:00:00Z"), end: at("2022-01-10T18:00:00Z") }, "local")).toBe("week");
    expect(presetOf(calendarUnitAt(at("2022-05-05T12:00:00Z"), "year", "local"), "local")).toBe("year");
    expect(presetOf({ start: at("2022-01-03T18:00:00Z"), end: at("2022-02-10T18:00:00Z") }, "local")).toBeUndefined();
  });
});

describe("the timeline's own parameters", () => {
  const read = (query: Record<string, string | string[]>, zone: "local" | "utc" = "local") => readTimelineParams(query, { items, domain: whole, zone });

  it("shows the whole period by default", () => {
    expect(read({})).toEqual({ view: whole, selected: null, ignored: [] });
  });

  it("jumps to a month of the chosen zone", () => {
    expect(read({ month: "2022-01" }).view).toEqual(monthWindow(2022, 1, "local"));
    expect(read({ month: "2022-01" }, "utc").view).toEqual(monthWindow(2022, 1, "utc"));
  });

  it("jumps to an incident: selected and shown whole, with a little room", () => {
    const { view, selected } = read({ incident: "qantar" });
    expect(selected).toBe(1);
    expect(view.start).toBeLessThan(items[1]!.start);
    expect(view.end).toBeGreaterThan(items[1]!.end);
    expect(view.end - view.start).toBeLessThan(10 * DAY);
  });

  it("takes the window from view, then month, then incident, keeping the selection", () => {
    const view = "2022-01-05T00:00Z~2022-01-06T00:00Z";
    expect(read({ view, month: "2023-06", incident: "qantar" })).toEqual({
      view: { start: at("2022-01-05T00:00:00Z"), end: at("2022-01-06T00:00:00Z") },
      selected: 1,
      viewParam: view,
      ignored: [],
    });
    expect(read({ month: "2023-06", incident: "qantar" })).toMatchObject({ view: monthWindow(2023, 6, "local"), selected: 1 });
  });

  it("ignores, with a notice, what it cannot show", () => {
    expect(read({ month: "2022-13", incident: "nope" })).toEqual({
      view: whole,
      selected: null,
      ignored: [
        { param: "month", value: "2022-13" },
        { param: "incident", value: "nope" },
      ],
    });
    // A month outside the period shown (the filters' or the data's).
    expect(read({ month: "2010-05" }).ignored).toEqual([{ param: "month", value: "2010-05" }]);
    expect(read({ month: ["2022-01", "2022-02"] }).ignored).toHaveLength(2);
    expect(read({ view: "yesterday" }).ignored).toEqual([{ param: "view", value: "yesterday" }]);
  });

  it("offers the months in which something starts", () => {
    expect(monthsWithData(items, "local")).toEqual(["2018-03", "2022-01", "2023-06"]);
  });
});
