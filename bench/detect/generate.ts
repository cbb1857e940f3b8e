import { dayTypeOf, kazakhstanDayNumber, kazakhstanOffsetMs } from "@/lib/detection/kazakhstan-calendar";
import type { DetectionOutageEvent, DetectionSeries, SeriesPoint } from "@/lib/detection/types";
import { OONI_ANOMALY_RATE, storedSuffixOf } from "@/lib/signals/signal-registry";
import { Random } from "./rng";
import type { Blip, InjectedEvent, Scenario } from "./scenario";
import {
  APPS,
  BLOCKED_ANOMALY_RATE,
  IODA_SIGNALS,
  OONI_DAYTIME_SWING,
  OPERATORS,
  PROFILE,
  REGION_CODES,
  REGIONS,
  type NetworkModel,
  type OperatorModel,
  type Region,
  type SignalName,
} from "./world";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEP = 5 * MINUTE;
const SIGNALS: readonly SignalName[] = ["bgp", "ping", "telescope"];
/** Throttling is released over half an hour. */
const THROTTLING_RELEASE = 30 * MINUTE;

/** A generated series with, for each point, when it reaches the tracker (the bucket's end, or later after a feed outage). */
export type GeneratedSeries = { series: DetectionSeries; arrivals: number[] };

export type GeneratedWorld = {
  series: GeneratedSeries[];
  operatorOfAsn: Map<number, string | null>;
  /** Cloudflare annotations, with when each is published. */
  events: { event: DetectionOutageEvent; publishedAt: number }[];
};

/** The part of a network in a region, or elsewhere. */
type Component = Region | "elsewhere";

/** Which events and blips of each operator are active at each bucket (most buckets: none). */
type Activity = { start: number; events: Map<string, InjectedEvent[][]>; blips: Map<string, Blip[][]> };

const NONE: never[] = [];

function activityIndex(scenario: Scenario, buckets: number): Activity {
  const activity: Activity = { start: scenario.dataStart, events: new Map(), blips: new Map() };
  const mark = <T extends { operator: string; start: number; end: number }>(map: Map<string, T[][]>, item: T) => {
    let perBucket = map.get(item.operator);
    if (!perBucket) map.set(item.operator, (perBucket = Array.from({ length: buckets }, () => NONE as T[])));
    const first = Math.max(0, Math.floor((item.start - scenario.dataStart) / STEP));
    const last = Math.min(buckets, Math.ceil((item.end - scenario.dataStart) / STEP));
    for (let index = first; index < last; index += 1) perBucket[index] = perBucket[index] === NONE ? [item] : [...perBucket[index]!, item];
  };
  for (const event of scenario.events) mark(activity.events, event);
  for (const blip of scenario.blips) mark(activity.blips, blip);
  return activity;
}

/**
 * Every series of the scenario: IODA's three datasources per network and per
 * region at 5-minute steps, and OONI's hourly anomaly rate per network for
 * each messaging app.
 */
