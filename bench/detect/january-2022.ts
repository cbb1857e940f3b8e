import { createReadStream } from "node:fs";
import path from "node:path";
import { signalParameters } from "@/lib/detection";
import type { Detection, DetectionOutageEvent, DetectionSeries, SeriesPoint } from "@/lib/detection/types";
import { FEEDS } from "@/lib/ingest/registry";
import type { IngestItem, OoniMeasurementItem } from "@/lib/ingest/types";
import { ZIncidentInput } from "@/lib/schemas/incident";
import { OONI_ANOMALY_RATE, storedSuffixOf } from "@/lib/signals/signal-registry";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";
import { SEED_OPERATORS, SEED_OTHER_NETWORKS } from "@/prisma/seed/operators";
import type { GeneratedWorld } from "./generate";
import { replay, type StoredRecord } from "./replay";

const HOUR = 3_600_000;
const FEEDS_DIR = path.resolve(import.meta.dirname, "../../e2e/fixtures/feeds");
const FILES = {
  ioda: "ioda-signals-2022-01.json",
  ooni: "ooni-web-connectivity-kcell-2022-01.jsonl",
  cloudflare: "cloudflare-annotations-2022-01.json",
} as const;
const INCIDENT = "2022-01-qantar-shutdowns";
const FROM = Date.UTC(2022, 0, 1);
const UNTIL = Date.UTC(2022, 1, 1);

/**
 * The January 2022 example feeds (e2e/fixtures/feeds), read with the real
 * parsers, run through the detector as they would have arrived (every hour,
 * each bucket when it closes), and set beside the curated phases of the
 * January 2022 incident in the seed: which phases the detections find.
 */
export async function runJanuary2022(): Promise<void> {
  const items = {
    ioda: await collect(FEEDS.ioda.parse(createReadStream(path.join(FEEDS_DIR, FILES.ioda)))),
    ooni: await collect(FEEDS.ooni.parse(createReadStream(path.join(FEEDS_DIR, FILES.ooni)))),
    cloudflare: await collect(FEEDS.cloudflare.parse(createReadStream(path.join(FEEDS_DIR, FILES.cloudflare)))),
  };
  const series = [...seriesFromPoints([...items.ioda, ...items.cloudflare]), ...hourlyAnomalyRates(items.ooni)];
  const events = [...items.ioda, ...items.cloudflare].flatMap((item): DetectionOutageEvent[] =>
    item.kind === "event" ? [{ source: item.source, key: item.key, kind: item.eventKind, asns: item.asns, locations: item.locations, startsAt: item.startsAt, endsAt: item.endsAt }] : [],
  );
  const world: GeneratedWorld = {
    series: series.map((one) => ({ series: one, arrivals: one.points.map((point) => point.at + (one.stepSeconds ?? 3600) * 1000) })),
    operatorOfAsn: new Map<number, string | null>([
      ...SEED_OPERATORS.flatMap((operator) => operator.networks.map((network) => [network.asn, operator.slug] as const)),
      ...SEED_OTHER_NETWORKS.map((network) => [network.asn, null] as const),
    ]),
    events: events.map((event) => ({ event, publishedAt: event.startsAt.getTime() })),
  };

  const firstSeen = new Map<string, number>();
  const { stored } = replay(
    world,
    FROM + HOUR,
    UNTIL,
    (clock, result) => {
      for (const detection of result.detections) if (!firstSeen.has(detection.group + detection.start.getTime())) firstSeen.set(detection.group + detection.start.getTime(), clock);
    },
    HOUR,
  );

  console.log("bench:detect — January 2022 example feeds (e2e/fixtures/feeds), read with lib/ingest's parsers");
  console.log(
    `  ${series.length} series (${series.map((one) => `${one.source.toLowerCase()}.${one.signal} AS${one.asn}`).join(", ")}), ${events.length} outage event(s); one run per hour as the buckets close`,
  );
  const records = [...stored.values()].filter((record) => !record.superseded && !record.vanished);
  console.log(`Detections (${records.length}):`);
  for (const record of records) printDetection(record, firstSeen);
  console.log(`Curated phases of ${INCIDENT} (prisma/seed/incidents.ts):`);
  printPhases(records.map((record) => record.detection), series);
}

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const all: IngestItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Series as the bulk writer would store them: one per (source, signal, entity), points ascending. */
function seriesFromPoints(items: readonly IngestItem[]): DetectionSeries[] {
  const bySeries = new Map<string, DetectionSeries & { points: SeriesPoint[] }>();
  for (const item of items) {
    if (item.kind !== "point") continue;
    const key = `${item.source}|${item.signal}|${item.entityType}|${item.entityCode}`;
    let one = bySeries.get(key);
    if (!one) {
      one = { id: key, source: item.source, signal: item.signal, entityType: item.entityType, entityCode: item.entityCode, asn: item.asn ?? null, region: null, stepSeconds: item.stepSeconds ?? null, points: [] };
      bySeries.set(key, one);
    }
    one.points.push({ at: item.at.getTime(), value: item.value });
  }
  for (const one of bySeries.values()) one.points.sort((a, b) => a.at - b.at);
  return [...bySeries.values()];
}

