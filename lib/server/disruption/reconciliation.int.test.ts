import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDisruption } from "@/app/api/v1/disruption/route";
import { GET as getIncidentApi } from "@/app/api/v1/incidents/[slug]/route";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { buildMapModel } from "@/lib/geo/build-map-model";
import { MEASURES, type Measure, type MeasureFigures } from "@/lib/incidents/disruption-hours";
import { incidentFigures } from "@/lib/incidents/incident-figures";
import { MESSAGES } from "@/lib/i18n/messages";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { summarizeRegionDisruption } from "@/lib/server/regions/summarize-region-disruption";
import { getSocialCard } from "@/lib/server/share/get-social-card";
import { mapDownloadTable } from "@/components/map/map-download-table";
import { seedDatabase } from "@/prisma/seed";

/**
 * Reconciliation (issue 13): every operator's and region's figures for the
 * seeded incidents, worked out by hand from the phases in
 * prisma/seed/incidents.ts, and checked in every place that shows them: the
 * operator page's summary, the map (and its download), GET /api/v1/disruption,
 * the social cards, the incident page's figures and GET /api/v1/incidents/{slug}.
 * e2e/reconciliation.spec.ts checks what only the rendered pages show.
 *
 * January 2022 (Kazakhstan month: 31 Dec 18:00 UTC to 31 Jan 18:00 UTC), from
 * the "Qantar" phases, all times UTC:
 *
 * Nationwide full cuts, marked as affecting all four operators (IODA's brief
 * restorations are the gaps):
 *   5 Jan 10:45–17:30   6.75 h        7 Jan 06:00–8 Jan 02:30  20.5 h
 *   5 Jan 22:00–6 Jan 10:30  12.5 h   8 Jan 10:00–9 Jan 02:30  16.5 h
 *   6 Jan 14:00–7 Jan 02:30  12.5 h   9 Jan 06:00–10 Jan 01:45 19.75 h
 *   full blackout, every operator and every region: 88.5 h
 * Almaty offline 5 Jan 10:45 – 10 Jan 01:45 (111 h, all operators, Almaty only):
 *   for the operators a regional cut, so partial: 111 − 88.5 = 22.5 h;
 *   for Almaty a full blackout: 111 h in all.
 * On and off nationwide, 10 Jan 07:00 – 11 Jan 02:15, all operators: 19.25 h partial.
 * Kcell and Tele2 throttled 4 Jan 16:00 – 5 Jan 10:30 (named): 18.5 h partial,
 *   and 18.5 h partial in every region (it names no region).
 *   Partial: Kcell, Tele2 22.5 + 19.25 + 18.5 = 60.25 → 60.3 h; Kazakhtelecom,
 *   Beeline 22.5 + 19.25 = 41.75 → 41.8 h; on and off 19.25 → 19.3 h.
 * Messengers restricted on 4 January (all operators, no end recorded, last
 *   reported 4 Jan): 3 Jan 18:00 – 4 Jan 18:00 = 24 h of service blocking,
 *   all of it counted to a last report, for every operator and region.
 * Regions, partial: the throttling 18.5 + on and off 19.25 = 37.75 → 37.8 h,
 *   and besides:
 *   Mangystau: down 2 Jan 00:00 local to the end of 4 Jan (last report) =
 *     1 Jan 18:00 – 4 Jan 18:00, joined by the throttling from 4 Jan 16:00 to
 *     5 Jan 10:30: 88.5 h, + 19.25 = 107.75 → 107.8 h; of it to a last report
 *     1 Jan 18:00 – 4 Jan 16:00 = 70 h.
 *   Astana (Nur-Sultan's fixed-line cuts, mostly inside the nationwide ones,
 *     and mobile blocked on 10 January): 18.5 + 0.33 (6 Jan 13:40–14:00) +
 *     0.5 (8 Jan 02:30–03:00) + 1.33 (8 Jan 09:40–10:00, 9 Jan 02:30–03:30) +
 *     24.5 (10 Jan 01:45 – 11 Jan 02:15, mobile and on and off) = 45.17 → 45.2 h;
 *     to a last report 0.33 + 5.25 (10 Jan 01:45–07:00) = 5.58 → 5.6 h;
 *     on and off 11 Jan 18:00 – 02:15 = 8.25 → 8.3 h.
 * Abai did not exist yet (formed June 2022): no figures.
 */