export function generateWorld(scenario: Scenario): GeneratedWorld {
  const random = new Random(scenario.seed ^ 0x5eed);
  const buckets = Math.ceil((scenario.evalEnd - scenario.dataStart) / STEP);
  const calendar = calendarFactors(scenario.dataStart, buckets);
  const activity = activityIndex(scenario, buckets);
  const series: GeneratedSeries[] = [];
  const regionSums = new Map<string, Float64Array>();
  const missing = new Map<string, Uint8Array>();

  for (const operator of OPERATORS) {
    for (const network of operator.networks) {
      for (const signal of SIGNALS) {
        const total = new Float64Array(buckets);
        const dark = new Uint8Array(buckets);
        for (let index = 0; index < buckets; index += 1) {
          const at = scenario.dataStart + index * STEP;
          const usual = usualLevel(operator, network, signal, at, index, calendar, scenario);
          let sum = 0;
          for (const component of [...REGIONS, "elsewhere"] as Component[]) {
            const share = component === "elsewhere" ? 1 - REGIONS.reduce((rest, region) => rest + operator.regionShares[region], 0) : operator.regionShares[component];
            const value = share * usual * effectFactor(activity, operator, network, component, signal, at);
            sum += value;
            if (component !== "elsewhere") addTo(regionSums, `${component}|${signal}`, buckets, index, value);
          }
          total[index] = sum;
          if (isDarkAsMissing(activity, operator, network, signal, at)) dark[index] = 1;
        }
        const key = `${network.asn}|${signal}`;
        missing.set(key, dark);
        series.push(
          ioda(scenario, random, calendar, {
            id: `ioda-${network.asn}-${signal}`,
            signal,
            entityType: "ASN",
            entityCode: String(network.asn),
            asn: network.asn,
            region: null,
            values: total,
            size: network[signal],
            dark,
          }),
        );
      }
    }
  }
  for (const region of REGIONS) {
    for (const signal of SIGNALS) {
      const values = regionSums.get(`${region}|${signal}`)!;
      const size = OPERATORS.reduce((sum, operator) => sum + operator.networks.reduce((inner, network) => inner + network[signal] * operator.regionShares[region], 0), 0);
      series.push(
        ioda(scenario, random, calendar, {
          id: `ioda-region-${region}-${signal}`,
          signal,
          entityType: "REGION",
          entityCode: REGION_CODES[region],
          asn: null,
          region,
          values,
          size,
          dark: new Uint8Array(buckets),
        }),
      );
    }
  }
  series.push(...ooniSeries(scenario, activity, random));

  const operatorOfAsn = new Map<number, string | null>(OPERATORS.flatMap((operator) => operator.networks.map((network) => [network.asn, operator.slug] as const)));
  const events = scenario.annotations.map((annotation) => ({
    publishedAt: annotation.publishedAt,
    event: {
      source: "CLOUDFLARE" as const,
      key: annotation.key,
      kind: "CLOUDFLARE_OUTAGE" as const,
      asns: annotation.asns,
      locations: ["KZ"],
      startsAt: new Date(annotation.start),
      endsAt: new Date(annotation.end),
    },
  }));
  return { series, operatorOfAsn, events };
}

function addTo(sums: Map<string, Float64Array>, key: string, length: number, index: number, value: number): void {
  let values = sums.get(key);
  if (!values) {
    values = new Float64Array(length);
    sums.set(key, values);
  }
  values[index]! += value;
}

type Calendar = {
  /** 1 on rest days (weekends, holidays), PROFILE.bridgeDayShare on bridge days, 0 on workdays; per bucket. */
  rest: Float64Array;
  /** cos(2π(h − 21)/24) of the local hour: 1 at 21:00, −1 at 09:00; per bucket. */
  evening: Float64Array;
  /** cos(2π(h − 14)/24): OONI's daytime swing; per bucket. */
  daytime: Float64Array;
  /** Local day number per bucket. */
  day: Int32Array;
};

/** The calendar as the population lives it: rest days and the half-rest days next to holidays, which the detector does not know. */
function calendarFactors(start: number, buckets: number): Calendar {
  const calendar: Calendar = { rest: new Float64Array(buckets), evening: new Float64Array(buckets), daytime: new Float64Array(buckets), day: new Int32Array(buckets) };
  for (let index = 0; index < buckets; index += 1) {
    const at = start + index * STEP;
    const day = kazakhstanDayNumber(at);
    const hour = (((at + kazakhstanOffsetMs(at)) % DAY) + DAY) % DAY / HOUR;
    const isRest = dayTypeOf(day) === "rest";
    const isBridge = !isRest && (isHoliday(day - 1) || isHoliday(day + 1));
    calendar.rest[index] = isRest ? 1 : isBridge ? PROFILE.bridgeDayShare : 0;
    calendar.evening[index] = Math.cos(((hour - 21) / 24) * 2 * Math.PI);
    calendar.daytime[index] = Math.cos(((hour - 14) / 24) * 2 * Math.PI);
    calendar.day[index] = day;
  }
  return calendar;
}

/** A rest day that is not a weekend: a holiday. */
function isHoliday(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && dayTypeOf(day) === "rest";
}