/** OONI measurements → the hourly "<test>.anomaly_rate" per network, as the bulk writer's roll-up computes it (anomalous / all). */
function hourlyAnomalyRates(items: readonly IngestItem[]): DetectionSeries[] {
  const hours = new Map<string, { test: string; asn: number; hour: number; anomalous: number; all: number }>();
  for (const item of items) {
    if (item.kind !== "ooni") continue;
    const measurement: OoniMeasurementItem = item;
    const hour = Math.floor(measurement.startedAt.getTime() / HOUR) * HOUR;
    const key = `${measurement.testName}|${measurement.probeAsn}|${hour}`;
    const cell = hours.get(key) ?? { test: measurement.testName, asn: measurement.probeAsn, hour, anomalous: 0, all: 0 };
    cell.all += 1;
    if (measurement.anomaly) cell.anomalous += 1;
    hours.set(key, cell);
  }
  const bySeries = new Map<string, DetectionSeries & { points: SeriesPoint[] }>();
  for (const cell of hours.values()) {
    const signal = `${cell.test}${storedSuffixOf(OONI_ANOMALY_RATE)}`;
    const key = `OONI|${signal}|ASN|${cell.asn}`;
    let one = bySeries.get(key);
    if (!one) {
      one = { id: key, source: "OONI", signal, entityType: "ASN", entityCode: String(cell.asn), asn: cell.asn, region: null, stepSeconds: 3600, points: [] };
      bySeries.set(key, one);
    }
    one.points.push({ at: cell.hour, value: cell.anomalous / cell.all });
  }
  for (const one of bySeries.values()) one.points.sort((a, b) => a.at - b.at);
  return [...bySeries.values()];
}

function printDetection(record: StoredRecord, firstSeen: ReadonlyMap<string, number>): void {
  const detection = record.detection;
  const seen = firstSeen.get(detection.group + detection.start.getTime()) ?? record.createdAt;
  const stepHours = 3;
  const events = detection.evidence.filter((evidence) => evidence.type === "event").map((evidence) => (evidence.type === "event" ? `${evidence.source} ${evidence.key}` : ""));
  console.log(
    `  ${(detection.operator ?? detection.group).padEnd(14)} ${detection.kind.padEnd(16)} ${utc(detection.start)} → ${detection.end ? utc(detection.end) : "ongoing"}, depth ${detection.depth}, score ${detection.score}`,
  );
  console.log(`    networks ${detection.asns.map((asn) => `AS${asn}`).join(", ")}; signals ${detection.signals.join(" + ")}; rule ${detection.rule}`);
  console.log(`    segments: ${detection.segments.map((segment) => `${segment.kind} ${utc(segment.start)} → ${segment.end ? utc(segment.end) : "…"} (depth ${segment.depth})`).join("; ")}`);
  console.log(`    evidence: ${detection.evidence.filter((evidence) => evidence.type === "series").length} series${events.length ? `, ${events.join(", ")}` : ""}`);
  console.log(
    `    first reported by the run at ${utc(new Date(seen))}: ${((seen - detection.start.getTime()) / (stepHours * HOUR)).toFixed(1)} steps of ${stepHours} h after its start, counting the arrival step`,
  );
}