type Triple = [full: number, partial: number, service: number];

const JANUARY_OPERATORS: Record<string, Triple> = {
  kazakhtelecom: [88.5, 41.8, 24],
  kcell: [88.5, 60.3, 24],
  beeline: [88.5, 41.8, 24],
  "tele2-altel": [88.5, 60.3, 24],
};

const JANUARY_REGIONS: Record<string, Triple> = {
  "almaty-city": [111, 37.8, 24],
  astana: [88.5, 45.2, 24],
  mangystau: [88.5, 107.8, 24],
  pavlodar: [88.5, 37.8, 24],
};

/**
 * Later months, by hand:
 * - May 2019, Victory Day: 07:00–14:00 UTC blocking naming Beeline, Kcell, Tele2: 7 h of service blocking.
 * - June 2019, election day (all three operators, marked as affecting all): a
 *   nationwide cut of about an hour (1 h full blackout) and blocking over 9–10
 *   June (8 Jun 18:00 – 10 Jun 18:00 UTC: 48 h, Periscope's 01:00–18:00 inside it).
 * - November 2022: the snap election's on-and-off blocking (Beeline and
 *   Kazakhtelecom, marked as affecting all), 1 Nov to 27 Nov local: 624 h, all
 *   on and off; for Kazakhtelecom also currenttime.tv throttled 20–29 Nov
 *   (named): together 1 Nov to the end of 29 Nov = 696 h, of which on and off
 *   only 1–20 Nov = 456 h.
 * - Astana, November 2022: inauguration-day cut of most of the city, 13:00–14:00 UTC
 *   on 26 Nov (partial extent): 1 h partial; the patchy hours after it have no end: not counted.
 */
const LATER_OPERATOR_MONTHS: { operator: string; from: string; to: string; figures: Triple; onAndOff?: number }[] = [
  { operator: "kcell", from: "2019-05-01", to: "2019-05-31", figures: [0, 0, 7] },
  { operator: "tele2-altel", from: "2019-06-01", to: "2019-06-30", figures: [1, 0, 48] },
  { operator: "kazakhtelecom", from: "2019-06-01", to: "2019-06-30", figures: [0, 0, 0] },
  { operator: "beeline", from: "2022-11-01", to: "2022-11-30", figures: [0, 0, 624], onAndOff: 624 },
  { operator: "kazakhtelecom", from: "2022-11-01", to: "2022-11-30", figures: [0, 0, 696], onAndOff: 456 },
];

const NO_FILTERS: IncidentFilters = { years: [], operators: [], regions: [], types: [], services: [], causes: [], zone: "local", page: 1 };
const JANUARY: IncidentFilters = { ...NO_FILTERS, from: "2022-01-01", to: "2022-01-31" };
const QANTAR = "2022-01-qantar-shutdowns";

const triple = (figures: MeasureFigures): Triple => MEASURES.map((measure) => figures[measure].hours) as Triple;
const apiTriple = (measures: { key: Measure; total: { hours: number } }[]): Triple => MEASURES.map((measure) => measures.find((entry) => entry.key === measure)!.total.hours) as Triple;

let ip = 0;
const request = (path: string) => new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": `192.0.2.${++ip}` } });

async function apiDisruption(query: string) {
  const response = await getDisruption(request(`/api/v1/disruption?${query}`), undefined);
  expect(response.status, query).toBe(200);
  return response.json();
}

beforeAll(async () => {
  await seedDatabase(getDb());
}, 120_000);

