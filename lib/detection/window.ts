import { DAY_MS, REOPEN_WITHIN_MS } from "./parameters";
import { LONGEST_BASELINE_DAYS } from "./signals";
import type { DetectionWindow, StoredPeriod } from "./types";

export type PartType = "connectivity" | "service";

/**
 * Where a group's evaluation of one part type starts: the window's start,
 * or, for a stored detection of the group that is ongoing or ended less than
 * REOPEN_WITHIN_MS before it (new data may extend, end or reopen it), the
 * start of its first segment of that type (of the detection itself when
 * its segments are not given).
 */
export function resumeFrom(group: string, type: PartType, since: number, stored: readonly StoredPeriod[]): number {
  let from = since;
  for (const detection of stored) {
    if (detection.group !== group) continue;
    if (detection.end !== null && detection.end.getTime() < since - REOPEN_WITHIN_MS) continue;
    if (!detection.segments || detection.segments.length === 0) {
      from = Math.min(from, detection.start.getTime());
      continue;
    }
    for (const segment of detection.segments) {
      if ((segment.kind === "service-blocking") === (type === "service")) from = Math.min(from, segment.start.getTime());
    }
  }
  return from;
}

/**
 * From when to read points for a run: the baseline's 28 days (and a day of
 * neighbours) before the earliest evaluation start, the REOPEN_WITHIN_MS the
 * detector looks back for an earlier drop of the same period, and a day of
 * margin for its windows.
 */
export function requiredHistoryStart(window: DetectionWindow, stored: readonly StoredPeriod[] = []): Date {
  const since = window.since.getTime();
  const earliest = Math.min(
    since,
    ...stored.flatMap((detection) => [resumeFrom(detection.group, "connectivity", since, stored), resumeFrom(detection.group, "service", since, stored)]),
  );
  return new Date(earliest - (LONGEST_BASELINE_DAYS + 2) * DAY_MS - REOPEN_WITHIN_MS);
}
