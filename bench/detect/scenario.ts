import { Random } from "./rng";
import { APPS, OPERATORS, REGIONS, type App, type OperatorModel, type Region } from "./world";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEP = 5 * MINUTE;

/**
 * What happens in the synthetic months, decided up front from the seed: the
 * disruptions the detector should find (events), the disturbances it must
 * not report (20-minute blips), and what it must live with (feed outages,
 * routing changes, holidays, which the signal model handles).
 */

/**
 * - blackout: the operator goes dark (one stretch, or cut, partial restoration, recut);
 * - partial: half to four fifths of the operator's network is lost everywhere (a core failure, mobile data cut for some);
 * - regional: the operator's networks in one to four regions are cut;
 * - throttling: traffic falls gradually while hosts still answer;
 * - app-blocking: OONI's test of one to three messaging apps fails.
 */
export type EventKind = "blackout" | "partial" | "regional" | "throttling" | "app-blocking";

/** One stretch of an event at one depth (a cut, a partial restoration, a recut). */
export type EventStretch = { start: number; end: number; depth: number };

export type InjectedEvent = {
  id: string;
  kind: EventKind;
  operator: string;
  start: number;
  end: number;
  /** The operator-wide drop at its deepest, 0–1 (0 for app blocking). */
  depth: number;
  /** Blackouts: the stretches (one, or cut–partial restoration–recut, or cuts with a full restoration between). */
  stretches: EventStretch[];
  /** Regional outages: the regions cut. */
  regions: Region[];
  /** Routes are withdrawn too (otherwise only the data plane is cut, as in January 2022). */
  withdrawsRoutes: boolean;
  /** Signals for which IODA gives no point at all for the dark buckets instead of a (near) zero. */
  missingWhenDark: ("ping" | "telescope")[];
  /** Throttling: how long the drop takes to reach its depth. */
  rampMs: number;
  apps: App[];
  national: boolean;
};

export type BlipKind = "bgp-flap" | "probe-glitch" | "telescope-dip" | "shallow-dip" | "series-gap";

/** A disturbance of at most 20 minutes that must not be reported. */
export type Blip = { id: string; kind: BlipKind; operator: string; asn: number; start: number; end: number; depth: number };

/** The feed stops: every IODA series (or only the telescope's) has no points; the data comes back later or never. */
export type FeedOutage = { id: string; signals: "all" | "merit-nt"; start: number; end: number; backfilled: boolean };

/**
 * A signal's level changes for good, below any warning level: routed address
 * space moved between networks (BGP, 1–3 %), a change of address pools or
 * CGNAT (probing, 3–10 %), a botnet cleaned up or grown (telescope, 5–15 %).
 */
export type LevelShift = { asn: number; signal: "bgp" | "ping" | "telescope"; at: number; factor: number };
const LEVEL_SHIFTS: readonly { signal: LevelShift["signal"]; count: number; size: [number, number] }[] = [
  { signal: "bgp", count: 2, size: [0.01, 0.03] },
  { signal: "ping", count: 2, size: [0.03, 0.1] },
  { signal: "telescope", count: 2, size: [0.05, 0.15] },
];

/** A Cloudflare Radar outage annotation for a blackout, published a while after it began. */
export type AnnotatedOutage = { key: string; operator: string; asns: number[]; start: number; end: number; publishedAt: number };

export type Scenario = {
  seed: number;
  /** Data begins here (four weeks before the evaluation, for the baselines). */
  dataStart: number;
  evalStart: number;
  evalEnd: number;
  events: InjectedEvent[];
  blips: Blip[];
  outages: FeedOutage[];
  levelShifts: LevelShift[];
  annotations: AnnotatedOutage[];
};

/** Per operator, besides the national blackout they all share. */
const EVENTS_PER_OPERATOR: Record<EventKind, number> = {
  blackout: 4,
  partial: 2,
  regional: 4,
  throttling: 3,
  "app-blocking": 3,
};
/** About one and a half 20-minute blips per operator and week. */
const BLIPS_PER_OPERATOR_WEEK = 1.5;
/** Events of one operator are at least this far apart, so that each can be judged on its own. */
const EVENT_SPACING = 2 * DAY;
const BLIP_SPACING_FROM_EVENTS = 12 * HOUR;