describe("reconciliation: January 2022, by hand", () => {
  it("the operator page's figures are the hand-worked ones", async () => {
    const summary = await summarizeOperatorDisruption({ caller: ANONYMOUS, filters: JANUARY, locale: "en" });
    expect(Object.fromEntries(summary.operators.map((entry) => [entry.operator.slug, triple(entry.totals)]))).toEqual(JANUARY_OPERATORS);
    const kcell = summary.operators.find((entry) => entry.operator.slug === "kcell")!;
    expect(kcell.buckets).toHaveLength(1);
    expect(triple(kcell.buckets[0]!.measures)).toEqual(JANUARY_OPERATORS.kcell);
    expect(kcell.totals.partial_disruption.onAndOffHours).toBe(19.3);
    expect(kcell.totals.service_blocking.toLastReportHours).toBe(24);
    // The operator's incident list gives the Qantar the same hours.
    expect(triple(kcell.incidents.find((incident) => incident.slug === QANTAR)!.measures)).toEqual(JANUARY_OPERATORS.kcell);
  });

  it("the API gives every operator and region the same figures", async () => {
    for (const [operator, expected] of Object.entries(JANUARY_OPERATORS)) {
      const body = await apiDisruption(`operator=${operator}&from=2022-01-01&to=2022-01-31`);
      expect(apiTriple(body.measures), operator).toEqual(expected);
    }
    for (const [region, expected] of Object.entries(JANUARY_REGIONS)) {
      const body = await apiDisruption(`region=${region}&from=2022-01-01&to=2022-01-31`);
      expect(apiTriple(body.measures), region).toEqual(expected);
    }
    const astana = await apiDisruption("region=astana&from=2022-01-01&to=2022-01-31");
    expect(astana.measures[1].total).toEqual({ hours: 45.2, to_last_report_hours: 5.6, to_now_hours: 0, on_and_off_hours: 8.3 });
    const mangystau = await apiDisruption("region=mangystau&from=2022-01-01&to=2022-01-31");
    expect(mangystau.measures[1].total.to_last_report_hours).toBe(70);
    const abai = await apiDisruption("region=abai&from=2022-01-01&to=2022-01-31");
    expect(apiTriple(abai.measures)).toEqual([0, 0, 0]);
    expect(abai.counted_from).toBe("2022-06-07T18:00:00.000Z");
  });

  it("the map and its download give every region the same figures", async () => {
    const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters: JANUARY, locale: "en" });
    const whole = summary.frames[0]!;
    for (const [region, expected] of Object.entries(JANUARY_REGIONS)) {
      expect(triple(whole.figures[region]!.measures), region).toEqual(expected);
    }
    expect(whole.figures.abai).toBeNull();
    const model = buildMapModel(summary);
    const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "chartDownloads" });
    const measures = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "measures" });
    const table = mapDownloadTable(model, model.frames[0]!, "Map", (key, values) => t(key as never, values as never), (key, values) => measures(key as never, values as never));
    for (const [region, expected] of Object.entries(JANUARY_REGIONS)) {
      const row = table.rows.find((entry) => entry.region === region)!;
      expect([row.full_blackout, row.partial_disruption, row.service_blocking], region).toEqual(expected);
    }
    expect(table.rows.find((entry) => entry.region === "astana")!.partial_disruption_open_end_hours).toBe(5.6);
  });

  it("the social cards name each operator's figures as the operator page gives them", async () => {
    for (const [operator, [full, partial, service]] of Object.entries(JANUARY_OPERATORS)) {
      const result = await getSocialCard({ caller: ANONYMOUS, target: { kind: "isp", slug: operator }, locale: "en", query: { from: "2022-01-01", to: "2022-01-31" } });
      expect(result.status).toBe("ok");
      if (result.status !== "ok") continue;
      expect(result.card.stat).toBe(`Full blackout: ${full} h`);
      expect(result.card.statNote).toContain(`Partial or regional disruption: ${partial} h`);
      expect(result.card.statNote).toContain(`Service and website blocking: ${service} h`);
    }
    const map = await getSocialCard({ caller: ANONYMOUS, target: { kind: "view", view: "map" }, locale: "en", query: { from: "2022-01-01", to: "2022-01-31" } });
    const bars = map.status === "ok" && map.card.chart?.kind === "bars" ? map.card.chart.bars : [];
    expect(bars[0]).toEqual({ label: "Almaty", value: 111, valueLabel: "111 h" });
    const isps = await getSocialCard({ caller: ANONYMOUS, target: { kind: "view", view: "isps" }, locale: "en", query: { from: "2022-01-01", to: "2022-01-31" } });
    const operatorBars = isps.status === "ok" && isps.card.chart?.kind === "bars" ? isps.card.chart.bars : [];
    expect(operatorBars.map((bar) => bar.value)).toEqual([88.5, 88.5, 88.5, 88.5]);
  });

  it("the incident page, its card and its API answer count the Qantar the same way", async () => {
    const incident = (await getPublishedIncident({ caller: ANONYMOUS, slug: QANTAR, locale: "en" }))!;
    const figures = incidentFigures(incident, new Date());
    expect(Object.fromEntries(figures.operators.map((operator) => [operator.slug, triple(operator.figures)]))).toEqual(JANUARY_OPERATORS);
    expect(figures.operators.every((operator) => operator.inferred)).toBe(true);
    for (const region of ["almaty-city", "astana", "mangystau"]) {
      expect(triple(figures.regions.find((entry) => entry.slug === region)!.figures), region).toEqual(JANUARY_REGIONS[region]);
    }
    expect(triple(figures.otherRegions!)).toEqual(JANUARY_REGIONS.pavlodar);
    // The whole country: only nationwide cuts are a full blackout. Partial is every other disruption anywhere,
    // counted once: Mangystau with the throttling (1 Jan 18:00 – 5 Jan 10:30, 88.5 h), Almaty during IODA's
    // restorations (22.5 h; Nur-Sultan's fixed-line pieces fall inside them), and 10 Jan 01:45 – 11 Jan 02:15
    // (mobile blocked in Nur-Sultan, then on and off: 24.5 h) = 135.5 h.
    expect(triple(figures.country)).toEqual([88.5, 135.5, 24]);

    const api = await (await getIncidentApi(request(`/api/v1/incidents/${QANTAR}`), { params: Promise.resolve({ slug: QANTAR }) })).json();
    const apiOperators = api.figures.operators.map((operator: { slug: string; measures: Record<Measure, { hours: number }> }) => [
      operator.slug,
      MEASURES.map((measure) => operator.measures[measure].hours),
    ]);
    expect(Object.fromEntries(apiOperators)).toEqual(JANUARY_OPERATORS);
    expect(MEASURES.map((measure) => api.figures.country[measure].hours)).toEqual([88.5, 135.5, 24]);

    const card = await getSocialCard({ caller: ANONYMOUS, target: { kind: "incident", slug: QANTAR }, locale: "en", query: {} });
    expect(card.status === "ok" && card.card.stat).toBe("Full blackout: 88.5 h · 17 phases");
  });
});

