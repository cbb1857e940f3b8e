/**
 * The visible window of the timeline and the maths of zooming and panning it.
 * Times are milliseconds since the epoch; the window never leaves the domain
 * and never gets shorter than an hour.
 */
export type TimeWindow = { start: number; end: number };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MIN_SPAN = HOUR;


/** The window moved and shrunk as needed to fit in the domain. */
export function clampWindow(view: TimeWindow, domain: TimeWindow): TimeWindow {
  const domainSpan = domain.end - domain.start;
  const span = Math.min(Math.max(view.end - view.start, Math.min(MIN_SPAN, domainSpan)), domainSpan);
  const start = Math.min(Math.max(view.start, domain.start), domain.end - span);
  return { start, end: start + span };
}

/** Zooms by `factor` (below 1 zooms in) keeping the instant at `anchor` (0 = left edge, 1 = right edge) in place. */
export function zoomWindow(view: TimeWindow, factor: number, domain: TimeWindow, anchor = 0.5): TimeWindow {
  const span = view.end - view.start;
  const pivot = view.start + span * anchor;
  const nextSpan = span * factor;
  return clampWindow({ start: pivot - nextSpan * anchor, end: pivot - nextSpan * anchor + nextSpan }, domain);
}

/** Pans by a share of the window's width (negative = back in time). */
export function panWindow(view: TimeWindow, share: number, domain: TimeWindow): TimeWindow {
  const shift = (view.end - view.start) * share;
  return clampWindow({ start: view.start + shift, end: view.end + shift }, domain);
}

/**
 * A window that shows an interval's start (used to follow keyboard focus and
 * to jump to an incident while zoomed): the window is kept when the start is
 * already in it, else moved, keeping its zoom, so that the start sits a tenth
 * of the way in.
 */
export function windowShowing(view: TimeWindow, interval: TimeWindow, domain: TimeWindow): TimeWindow {
  if (interval.start >= view.start && interval.start < view.end) return view;
  const span = view.end - view.start;
  const start = interval.start - span / 10;
  return clampWindow({ start, end: start + span }, domain);
}

/** The window moved, keeping its zoom, to the start (`Home`) or the end (`End`) of the domain. */
export function windowAtEdge(view: TimeWindow, edge: "start" | "end", domain: TimeWindow): TimeWindow {
  const span = view.end - view.start;
  return clampWindow(edge === "start" ? { start: domain.start, end: domain.start + span } : { start: domain.end - span, end: domain.end }, domain);
}

/** A window around a whole interval (an incident), with a little room on both sides. */
export function windowAround(interval: TimeWindow, domain: TimeWindow): TimeWindow {
  const span = Math.max(interval.end - interval.start, HOUR);
  const pad = Math.max(span * 0.08, HOUR);
  return clampWindow({ start: interval.start - pad, end: interval.start + span + pad }, domain);
}

const MINUTE_ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})Z$/;

/** "2022-01-04T00:00Z": an instant to the minute, in UTC. */
export function formatInstantParam(instant: number): string {
  return `${new Date(Math.round(instant / 60_000) * 60_000).toISOString().slice(0, 16)}Z`;
}

/** The `view` parameter: "2022-01-04T00:00Z~2022-01-12T00:00Z". */
export function formatWindowParam(view: TimeWindow): string {
  return `${formatInstantParam(view.start)}~${formatInstantParam(view.end)}`;
}

/** Reads a `view` parameter; undefined when it does not parse or is empty. */
export function parseWindowParam(value: string | undefined): TimeWindow | undefined {
  if (!value) return undefined;
  const [from, to, ...rest] = value.split("~");
  if (rest.length > 0 || !from || !to) return undefined;
  const read = (part: string) => {
    const match = MINUTE_ISO.exec(part);
    if (!match) return NaN;
    const instant = Date.parse(`${match[1]}:00Z`);
    return formatInstantParam(instant) === part ? instant : NaN;
  };
  const start = read(from);
  const end = read(to);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return undefined;
  return { start, end };
}
