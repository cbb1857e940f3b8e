import { describe, expect, it } from "vitest";
import { detectionFingerprint, reconcileDetections, type StoredDetection } from "./reconcile-detections";
import type { Detection } from "./types";

const at = (hour: number) => new Date(Date.UTC(2026, 1, 10, hour));
const window = { since: at(12), until: at(13) };

function detection(group: string, start: number, end: number | null, extra: Partial<Detection> = {}): Detection {
  return {
    key: `${group}@${at(start).toISOString()}`,
    group,
    operator: group.replace("operator:", ""),
    asns: [],
    regions: [],
    services: [],
    start: at(start),
    end: end === null ? null : at(end),
    status: end === null ? "ongoing" : "restored",
    kind: "blackout",
    depth: 0.9,
    score: 1,
    signals: [],
    segments: [],
    evidence: [],
    rule: "corroborated",
    detectedAt: at(start),
    ...extra,
  };
}

const stored = (value: Detection): StoredDetection => ({ key: value.key, group: value.group, start: value.start, end: value.end, fingerprint: detectionFingerprint(value) });

describe("reconcileDetections", () => {
  it("creates what is new, leaves what did not change, and updates what did, under the stored key", () => {
    const kcell = detection("operator:kcell", 10, null);
    const beeline = detection("operator:beeline", 11, null);
    const result = reconcileDetections(
      [stored(kcell), stored(beeline)],
      [kcell, { ...beeline, end: at(12), status: "restored" }, detection("operator:tele2-altel", 12, null)],
      window,
    );
    expect(result.create.map((value) => value.key)).toEqual([`operator:tele2-altel@${at(12).toISOString()}`]);
    expect(result.unchanged).toEqual([kcell.key]);
    expect(result.update.map((change) => [change.key, change.detection.status])).toEqual([[beeline.key, "restored"]]);
  });

  it("keeps the stored key when late data moved the start, and supersedes a detection joined into another", () => {
    const first = detection("operator:kcell", 8, 9);
    const second = detection("operator:kcell", 10, null);
    const joined = detection("operator:kcell", 7, null);
    const result = reconcileDetections([stored(first), stored(second)], [joined], window);
    expect(result.create).toEqual([]);
    expect(result.update.map((change) => change.key)).toEqual([first.key]);
    expect(result.superseded).toEqual([{ key: second.key, by: first.key }]);
  });

  it("reports a stored detection within the window's reach that the run no longer finds", () => {
    const gone = detection("operator:kcell", 10, null);
    const old = detection("operator:beeline", -5, -1);
    expect(reconcileDetections([stored(gone), stored(old)], [], window).vanished).toEqual([gone.key]);
  });
});