function printPhases(detections: readonly Detection[], series: readonly DetectionSeries[]): void {
  const seeded = SEED_INCIDENTS.find((candidate) => candidate.slug === INCIDENT);
  if (!seeded) throw new Error(`The seed has no incident ${INCIDENT}.`);
  const incident = ZIncidentInput.parse(seeded);
  const incidentEnd = incident.endsAt?.getTime() ?? UNTIL;
  for (const phase of incident.phases) {
    const start = phase.startsAt.getTime();
    const end = phase.endsAt?.getTime() ?? incidentEnd;
    const operators = phase.operators.length > 0 ? phase.operators : incident.operators;
    const serviceBlocking = phase.type === "SERVICE_BLOCKING" || phase.type === "WEBSITE_BLOCKING";
    const overlapping = detections.filter(
      (detection) =>
        detection.operator !== null &&
        operators.includes(detection.operator) &&
        detection.segments.some(
          (segment) => (segment.kind === "service-blocking") === serviceBlocking && segment.start.getTime() < end && (segment.end?.getTime() ?? Infinity) > start,
        ),
    );
    // A regional phase is found only by a detection that names one of its regions.
    const found = phase.regions.length === 0 ? overlapping : overlapping.filter((detection) => detection.regions.some((region) => phase.regions.includes(region)));
    const period = `${utc(phase.startsAt)} → ${phase.endsAt ? utc(phase.endsAt) : "(open)"}`;
    console.log(`  ${found.length > 0 ? "found    " : "not found"}  ${phase.label} (${period}; ${phase.type}${phase.regions.length ? `, ${phase.regions.join(", ")}` : ""})`);
    for (const detection of found) console.log(`               ${detection.operator}: ${detection.kind} from ${utc(detection.start)}`);
    const missed = operators.filter((operator) => !found.some((detection) => detection.operator === operator));
    for (const operator of missed) {
      const near = overlapping.find((detection) => detection.operator === operator);
      const reason = near
        ? `its ${near.kind} overlaps, but the feeds hold no series of ${phase.regions.join(", ")} to place it there`
        : whyNotFound(operator, serviceBlocking, series, start, end);
      console.log(`               not ${operator}: ${reason}`);
    }
  }
}

/** Why an operator has no detection in a phase: whether it has measured data of the right kind then. */
function whyNotFound(operator: string, serviceBlocking: boolean, series: readonly DetectionSeries[], start: number, end: number): string {
  const operatorOf = new Map(SEED_OPERATORS.flatMap((candidate) => candidate.networks.map((network) => [network.asn, candidate.slug] as const)));
  const relevant = series.filter(
    (one) =>
      one.asn !== null &&
      operatorOf.get(one.asn) === operator &&
      (serviceBlocking ? one.source === "OONI" && !one.signal.startsWith("web_connectivity") : one.source === "IODA") &&
      one.points.some((point) => point.at >= start && point.at < end),
  );
  if (relevant.length === 0) return serviceBlocking ? "no OONI test of an app in the feeds (only web_connectivity)" : "no IODA signal in the feeds";
  // The detector judges an operator's networks together (their counts add up): so does this explanation.
  const bySignal = new Map<string, DetectionSeries[]>();
  for (const one of relevant) bySignal.set(one.signal, [...(bySignal.get(one.signal) ?? []), one]);
  return [...bySignal.entries()]
    .map(([signal, members]) => {
      const params = signalParameters(members[0]!.source, signal);
      const largest = largestDrop(summed(members), start, end);
      const networks = members.map((one) => `AS${one.asn}`).join(" + ");
      const level = params?.kind === "connectivity" ? `, warning at ${Math.round(params.warningDepth * 100)} %` : "";
      return largest === null ? `${signal} (${networks}) has no history before the phase` : `${signal} (${networks}) fell by ${Math.round(largest * 100)} % at most${level}`;
    })
    .join("; ");
}

/** The networks' points added up, bucket by bucket (buckets where one of them has no point are left out). */
function summed(members: readonly DetectionSeries[]): SeriesPoint[] {
  const sums = new Map<number, { value: number; count: number }>();
  for (const one of members) {
    for (const point of one.points) {
      const cell = sums.get(point.at) ?? { value: 0, count: 0 };
      cell.value += point.value;
      cell.count += 1;
      sums.set(point.at, cell);
    }
  }
  return [...sums.entries()].filter(([, cell]) => cell.count === members.length).map(([at, cell]) => ({ at, value: cell.value })).sort((a, b) => a.at - b.at);
}

/** The largest drop in [start, end) below the median of the three days before (a plain reference, for the printout). */
function largestDrop(points: readonly SeriesPoint[], start: number, end: number): number | null {
  const before = points.filter((point) => point.at >= start - 3 * 24 * HOUR && point.at < start).map((point) => point.value).sort((a, b) => a - b);
  if (before.length === 0) return null;
  const reference = before[before.length >> 1]!;
  const during = points.filter((point) => point.at >= start && point.at < end);
  return Math.max(0, ...during.map((point) => 1 - point.value / reference));
}

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
