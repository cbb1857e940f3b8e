import { REOPEN_WITHIN_MS } from "./parameters";
import type { Detection, DetectionWindow } from "./types";

/** What a caller has stored of a detection: enough to match it and to tell whether it changed. */
export type StoredDetection = {
  key: string;
  group: string;
  start: Date;
  end: Date | null;
  /** detectionFingerprint() of the stored version. */
  fingerprint: string;
};

export type ReconcileResult = {
  /** New detections: the ones to alert about. */
  create: Detection[];
  /** Stored detections whose content changed (extended, ended, reopened, new segment), under their stored key. */
  update: { key: string; detection: Detection }[];
  unchanged: string[];
  /** Stored detections now part of another one (two drops joined by a third), with the key that absorbed them. */
  superseded: { key: string; by: string }[];
  /** Stored detections within the window's reach that the new run no longer finds (e.g. backfilled data filled a gap). */
  vanished: string[];
};

/**
 * Matches a run's detections to the stored ones so that a rerun or a longer
 * window updates rather than duplicates: the same key first, else a stored
 * detection of the same group whose period overlaps (its start may have moved
 * when late data arrived); the earliest stored one keeps its key and the
 * others overlapping the same new detection are superseded.
 */
export function reconcileDetections(stored: readonly StoredDetection[], fresh: readonly Detection[], window: DetectionWindow): ReconcileResult {
  const result: ReconcileResult = { create: [], update: [], unchanged: [], superseded: [], vanished: [] };
  const taken = new Set<string>();
  const byStart = [...stored].sort((a, b) => a.start.getTime() - b.start.getTime() || (a.key < b.key ? -1 : 1));

  for (const detection of [...fresh].sort((a, b) => a.start.getTime() - b.start.getTime() || (a.key < b.key ? -1 : 1))) {
    const candidates = byStart.filter((row) => !taken.has(row.key) && row.group === detection.group && (row.key === detection.key || periodsOverlap(row, detection)));
    const match = candidates.find((row) => row.key === detection.key) ?? candidates[0];
    if (!match) {
      result.create.push(detection);
      continue;
    }
    for (const row of candidates) taken.add(row.key);
    for (const row of candidates) if (row !== match) result.superseded.push({ key: row.key, by: match.key });
    if (match.fingerprint === detectionFingerprint(detection)) result.unchanged.push(match.key);
    else result.update.push({ key: match.key, detection });
  }

  const reach = window.since.getTime() - REOPEN_WITHIN_MS;
  for (const row of byStart) {
    if (taken.has(row.key)) continue;
    const inReach = row.start.getTime() < window.until.getTime() && (row.end === null || row.end.getTime() > reach);
    if (inReach) result.vanished.push(row.key);
  }
  return result;
}

function periodsOverlap(a: { start: Date; end: Date | null }, b: { start: Date; end: Date | null }): boolean {
  return a.start.getTime() < (b.end?.getTime() ?? Infinity) && b.start.getTime() < (a.end?.getTime() ?? Infinity);
}

/** A stable text of everything a detection says (its key aside): equal fingerprints, nothing to update. */
export function detectionFingerprint(detection: Detection): string {
  return JSON.stringify({ ...detection, key: undefined });
}
