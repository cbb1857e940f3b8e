import { describe, expect, it } from "vitest";
import type { Detection } from "@/lib/detection/types";
import { covers, depthBucket, durationBucket, evaluate, EventWatcher } from "./evaluate";
import type { StoredRecord } from "./replay";
import { checkTargets } from "./report";
import type { InjectedEvent, Scenario } from "./scenario";
import { APPS } from "./world";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1);
const at = (hours: number) => START + hours * HOUR;

function event(kind: InjectedEvent["kind"], start: number, end: number, depth: number, extra: Partial<InjectedEvent> = {}): InjectedEvent {
  return {
    id: `${kind}-${start}`,
    kind,
    operator: "kcell",
    start,
    end,
    depth,
    stretches: [{ start, end, depth }],
    regions: [],
    withdrawsRoutes: false,
    missingWhenDark: [],
    rampMs: 0,
    apps: [],
    national: false,
    ...extra,
  };
}

function detection(start: number, end: number | null, kind: Detection["kind"], extra: Partial<Detection> = {}): Detection {
  return {
    key: `operator:kcell@${new Date(start).toISOString()}`,
    group: "operator:kcell",
    operator: "kcell",
    asns: [29355],
    regions: [],
    services: [],
    start: new Date(start),
    end: end === null ? null : new Date(end),
    status: end === null ? "ongoing" : "restored",
    kind,
    depth: 0.9,
    score: 1,
    signals: [],
    segments: [{ kind, start: new Date(start), end: end === null ? null : new Date(end), depth: 0.9, signals: [], services: kind === "service-blocking" ? ["TELEGRAM"] : [] }],
    evidence: [],
    rule: "corroborated",
    detectedAt: new Date(start),
    ...extra,
  };
}

const record = (value: Detection, createdAt: number): StoredRecord => ({ key: value.key, createdAt, detection: value, fingerprint: "", superseded: false, vanished: false });

function scenario(events: InjectedEvent[]): Scenario {
  return { seed: 1, dataStart: START - 31 * 24 * HOUR, evalStart: START, evalEnd: START + 28 * 24 * HOUR, events, blips: [], outages: [], levelShifts: [], annotations: [] };
}

describe("the bench's scoring", () => {
  it("buckets depths and durations as the targets name them", () => {
    expect([0.9, 0.8, 0.6, 0.5, 0.3, 0.25, 0.1].map(depthBucket)).toEqual(["≥80%", "≥80%", "50–80%", "50–80%", "25–50%", "25–50%", "<25%"]);
    expect([0.5, 1, 2.9, 3, 12].map((hours) => durationBucket(hours * HOUR))).toEqual(["<1 h", "1–3 h", "1–3 h", "3–12 h", "≥12 h"]);
  });

  it("matches app blocking only with a service segment of that app, and a cut only with a connectivity segment", () => {
    const blocking = event("app-blocking", at(10), at(20), 0, { apps: [APPS[0]] });
    const cut = event("blackout", at(10), at(12), 0.95);
    expect(covers(detection(at(10), at(20), "service-blocking"), blocking)).toBe(true);
    expect(covers(detection(at(10), at(20), "blackout"), blocking)).toBe(false);
    expect(covers(detection(at(10), at(20), "service-blocking"), cut)).toBe(false);
    expect(covers(detection(at(13), null, "blackout"), cut)).toBe(false);
  });

  it("measures latency from the event's start to the first run that reports it, in the signal's steps", () => {
    const cut = event("blackout", at(10), at(12), 0.95);
    const watcher = new EventWatcher([cut]);
    watcher.observe(at(10) + 5 * 60_000, { window: { since: new Date(0), until: new Date(0) }, detections: [], feeds: [], groups: [] });
    watcher.observe(at(10) + 10 * 60_000, { window: { since: new Date(0), until: new Date(0) }, detections: [detection(at(10), null, "blackout")], feeds: [], groups: [] });
    expect(watcher.outcomes[0]).toMatchObject({ firstSeenAt: at(10) + 10 * 60_000, latencySteps: 2 });
  });

  it("misses the targets when events go unfound, alarms are false and detections are late", () => {
    const found = event("blackout", at(10), at(14), 0.95);
    const missed = event("blackout", at(100), at(104), 0.95);
    const watcher = new EventWatcher([found, missed]);
    watcher.observe(at(11), { window: { since: new Date(0), until: new Date(0) }, detections: [detection(at(10), at(14), "blackout")], feeds: [], groups: [] });
    const stored = new Map([
      ["a", record(detection(at(10), at(14), "blackout"), at(11))],
      ["b", record(detection(at(300), at(301), "partial", { key: "operator:kcell@false-1" }), at(300))],
      ["c", record(detection(at(400), at(401), "partial", { key: "operator:kcell@false-2" }), at(400))],
    ]);
    const targets = checkTargets(evaluate(scenario([found, missed]), stored, watcher.outcomes, new Set()));
    expect(targets.map((target) => [target.name.slice(0, 20), target.met])).toEqual([
      ["recall, drops ≥ 50 %", false],
      ["recall, drops 25–50 ", false],
      ["false alarms per gro", false],
      ["median detection lat", false],
      ["20-minute blips that", true],
    ]);
  });
});