export function buildScenario(seed: number, evalStart: number, evalEnd: number): Scenario {
  const random = new Random(seed);
  const dataStart = evalStart - 31 * DAY;
  const busy = new Map<string, { start: number; end: number }[]>(OPERATORS.map((operator) => [operator.slug, []]));
  const events: InjectedEvent[] = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}-${++counter}`;

  const national = nationalBlackout(random, evalStart, evalEnd);
  for (const operator of OPERATORS) {
    events.push({ ...national, id: nextId("national"), operator: operator.slug });
    busy.get(operator.slug)!.push({ start: national.start, end: national.end });
  }

  for (const operator of OPERATORS) {
    for (const kind of ["blackout", "partial", "regional", "throttling", "app-blocking"] as const) {
      for (let index = 0; index < EVENTS_PER_OPERATOR[kind]; index += 1) {
        const event = placeEvent(random, () => makeEvent(random, kind, operator, evalStart, evalEnd), busy.get(operator.slug)!);
        if (event) events.push({ ...event, id: nextId(kind) });
      }
    }
  }

  const outages = placeOutages(random, evalStart, evalEnd, events);
  const blips: Blip[] = [];
  const weeks = (evalEnd - evalStart) / (7 * DAY);
  for (const operator of OPERATORS) {
    const count = Math.round(BLIPS_PER_OPERATOR_WEEK * weeks);
    for (let index = 0; index < count; index += 1) {
      const blip = placeBlip(random, operator, evalStart, evalEnd, events, outages);
      if (blip) blips.push({ ...blip, id: nextId("blip") });
    }
  }

  const networks = OPERATORS.flatMap((operator) => operator.networks);
  const levelShifts: LevelShift[] = LEVEL_SHIFTS.flatMap(({ signal, count, size }) =>
    Array.from({ length: count }, () => ({
      asn: random.pick(networks).asn,
      signal,
      at: alignStep(random.uniform(evalStart, evalEnd)),
      factor: 1 + (random.chance(0.5) ? 1 : -1) * random.uniform(size[0], size[1]),
    })),
  );

  const annotations: AnnotatedOutage[] = events
    .filter((event) => event.kind === "blackout" && (event.national || random.chance(0.5)))
    .map((event) => ({
      key: `bench-cloudflare-${event.id}`,
      operator: event.operator,
      asns: OPERATORS.find((operator) => operator.slug === event.operator)!.networks.map((network) => network.asn),
      start: event.start + alignStep(random.uniform(-15, 30) * MINUTE),
      end: event.end + alignStep(random.uniform(-30, 30) * MINUTE),
      publishedAt: event.start + 2 * HOUR,
    }));

  return {
    seed,
    dataStart,
    evalStart,
    evalEnd,
    events: events.sort((a, b) => a.start - b.start || (a.operator < b.operator ? -1 : 1)),
    blips: blips.sort((a, b) => a.start - b.start),
    outages,
    levelShifts,
    annotations,
  };
}

const alignStep = (at: number) => Math.round(at / STEP) * STEP;

function baseEvent(kind: EventKind, operator: string, start: number, end: number): Omit<InjectedEvent, "id"> {
  return { kind, operator, start, end, depth: 0, stretches: [], regions: [], withdrawsRoutes: false, missingWhenDark: [], rampMs: 0, apps: [], national: false };
}

/** All four operators cut together, with a partial restoration, a recut, a brief full restoration and a last cut (January 2022). */
function nationalBlackout(random: Random, evalStart: number, evalEnd: number): Omit<InjectedEvent, "id" | "operator"> {
  let at = alignStep(random.uniform(evalStart + 7 * DAY, evalEnd - 10 * DAY));
  const stretches: EventStretch[] = [];
  const add = (hours: [number, number], depth: [number, number]) => {
    const end = at + alignStep(random.uniform(hours[0], hours[1]) * HOUR);
    stretches.push({ start: at, end, depth: random.uniform(depth[0], depth[1]) });
    at = end;
  };
  add([4, 10], [0.93, 1]);
  add([2, 5], [0.4, 0.6]);
  add([4, 10], [0.93, 1]);
  at += alignStep(random.uniform(1.5, 3) * HOUR);
  add([3, 6], [0.93, 1]);
  return {
    ...baseEvent("blackout", "", stretches[0]!.start, at),
    depth: Math.max(...stretches.map((stretch) => stretch.depth)),
    stretches,
    withdrawsRoutes: false,
    missingWhenDark: missingWhenDark(random),
    national: true,
  };
}

function makeEvent(random: Random, kind: EventKind, operator: OperatorModel, evalStart: number, evalEnd: number): Omit<InjectedEvent, "id"> {
  const start = alignStep(random.uniform(evalStart + DAY, evalEnd - 4 * DAY));
  if (kind === "blackout") {
    const stretches: EventStretch[] = [];
    if (random.chance(0.3)) {
      let at = start;
      for (const [hours, depth] of [
        [[1, 4], [0.9, 1]],
        [[1, 3], [0.35, 0.6]],
        [[1, 4], [0.9, 1]],
      ] as const) {
        const end = at + alignStep(random.uniform(hours[0], hours[1]) * HOUR);
        stretches.push({ start: at, end, depth: random.uniform(depth[0], depth[1]) });
        at = end;
      }
    } else {
      const duration = alignStep(random.pick([0.5, 0.75, 1.5, 3, 8, 30]) * HOUR * random.uniform(0.9, 1.1));
      stretches.push({ start, end: start + duration, depth: random.uniform(0.85, 1) });
    }
    return {
      ...baseEvent(kind, operator.slug, start, stretches[stretches.length - 1]!.end),
      depth: Math.max(...stretches.map((stretch) => stretch.depth)),
      stretches,
      withdrawsRoutes: random.chance(0.3),
      missingWhenDark: missingWhenDark(random),
    };
  }
  if (kind === "partial") {
    const end = start + alignStep(random.logUniform(1, 12) * HOUR);
    const depth = random.uniform(0.5, 0.8);
    return { ...baseEvent(kind, operator.slug, start, end), depth, stretches: [{ start, end, depth }], withdrawsRoutes: random.chance(0.4) };
  }
  if (kind === "regional") {
    const count = random.pick([1, 2, 2, 3, 4]);
    const regions = random.shuffled(REGIONS).slice(0, count).sort() as Region[];
    const local = random.uniform(0.7, 1);
    const depth = regions.reduce((sum, region) => sum + operator.regionShares[region] * local, 0);
    const end = start + alignStep(random.logUniform(1, 12) * HOUR);
    return { ...baseEvent(kind, operator.slug, start, end), depth, stretches: [{ start, end, depth: local }], regions, withdrawsRoutes: random.chance(0.4) };
  }
  if (kind === "throttling") {
    const end = start + alignStep(random.uniform(3, 10) * HOUR);
    const depth = random.uniform(0.25, 0.5);
    return { ...baseEvent(kind, operator.slug, start, end), depth, stretches: [{ start, end, depth }], rampMs: alignStep(random.uniform(1, 2) * HOUR) };
  }
  const end = start + alignStep(random.logUniform(6, 72) * HOUR);
  const apps = random.shuffled(APPS).slice(0, random.integer(1, 3));
  return { ...baseEvent(kind, operator.slug, start, end), apps };
}

/** A dark network often has no telescope entry at all; sometimes its probing buckets are missing too. */
function missingWhenDark(random: Random): ("ping" | "telescope")[] {
  if (!random.chance(0.5)) return [];
  return random.chance(0.5) ? ["telescope", "ping"] : ["telescope"];
}

function placeEvent(random: Random, make: () => Omit<InjectedEvent, "id">, busy: { start: number; end: number }[]): Omit<InjectedEvent, "id"> | null {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const event = make();
    if (busy.some((taken) => event.start < taken.end + EVENT_SPACING && taken.start < event.end + EVENT_SPACING)) continue;
    busy.push({ start: event.start, end: event.end });
    return event;
  }
  return null;
}

/** Three outages of the whole IODA feed (one backfilled later) and one of the telescope alone, a day clear of any event. */
function placeOutages(random: Random, evalStart: number, evalEnd: number, events: readonly InjectedEvent[]): FeedOutage[] {
  const outages: FeedOutage[] = [];
  const specs: { signals: FeedOutage["signals"]; hours: [number, number]; backfilled: boolean }[] = [
    { signals: "all", hours: [2, 8], backfilled: false },
    { signals: "all", hours: [2, 8], backfilled: false },
    { signals: "all", hours: [2, 6], backfilled: true },
    { signals: "merit-nt", hours: [2, 4], backfilled: false },
  ];
  for (const spec of specs) {
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const start = alignStep(random.uniform(evalStart + DAY, evalEnd - DAY));
      const end = start + alignStep(random.uniform(spec.hours[0], spec.hours[1]) * HOUR);
      const clear = [...events, ...outages].every((other) => end + DAY <= other.start || other.end + DAY <= start);
      if (!clear) continue;
      outages.push({ id: `outage-${outages.length + 1}`, signals: spec.signals, start, end, backfilled: spec.backfilled });
      break;
    }
  }
  return outages.sort((a, b) => a.start - b.start);
}

function placeBlip(
  random: Random,
  operator: OperatorModel,
  evalStart: number,
  evalEnd: number,
  events: readonly InjectedEvent[],
  outages: readonly FeedOutage[],
): Omit<Blip, "id"> | null {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const kind = random.pick<BlipKind>(["bgp-flap", "probe-glitch", "telescope-dip", "shallow-dip", "series-gap"]);
    const start = alignStep(random.uniform(evalStart, evalEnd - HOUR));
    const steps = kind === "probe-glitch" ? random.integer(1, 3) : random.integer(1, 4);
    const end = start + steps * STEP;
    const tooClose =
      events.some((event) => event.operator === operator.slug && start < event.end + BLIP_SPACING_FROM_EVENTS && event.start < end + BLIP_SPACING_FROM_EVENTS) ||
      outages.some((outage) => start < outage.end + 2 * HOUR && outage.start < end + 2 * HOUR);
    if (tooClose) continue;
    const depth =
      kind === "bgp-flap" ? random.uniform(0.03, 0.3) : kind === "shallow-dip" ? random.uniform(0.05, 0.15) : kind === "series-gap" ? 1 : random.uniform(0.3, 0.7);
    return { kind, operator: operator.slug, asn: random.pick(operator.networks).asn, start, end: kind === "shallow-dip" ? start + 4 * STEP : end, depth };
  }
  return null;
}
