import type { ZoneChoice } from "@/lib/time/format";
import { addDays, calendarUnitAt, dayStartAt } from "./calendar";
import type { TimelineItem } from "./items";
import { clampWindow, DAY, type TimeWindow } from "./view-window";

/**
 * The "Show one year / month / week / day" buttons. A preset shows a calendar
 * year, month or day of the chosen zone (a week: seven days), and always one
 * with something in it: the centre of what is shown when something starts or
 * ends there, else the selected incident, else the latest incident starting in
 * view (the latest of all when the whole period is shown), else the incident
 * nearest to the centre. Centring blindly is what made "Month" show an empty
 * July–August 2022 on the whole period.
 */
export const PRESETS = ["year", "month", "week", "day"] as const;
export type Preset = (typeof PRESETS)[number];

type PresetItem = Pick<TimelineItem, "start"> & { phases: Pick<TimelineItem["phases"][number], "start" | "end" | "endDrawing">[] };

export type PresetContext = {
  items: PresetItem[];
  /** The selected incident (jumped to, or with keyboard focus), as an index into items. */
  selected: number | null;
  domain: TimeWindow;
  zone: ZoneChoice;
};

/** The instants at which something happens in an incident: its phases' starts and recorded ends. */
export function incidentEvents(item: PresetItem): number[] {
  return item.phases.flatMap((phase) => (phase.endDrawing === "recorded" && phase.end > phase.start ? [phase.start, phase.end] : [phase.start]));
}

const within = (window: TimeWindow) => (instant: number) => instant >= window.start && instant < window.end;

/**
 * The preset's period around an instant. Around the centre of the view, a week
 * is centred on it; from an incident's start (`from`), it begins that day.
 */
export function presetPeriod(preset: Preset, at: number, placement: "around" | "from", zone: ZoneChoice): TimeWindow {
  if (preset !== "week") return calendarUnitAt(at, preset, zone);
  const start = placement === "from" ? dayStartAt(at, zone) : addDays(at, -3, zone);
  return { start, end: addDays(start, 7, zone) };
}

/** The window a preset button shows, from the current one. */
export function presetWindow(preset: Preset, view: TimeWindow, context: PresetContext): TimeWindow {
  const { items, selected, domain, zone } = context;
  const centre = (view.start + view.end) / 2;
  const around = presetPeriod(preset, centre, "around", zone);
  const show = (window: TimeWindow) => clampWindow(window, domain);

  const chosen = selected === null ? undefined : items[selected];
  if (chosen) {
    const events = incidentEvents(chosen);
    if (events.some(within(around))) return show(around);
    return show(presetPeriod(preset, events.find(within(view)) ?? chosen.start, "from", zone));
  }
  if (items.some((item) => incidentEvents(item).some(within(around)))) return show(around);
  const startsInView = items.map((item) => item.start).filter(within(view));
  const anchor =
    startsInView.length > 0
      ? Math.max(...startsInView)
      : items.reduce<number | undefined>((best, item) => (best === undefined || Math.abs(item.start - centre) < Math.abs(best - centre) ? item.start : best), undefined);
  return show(anchor === undefined ? around : presetPeriod(preset, anchor, "from", zone));
}

const MINUTE = 60_000;
const same = (a: TimeWindow, b: TimeWindow) => Math.abs(a.start - b.start) < MINUTE && Math.abs(a.end - b.end) < MINUTE;

/** Which preset a window is (a whole calendar year, month or day of the zone, or seven days), if any. */
export function presetOf(view: TimeWindow, zone: ZoneChoice): Preset | undefined {
  if (same(view, calendarUnitAt(view.start + MINUTE, "day", zone))) return "day";
  if (Math.abs(view.end - view.start - 7 * DAY) < MINUTE) return "week";
  if (same(view, calendarUnitAt(view.start + MINUTE, "month", zone))) return "month";
  if (same(view, calendarUnitAt(view.start + MINUTE, "year", zone))) return "year";
  return undefined;
}
