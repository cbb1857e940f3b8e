import "server-only";
import { createTranslator } from "next-intl";
import type { Caller } from "@/lib/auth/permissions";
import { MESSAGES } from "@/lib/i18n/messages";
import { rollingWindow } from "@/lib/schemas/embed";
import { ZSlug } from "@/lib/schemas/incident";
import { filtersOf, knownFilterValues, type IncidentFilters } from "@/lib/schemas/incident-filters";
import { ZCardFilterParams, ZCardNoFilterParams } from "@/lib/schemas/social-card";
import { readUrlState, type QueryInput, type RefusedParam } from "@/lib/schemas/url-state";
import { filterPeriodLabel } from "@/lib/share/card-period";
import { cardTakesFilters, type CardTarget } from "@/lib/share/card-target";
import { cardText } from "@/lib/share/card-text";
import { CARD_TYPE_COLOURS, type CardBar, type CardChart, type SocialCardModel } from "@/lib/share/social-card-model";
import { cardPhaseTimeline } from "@/lib/share/card-phase-timeline";
import { countPublishedIncidentsByYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";
import type { IncidentPhase } from "@/lib/server/incidents/published/detail";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import { listOperators } from "@/lib/server/operators/list-operators";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { listRegions } from "@/lib/server/regions/list-regions";
import { summarizeRegionDisruption } from "@/lib/server/regions/summarize-region-disruption";
import { countedEnd, emptyFigures, MEASURES, type Measure, type MeasureFigures } from "@/lib/incidents/disruption-hours";
import { formatHoursValue } from "@/lib/incidents/figure-text";
import { incidentFigures } from "@/lib/incidents/incident-figures";
import { formatDuration, shortDate } from "@/lib/time/format";
import { creditSentence, CURATED_SOURCES, dataCredits, type CreditTranslator } from "@/lib/credits/data-credits";

export type CardLocale = "en" | "ru";
/** A card's query without its `locale` (lib/schemas/social-card.ts). */
export type CardQuery = QueryInput;

export type SocialCardResult =
  | { status: "ok"; card: SocialCardModel }
  | { status: "not-found"; detail: string }
  | { status: "bad-param"; refused: RefusedParam[] };

const MAX_BARS = 6;

function translators(locale: CardLocale) {
  const messages = MESSAGES[locale];
  return {
    t: createTranslator({ locale, messages, namespace: "socialCards" }),
    site: createTranslator({ locale, messages, namespace: "site" }),
    types: createTranslator({ locale, messages, namespace: "enums.DisruptionType" }),
    timeline: createTranslator({ locale, messages, namespace: "cardTimeline" }),
    measures: createTranslator({ locale, messages, namespace: "measures.names" }),
    credits: createTranslator({ locale, messages, namespace: "dataCredits" }) as unknown as CreditTranslator,
  };
}

type Translators = ReturnType<typeof translators>;

/** The filters a card's query asks for (an embed's rolling `last` as its from–to), or the parameters it cannot take. */
async function readCardFilters(caller: Caller, query: CardQuery, now: Date): Promise<{ ok: true; filters: IncidentFilters } | { ok: false; refused: RefusedParam[] }> {
  const [operators, regions] = await Promise.all([listOperators({ caller }), listRegions({ caller, locale: "en" })]);
  const known = knownFilterValues({ operators: operators.map((operator) => operator.slug), regions: regions.map((region) => region.slug) });
  const read = readUrlState(ZCardFilterParams, query, { mode: "strict", allowed: known });
  if (!read.ok) return read;
  const { last, ...state } = read.state;
  return { ok: true, filters: filtersOf(last === undefined ? state : { ...state, ...rollingWindow(last, now) }) };
}

function periodOf(filters: IncidentFilters, locale: CardLocale, t: Translators["t"]): string {
  return filterPeriodLabel(filters, locale, {
    all: () => t("periodAll"),
    between: (from, to) => t("period", { from, to }),
    since: (from) => t("periodSince", { from }),
    until: (to) => t("periodUntil", { to }),
    years: (years) => t("periodYears", { years }),
  });
}

/** Hours as every view prints them: at most one decimal (so a card's figure is the page's figure). */
function hoursText(hours: number, locale: CardLocale): string {
  return formatHoursValue(hours, locale);
}

/** The measure a card features: the first (most severe) with any hours, else full blackout. */
function featured(totals: MeasureFigures): Measure {
  return MEASURES.find((measure) => totals[measure].hours > 0) ?? "full_blackout";
}

/** What the featured figure counts, and the other measures' figures named apart (never added to it). */
function measureNote(totals: MeasureFigures, measure: Measure, entity: "operator" | "region" | "country", locale: CardLocale, tr: Translators): string {
  const others = MEASURES.filter((other) => other !== measure && totals[other].hours > 0).map((other) =>
    tr.t("measureHours", { measure: tr.measures(other), hours: hoursText(totals[other].hours, locale) }),
  );
  const definition = tr.t(`short.${entity}.${measure}`);
  const sentence = `${definition.charAt(0).toUpperCase()}${definition.slice(1)}.`;
  return others.length === 0 ? sentence : `${sentence} ${tr.t("alsoCounted", { others: others.join("; ") })}`;
}

function barsChart(caption: string, bars: CardBar[]): CardChart | null {
  return bars.some((bar) => bar.value > 0) ? { kind: "bars", caption, bars: bars.slice(0, MAX_BARS) } : null;
}

/** Every operator's hours of one measure (the first any operator has), as the /isps comparison shows them. */
async function operatorBars(caller: Caller, filters: IncidentFilters, locale: CardLocale, tr: Translators): Promise<CardChart | null> {
  const summary = await summarizeOperatorDisruption({ caller, filters, locale });
  const measure = MEASURES.find((candidate) => summary.operators.some((entry) => entry.totals[candidate].hours > 0)) ?? "full_blackout";
  const bars = summary.operators
    .map((entry) => ({
      label: cardText(entry.operator.name, 14),
      value: entry.totals[measure].hours,
      valueLabel: tr.t("hoursShort", { hours: hoursText(entry.totals[measure].hours, locale) }),
    }))
    .toSorted((a, b) => b.value - a.value);
  return barsChart(`${tr.t("byOperatorMeasure", { measure: tr.measures(measure) })} (${tr.t(`short.operator.${measure}`)})`, bars);
}

function baseCard(locale: CardLocale, tr: Translators, fields: Pick<SocialCardModel, "title" | "period" | "stat" | "statNote" | "chart">): SocialCardModel {
  return {
    locale,
    siteName: tr.site("name"),
    title: cardText(fields.title, 90),
    period: cardText(fields.period, 60),
    stat: cardText(fields.stat, 60),
    statNote: cardText(fields.statNote, 260),
    chart: fields.chart,
    emptyNote: tr.t("noData"),
    // Every card draws curated records only: it credits the tracker, under its own licence (decision 0017).
    attribution: creditSentence(dataCredits(CURATED_SOURCES), tr.credits),
  };
}

async function viewCard(caller: Caller, view: Exclude<Extract<CardTarget, { kind: "view" }>["view"], "home" | "api-docs">, filters: IncidentFilters, locale: CardLocale, tr: Translators) {
  const title = tr.t(`titles.${view}`);
  const period = periodOf(filters, locale, tr.t);
  if (view === "map") {
    // The map's whole-period figures, one measure (the first any region has), as its table shows them.
    const summary = await summarizeRegionDisruption({ caller, filters, locale });
    const whole = summary.frames[0];
    const figures = summary.regions.flatMap((region) => {
      const entry = whole?.figures[region.slug];
      return entry && entry.count > 0 ? [{ region, measures: entry.measures }] : [];
    });
    const measure = MEASURES.find((candidate) => figures.some((entry) => entry.measures[candidate].hours > 0)) ?? "full_blackout";
    const bars = figures
      .map((entry) => ({ label: cardText(entry.region.name, 14), value: entry.measures[measure].hours, valueLabel: tr.t("hoursShort", { hours: hoursText(entry.measures[measure].hours, locale) }) }))
      .toSorted((a, b) => b.value - a.value);
    const caption = `${tr.t("byRegionMeasure", { measure: tr.measures(measure) })} (${tr.t(`short.region.${measure}`)})`;
    return baseCard(locale, tr, { title, period, stat: tr.t("regionCount", { count: figures.length }), statNote: tr.t("regionsCounted"), chart: barsChart(caption, bars) });
  }
  const incidents = await listDashboardIncidents({ caller, filters, locale });
  return baseCard(locale, tr, {
    title,
    period,
    stat: tr.t("incidentCount", { count: incidents.length }),
    statNote: tr.t("incidentsCounted"),
    chart: await operatorBars(caller, filters, locale, tr),
  });
}

async function overviewCard(caller: Caller, view: "home" | "api-docs", locale: CardLocale, tr: Translators) {
  const perYear = (await countPublishedIncidentsByYear({ caller })).filter((year) => year.total > 0);
  const total = perYear.reduce((sum, year) => sum + year.total, 0);
  const first = perYear[0]?.year;
  const last = perYear.at(-1)?.year;
  const period = first && last ? (first === last ? String(first) : `${first}–${last}`) : tr.t("periodAll");
  const bars = perYear
    .slice(-MAX_BARS)
    .map((year) => ({ label: String(year.year), value: year.total, valueLabel: hoursText(year.total, locale) }));
  const title = view === "home" ? tr.t("titles.home") : tr.t("titles.apiDocs");
  const stat = view === "home" ? tr.t("incidentCount", { count: total }) : tr.t("apiFormats");
  return baseCard(locale, tr, { title, period, stat, statNote: view === "home" ? tr.t("incidentsPerYearCounted") : "", chart: barsChart(tr.t("byYear"), bars) });
}

async function operatorCard(caller: Caller, slug: string, filters: IncidentFilters, locale: CardLocale, tr: Translators): Promise<SocialCardResult> {
  const operator = (await listOperators({ caller })).find((entry) => entry.slug === slug);
  if (!operator) return { status: "not-found", detail: `No operator "${slug}".` };
  // The operator page's figures: the featured measure's total, the others named apart, and its busiest periods.
  const summary = await summarizeOperatorDisruption({ caller, filters, locale, operatorSlugs: [slug] });
  const disruption = summary.operators.find((entry) => entry.operator.slug === slug);
  const totals = disruption?.totals ?? emptyFigures();
  const measure = featured(totals);
  const busiest = (disruption?.buckets ?? [])
    .filter((bucket) => bucket.measures[measure].hours > 0)
    .toSorted((a, b) => b.measures[measure].hours - a.measures[measure].hours)
    .slice(0, MAX_BARS)
    .toSorted((a, b) => a.key.localeCompare(b.key));
  const bars = busiest.map((bucket) => ({
    label: bucket.key,
    value: bucket.measures[measure].hours,
    valueLabel: tr.t("hoursShort", { hours: hoursText(bucket.measures[measure].hours, locale) }),
  }));
  const anyHours = MEASURES.some((candidate) => totals[candidate].hours > 0);
  const card = baseCard(locale, tr, {
    title: tr.t("titles.isp", { operator: operator.name }),
    period: periodOf(filters, locale, tr.t),
    stat: tr.t("measureHours", { measure: tr.measures(measure), hours: hoursText(totals[measure].hours, locale) }),
    statNote: anyHours ? measureNote(totals, measure, "operator", locale, tr) : tr.t("noneCounted"),
    chart: barsChart(tr.t("byPeriodMeasure", { measure: tr.measures(measure) }), bars),
  });
  return { status: "ok", card };
}

async function incidentCard(caller: Caller, slug: string, locale: CardLocale, tr: Translators, now: Date): Promise<SocialCardResult> {
  const incident = ZSlug.safeParse(slug).success ? await getPublishedIncident({ caller, slug, locale }) : null;
  if (!incident) return { status: "not-found", detail: `No published incident "${slug}".` };
  const end = countedEnd(incident, now)?.at ?? null;
  const from = shortDate(incident.startsAt, locale);
  const period =
    incident.endStatus === "RECORDED" && incident.endsAt
      ? tr.t("period", { from, to: shortDate(incident.endsAt, locale) })
      : incident.endStatus === "ONGOING"
        ? tr.t("periodOngoing", { from })
        : tr.t("periodEndNotRecorded", { from });
  const chart = phaseTimelineChart(incident.phases, locale, tr, now);
  // The incident page's key figures: the country's featured measure, the others named apart.
  const figures = incidentFigures(incident, now);
  const measure = featured(figures.country);
  const anyHours = MEASURES.some((candidate) => figures.country[candidate].hours > 0);
  const stat = anyHours
    ? `${tr.t("measureHours", { measure: tr.measures(measure), hours: hoursText(figures.country[measure].hours, locale) })} · ${tr.t("phases", { count: incident.phases.length })}`
    : `${end ? `${formatDuration(end.getTime() - incident.startsAt.getTime(), locale)} · ` : ""}${tr.t("phases", { count: incident.phases.length })}`;
  const statNote = anyHours ? measureNote(figures.country, measure, "country", locale, tr) : tr.t("noneCounted");
  return { status: "ok", card: baseCard(locale, tr, { title: incident.title, period, stat, statNote, chart }) };
}

/** Narrowest bar on the card's 470-pixel axis, as a fraction of it: a one-hour cut in a month still shows. */
const CARD_MIN_BAR = 4 / 470;

/**
 * Every phase of an incident on a real time axis (lib/share/card-phase-timeline.ts),
 * each bar where the figures count it (decision 0008), with the types, extents and
 * open ends it draws named in a legend.
 */
function phaseTimelineChart(phases: IncidentPhase[], locale: CardLocale, tr: Translators, now: Date): CardChart | null {
  const timeline = cardPhaseTimeline(
    phases.map((phase) => ({ number: phase.number, type: phase.type, extent: phase.extent, startsAt: phase.startsAt, countedUntil: countedEnd(phase, now)?.at ?? null })),
    now,
    locale,
    { minWidth: CARD_MIN_BAR },
  );
  if (!timeline) return null;
  const colourOf = (type: string) => CARD_TYPE_COLOURS[type] ?? "#555555";
  const types = [...new Set(timeline.bars.map((bar) => bar.type))];
  const extents = (["PARTIAL", "INTERMITTENT"] as const).filter((extent) => timeline.bars.some((bar) => bar.extent === extent && !bar.open));
  const legend = [
    ...types.map((type) => ({ label: cardText(tr.types(type), 48), colour: colourOf(type), extent: "FULL" as const, open: false })),
    ...extents.map((extent) => ({ label: tr.timeline(extent === "PARTIAL" ? "partial" : "intermittent"), colour: "#5f6b76", extent, open: false })),
    ...(timeline.bars.some((bar) => bar.open) ? [{ label: tr.timeline("open"), colour: "#5f6b76", extent: "FULL" as const, open: true }] : []),
  ];
  return {
    kind: "timeline",
    caption: tr.timeline("caption"),
    lanes: timeline.lanes,
    bars: timeline.bars.map((bar) => ({ ...bar, colour: colourOf(bar.type) })),
    ticks: timeline.ticks,
    legend,
  };
}

/**
 * The content of one social card, in the reader's language: for a view, its
 * period (from the filters or an embed's `last=`) with a headline figure and a
 * small chart; for an incident, its period and phase strip. Public: open to
 * every caller, and what it reads it reads as that caller.
 */
export async function getSocialCard({
  caller,
  target,
  locale,
  query,
  now = new Date(),
}: {
  caller: Caller;
  target: CardTarget;
  locale: CardLocale;
  query: CardQuery;
  now?: Date;
}): Promise<SocialCardResult> {
  const tr = translators(locale);
  if (!cardTakesFilters(target)) {
    const read = readUrlState(ZCardNoFilterParams, query, { mode: "strict" });
    if (!read.ok) return { status: "bad-param", refused: read.refused };
    if (target.kind === "incident") return incidentCard(caller, target.slug, locale, tr, now);
    const view = target.kind === "view" && target.view === "home" ? "home" : "api-docs";
    return { status: "ok", card: await overviewCard(caller, view, locale, tr) };
  }
  const read = await readCardFilters(caller, query, now);
  if (!read.ok) return { status: "bad-param", refused: read.refused };
  if (target.kind === "isp") return operatorCard(caller, target.slug, read.filters, locale, tr);
  if (target.kind !== "view" || target.view === "home" || target.view === "api-docs") return { status: "not-found", detail: "Unknown card." };
  return { status: "ok", card: await viewCard(caller, target.view, read.filters, locale, tr) };
}
