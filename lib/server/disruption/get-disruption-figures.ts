import "server-only";
import { createTranslator } from "next-intl";
import type { Caller } from "@/lib/auth/permissions";
import { apiDay, apiFigure } from "@/lib/api/figures";
import { MEASURES, NETWORK_MEASURES, type CountedPhase, type HoursBucket, type Measure, type MeasureFigures } from "@/lib/incidents/disruption-hours";
import { MESSAGES } from "@/lib/i18n/messages";
import type { ApiDisruption } from "@/lib/schemas/api/disruption";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import type { DashboardIncident } from "@/lib/server/incidents/list-dashboard-incidents";
import { summarizeOperatorDisruption } from "@/lib/server/operators/summarize-operator-disruption";
import { summarizeRegionHours } from "@/lib/server/regions/summarize-region-hours";

type Locale = "en" | "ru";

const NO_FILTERS: Omit<IncidentFilters, "from" | "to"> = { years: [], operators: [], regions: [], types: [], services: [], causes: [], zone: "local", page: 1 };

/** The figures' open ends and inferred attributions, as the API lists them. */
function phaseRefs(phases: (CountedPhase<DashboardIncident> & { attribution?: string })[]) {
  const ref = (entry: CountedPhase<DashboardIncident>) => ({ incident: entry.incident.slug, phase: entry.number, label: entry.phase.label, measure: entry.measure });
  return {
    open_ends: phases
      .filter((entry) => entry.phase.endStatus !== "RECORDED")
      .map((entry) => ({
        ...ref(entry),
        end_status: entry.phase.endStatus as "ONGOING" | "NOT_RECORDED",
        last_checked_on: entry.phase.endStatus === "ONGOING" ? apiDay(entry.incident.lastCheckedOn) : null,
        last_reported_on: apiDay(entry.phase.lastReportedOn),
        counted_until: entry.interval ? new Date(entry.interval.end).toISOString() : null,
      })),
    inferred: phases.filter((entry) => entry.attribution === "all_operators").map(ref),
  };
}

function measuresOf(entity: "operator" | "region", buckets: { key: string; start: Date | string; end: Date | string; measures: MeasureFigures }[], totals: MeasureFigures, locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "measures" });
  const iso = (value: Date | string) => (typeof value === "string" ? value : value.toISOString());
  return MEASURES.map((measure: Measure) => ({
    key: measure,
    name: t(`names.${measure}`),
    counts: t(`counts.${entity}.${measure}`),
    stacks_with: NETWORK_MEASURES.includes(measure) ? NETWORK_MEASURES.filter((other) => other !== measure) : [],
    total: apiFigure(totals[measure]),
    periods: buckets.map((bucket) => ({ period: bucket.key, from: iso(bucket.start), to: iso(bucket.end), ...apiFigure(bucket.measures[measure]) })),
  }));
}

/**
 * GET /api/v1/disruption's answer: an operator's or a region's hours per
 * Kazakhstan month or year, each measure with what it counts, and the open
 * ends and inferred attributions behind the figures. The same summaries as
 * the operator pages and the map compute them, so the numbers agree. Null for
 * an unknown operator or region.
 */
export async function getDisruptionFigures(options: {
  caller: Caller;
  entity: { kind: "operator" | "region"; slug: string };
  from?: string;
  to?: string;
  granularity?: "month" | "year";
  locale: Locale;
  now?: Date;
}): Promise<ApiDisruption | null> {
  const filters: IncidentFilters = { ...NO_FILTERS, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
  const t = createTranslator({ locale: options.locale, messages: MESSAGES[options.locale], namespace: "measures" });
  if (options.entity.kind === "operator") {
    const summary = await summarizeOperatorDisruption({ caller: options.caller, filters, locale: options.locale, operatorSlugs: [options.entity.slug], granularity: options.granularity, now: options.now });
    const entry = summary.operators[0];
    if (!entry) return null;
    const phases = entry.phases;
    return {
      entity: { kind: "operator", slug: entry.operator.slug, name: entry.operator.name },
      from: summary.from,
      to: summary.to,
      by: summary.granularity,
      time_zone: "Asia/Almaty",
      counted_from: summary.from,
      measures: measuresOf("operator", entry.buckets, entry.totals, options.locale),
      open_ends: phases
        .filter((phase) => phase.endStatus !== "RECORDED")
        .map((phase) => ({
          incident: phase.incidentSlug,
          phase: phase.number,
          label: phase.label,
          measure: phase.measure,
          end_status: phase.endStatus as "ONGOING" | "NOT_RECORDED",
          last_checked_on: phase.lastCheckedOn,
          last_reported_on: phase.lastReportedOn,
          counted_until: phase.countedUntil,
        })),
      inferred: phases
        .filter((phase) => phase.attribution === "all_operators")
        .map((phase) => ({ incident: phase.incidentSlug, phase: phase.number, label: phase.label, measure: phase.measure })),
      rules: [t("endsNote"), t("attributionNote"), t("stackNote")].join(" "),
    };
  }
  const region = await summarizeRegionHours({ caller: options.caller, slug: options.entity.slug, filters, locale: options.locale, granularity: options.granularity, now: options.now });
  if (!region) return null;
  const refs = phaseRefs(region.phases);
  const buckets = region.buckets as HoursBucket[];
  return {
    entity: { kind: "region", slug: region.region.slug, name: region.region.name },
    from: region.from.toISOString(),
    to: region.to.toISOString(),
    by: region.granularity,
    time_zone: "Asia/Almaty",
    counted_from: region.countedFrom.toISOString(),
    measures: measuresOf("region", buckets, region.totals, options.locale),
    open_ends: refs.open_ends,
    inferred: [],
    rules: [t("endsNote"), t("regionNote"), t("stackNote")].join(" "),
  };
}