describe("reconciliation: other months, by hand", () => {
  it("the operator pages and the API agree with the hand-worked figures", async () => {
    for (const { operator, from, to, figures, onAndOff } of LATER_OPERATOR_MONTHS) {
      const summary = await summarizeOperatorDisruption({ caller: ANONYMOUS, filters: { ...NO_FILTERS, from, to }, locale: "en", operatorSlugs: [operator] });
      const entry = summary.operators[0]!;
      expect(triple(entry.totals), `${operator} ${from}`).toEqual(figures);
      if (onAndOff !== undefined) expect(entry.totals.service_blocking.onAndOffHours, `${operator} ${from}`).toBe(onAndOff);
      const body = await apiDisruption(`operator=${operator}&from=${from}&to=${to}`);
      expect(apiTriple(body.measures), `${operator} ${from} (API)`).toEqual(figures);
    }
  });

  it("counts a region's partial cut and leaves a phase with no end out, saying so", async () => {
    const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters: { ...NO_FILTERS, from: "2022-11-26", to: "2022-11-26" }, locale: "en" });
    const astana = summary.frames[0]!.figures.astana!;
    expect(astana.measures.partial_disruption.hours).toBe(1);
    expect(astana.measures.full_blackout.hours).toBe(0);
    expect(astana.uncounted).toBe(1);
    // The 2018 throttling has no recorded end and no last report: nothing is counted for it, anywhere.
    const body = await apiDisruption("region=pavlodar&from=2018-01-01&to=2018-12-31&by=year");
    expect(apiTriple(body.measures)).toEqual([0, 0, 0]);
    expect(body.open_ends).toMatchObject([{ incident: "2018-03-throttling-opposition-streams", end_status: "NOT_RECORDED", counted_until: null }]);
  });

  it("no region shares one uniform figure over the whole record any more", async () => {
    const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters: NO_FILTERS, locale: "en" });
    const whole = summary.frames[0]!;
    const fullBlackout = new Set(summary.regions.flatMap((region) => (whole.figures[region.slug] ? [whole.figures[region.slug]!.measures.full_blackout.hours] : [])));
    expect(fullBlackout.size).toBeGreaterThan(1);
    // Almaty: 111 h in January 2022 and 3 h on 28 February 2021; Pavlodar: the nationwide cuts only (88.5 + 1 in 2019).
    expect(whole.figures["almaty-city"]!.measures.full_blackout.hours).toBe(111 + 3 + 1);
    expect(whole.figures.pavlodar!.measures.full_blackout.hours).toBe(88.5 + 1);
  });
});