/** A network's usual value of a signal at a bucket, before disruptions and noise. */
function usualLevel(operator: OperatorModel, network: NetworkModel, signal: SignalName, at: number, index: number, calendar: Calendar, scenario: Scenario): number {
  const growth = 1 + PROFILE.growthPerMonth * ((at - scenario.dataStart) / (30 * DAY));
  const rest = calendar.rest[index]!;
  const shift = scenario.levelShifts
    .filter((change) => change.asn === network.asn && change.signal === signal && change.at <= at)
    .reduce((factor, change) => factor * change.factor, 1);
  if (signal === "bgp") return network.bgp * shift;
  if (signal === "ping") {
    const restFactor = 1 - rest * (1 - PROFILE.pingRestDay[operator.kind]);
    return network.ping * shift * growth * (1 + PROFILE.pingDayNight[operator.kind] * calendar.evening[index]!) * restFactor;
  }
  const restFactor = 1 - rest * (1 - PROFILE.telescopeRestDay[operator.kind]);
  return network.telescope * shift * growth * (1 + PROFILE.telescopeDayNight * calendar.evening[index]!) * restFactor;
}

/** What the scenario's events and blips do to one part of a network's signal at an instant (a factor; 1 = nothing). */
function effectFactor(activity: Activity, operator: OperatorModel, network: NetworkModel, component: Component, signal: SignalName, at: number): number {
  let factor = 1;
  for (const event of activeEvents(activity, operator.slug, at)) factor *= eventFactor(event, component, signal, at);
  for (const blip of activeBlips(activity, operator.slug, at)) factor *= blipFactor(blip, network, signal);
  return factor;
}

function eventFactor(event: InjectedEvent, component: Component, signal: SignalName, at: number): number {
  if (event.kind === "blackout") {
    const stretch = event.stretches.find((candidate) => at >= candidate.start && at < candidate.end);
    if (!stretch) return 1;
    if (signal === "bgp" && !event.withdrawsRoutes) return 1;
    return 1 - stretch.depth;
  }
  if (event.kind === "partial") {
    if (signal === "bgp" && !event.withdrawsRoutes) return 1;
    return 1 - event.depth;
  }
  if (event.kind === "regional") {
    if (component === "elsewhere" || !event.regions.includes(component)) return 1;
    if (signal === "bgp" && !event.withdrawsRoutes) return 1;
    return 1 - event.stretches[0]!.depth;
  }
  if (event.kind === "throttling") {
    const rise = Math.min(1, (at - event.start + STEP) / event.rampMs);
    const fall = Math.min(1, (event.end - at) / THROTTLING_RELEASE);
    const share = Math.max(0, Math.min(rise, fall));
    // Throttled hosts still answer probes (a little packet loss); their traffic falls.
    if (signal === "telescope") return 1 - event.depth * share;
    if (signal === "ping") return 1 - 0.15 * event.depth * share;
    return 1;
  }
  return 1;
}

function blipFactor(blip: Blip, network: NetworkModel, signal: SignalName): number {
  if (blip.kind === "shallow-dip") return signal === "bgp" ? 1 : 1 - blip.depth;
  if (blip.asn !== network.asn) return 1;
  if (blip.kind === "bgp-flap") return signal === "bgp" ? 1 - blip.depth : 1;
  if (blip.kind === "probe-glitch") return signal === "ping" ? 1 - blip.depth : 1;
  if (blip.kind === "telescope-dip") return signal === "telescope" ? 1 - blip.depth : 1;
  return 1;
}

/** The signal a series-gap blip removes: one of the three, by its start. */
export function gapSignal(blip: Blip): SignalName {
  return SIGNALS[Math.floor(blip.start / STEP) % SIGNALS.length]!;
}

function isDarkAsMissing(activity: Activity, operator: OperatorModel, network: NetworkModel, signal: SignalName, at: number): boolean {
  for (const blip of activeBlips(activity, operator.slug, at)) {
    if (blip.kind === "series-gap" && blip.asn === network.asn && gapSignal(blip) === signal) return true;
  }
  if (signal === "bgp") return false;
  return activeEvents(activity, operator.slug, at).some(
    (event) =>
      event.kind === "blackout" && event.missingWhenDark.includes(signal) && event.stretches.some((stretch) => at >= stretch.start && at < stretch.end && stretch.depth >= 0.9),
  );
}

