import { describe, expect, it } from "vitest";
import { detectDisruptions } from "./detect-disruptions";
import { DAY_MS, HOUR_MS, SERVICE_CUSUM_THRESHOLD } from "./parameters";
import { seededRandom } from "./testing/synthetic";
import type { DetectionSeries, SeriesPoint } from "./types";

const START = Date.UTC(2026, 0, 1);
const BLOCKED_FROM = Date.UTC(2026, 1, 2, 6);
const UNTIL = Date.UTC(2026, 1, 4);

/** OONI's hourly Telegram anomaly rate for a network: one or two measurements in most hours, a few anomalous by chance. */
function telegram(asn: number, seed: number, blocked: (at: number) => boolean, weights = false): DetectionSeries {
  const random = seededRandom(seed);
  const points: SeriesPoint[] = [];
  for (let at = START; at < UNTIL; at += HOUR_MS) {
    const measurements = random() < 0.3 ? 0 : random() < 0.7 ? 1 : 2;
    if (measurements === 0) continue;
    let anomalies = 0;
    for (let index = 0; index < measurements; index += 1) if (random() < (blocked(at) ? 0.9 : 0.05)) anomalies += 1;
    points.push({ at, value: anomalies / measurements, ...(weights ? { weight: measurements } : {}) });
  }
  return { id: `ooni-${asn}`, source: "OONI", signal: "telegram.anomaly_rate", entityType: "ASN", entityCode: String(asn), asn, region: null, stepSeconds: 3600, points };
}

const run = (series: DetectionSeries[]) =>
  detectDisruptions({
    series,
    operatorOfAsn: new Map([
      [9198, "kazakhtelecom"],
      [50482, "kazakhtelecom"],
    ]),
    window: { since: new Date(UNTIL - 3 * DAY_MS), until: new Date(UNTIL) },
  }).detections;

describe("service blocking from OONI's hourly anomaly rates", () => {
  it("sets its threshold from the false-alarm rate it allows", () => {
    expect(SERVICE_CUSUM_THRESHOLD).toBeCloseTo(Math.log(4 * 7 * 24 * 4 * 10), 10);
  });

  it("reports nothing while the rate stays at its usual level", () => {
    expect(run([telegram(9198, 1, () => false), telegram(50482, 2, () => false)])).toEqual([]);
  });

  it("reports a jump as suspected blocking of the app, from about when it began, with both networks", () => {
    const blocked = (at: number) => at >= BLOCKED_FROM;
    const [detection, ...others] = run([telegram(9198, 1, blocked), telegram(50482, 2, blocked)]);
    expect(others).toEqual([]);
    expect(detection).toMatchObject({ operator: "kazakhtelecom", kind: "service-blocking", services: ["TELEGRAM"], rule: "service-cusum", status: "ongoing", asns: [9198, 50482] });
    expect(Math.abs(detection!.start.getTime() - BLOCKED_FROM)).toBeLessThanOrEqual(2 * HOUR_MS);
    expect(detection!.detectedAt.getTime() - BLOCKED_FROM).toBeLessThanOrEqual(8 * HOUR_MS);
    expect(detection!.segments[0]!.depth).toBeGreaterThan(0.6);
  });

  it("ends the blocking when the rate is back, and opens sooner when the points say how many measurements they stand for", () => {
    const blocked = (at: number) => at >= BLOCKED_FROM && at < BLOCKED_FROM + 12 * HOUR_MS;
    const [plain] = run([telegram(9198, 1, blocked), telegram(50482, 2, blocked)]);
    expect(plain!.status).toBe("restored");
    expect(Math.abs(plain!.end!.getTime() - (BLOCKED_FROM + 12 * HOUR_MS))).toBeLessThanOrEqual(3 * HOUR_MS);
    const [weighted] = run([telegram(9198, 1, blocked, true), telegram(50482, 2, blocked, true)]);
    expect(weighted!.detectedAt.getTime()).toBeLessThanOrEqual(plain!.detectedAt.getTime());
  });
});