function activeEvents(activity: Activity, operator: string, at: number): InjectedEvent[] {
  return activity.events.get(operator)?.[Math.floor((at - activity.start) / STEP)] ?? NONE;
}

function activeBlips(activity: Activity, operator: string, at: number): Blip[] {
  return activity.blips.get(operator)?.[Math.floor((at - activity.start) / STEP)] ?? NONE;
}

/** An IODA series from its noiseless values: measurement noise, feed outages, and when each point arrives. */
function ioda(
  scenario: Scenario,
  random: Random,
  calendar: Calendar,
  spec: {
    id: string;
    signal: SignalName;
    entityType: "ASN" | "REGION";
    entityCode: string;
    asn: number | null;
    region: Region | null;
    values: Float64Array;
    size: number;
    dark: Uint8Array;
  },
): GeneratedSeries {
  const points: SeriesPoint[] = [];
  const arrivals: number[] = [];
  const pingNoise = Math.sqrt(PROFILE.pingNoiseCount / spec.size) + PROFILE.pingNoiseFloor;
  const dayLevels = new Map<number, number>();
  for (let index = 0; index < spec.values.length; index += 1) {
    const at = scenario.dataStart + index * STEP;
    let value = spec.values[index]!;
    if (spec.signal === "ping") value = Math.max(0, Math.round(value * (1 + pingNoise * random.normal())));
    else if (spec.signal === "telescope") {
      const day = calendar.day[index]!;
      let level = dayLevels.get(day);
      if (level === undefined) dayLevels.set(day, (level = Math.exp(PROFILE.telescopeDayNoise * random.normal())));
      value = random.poisson(value * level * Math.max(0, 1 + PROFILE.telescopeBucketNoise * random.normal()));
    } else value = Math.round(value);
    if (spec.dark[index]) continue;
    const outage = scenario.outages.find((candidate) => at >= candidate.start && at < candidate.end && (candidate.signals === "all" || IODA_SIGNALS[spec.signal] === candidate.signals));
    if (outage && !outage.backfilled) continue;
    points.push({ at, value });
    arrivals.push(outage ? outage.end + STEP : at + STEP);
  }
  return {
    series: { id: spec.id, source: "IODA", signal: IODA_SIGNALS[spec.signal], entityType: spec.entityType, entityCode: spec.entityCode, asn: spec.asn, region: spec.region, stepSeconds: STEP / 1000, points },
    arrivals,
  };
}

/** OONI's hourly anomaly rate per network and app: a few measurements an hour, fewer at night and none in a blackout. */
function ooniSeries(scenario: Scenario, activity: Activity, random: Random): GeneratedSeries[] {
  const series: GeneratedSeries[] = [];
  for (const operator of OPERATORS) {
    for (const network of operator.networks) {
      for (const app of APPS) {
        const points: SeriesPoint[] = [];
        const arrivals: number[] = [];
        for (let at = scenario.dataStart; at < scenario.evalEnd; at += HOUR) {
          const hour = (((at + kazakhstanOffsetMs(at)) % DAY) + DAY) % DAY / HOUR;
          // OONI probes need a connection: measurements thin out as much as the network's reachable blocks.
          const reachable = effectFactor(activity, operator, network, "elsewhere", "ping", at);
          const measurements = random.poisson(network.ooniPerHour * (1 + OONI_DAYTIME_SWING * Math.cos(((hour - 14) / 24) * 2 * Math.PI)) * reachable);
          if (measurements === 0) continue;
          const blocked = activeEvents(activity, operator.slug, at).some((event) => event.kind === "app-blocking" && event.apps.includes(app));
          const anomalies = random.binomial(measurements, blocked ? BLOCKED_ANOMALY_RATE : app.usualRate);
          points.push({ at, value: anomalies / measurements });
          arrivals.push(at + HOUR);
        }
        series.push({
          series: { id: `ooni-${network.asn}-${app.test}`, source: "OONI", signal: `${app.test}${storedSuffixOf(OONI_ANOMALY_RATE)}`, entityType: "ASN", entityCode: String(network.asn), asn: network.asn, region: null, stepSeconds: 3600, points },
          arrivals,
        });
      }
    }
  }
  return series;
}
