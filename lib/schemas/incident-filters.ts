import { z } from "zod";
import { AffectedService, DisruptionType, IncidentCause } from "@/lib/generated/prisma/enums";
import { kazakhstanDayStart, type ZoneChoice } from "@/lib/time/format";
import { paramsOf, readUrlState, urlParam, viewParams, type IgnoredValue, type ParamRule, type QueryInput, type SearchParams } from "@/lib/schemas/url-state";

/**
 * The filters every public view shares (incident list, timeline, map,
 * operator charts), read from the URL so a filtered view is a link. A value that does not parse
 * (or names an unknown operator or region) is ignored and reported, so a bad
 * link still shows a page with a notice instead of an error.
 */
/** By end status (decision 0013): ONGOING, RECORDED, NOT_RECORDED. */
export const INCIDENT_STATE_FILTERS = ["ongoing", "ended", "end-not-recorded"] as const;
export type IncidentStateFilter = (typeof INCIDENT_STATE_FILTERS)[number];

export type IncidentFilters = {
  years: number[];
  /** First day of the period, a Kazakhstan calendar date "YYYY-MM-DD" (inclusive). */
  from?: string;
  /** Last day of the period, a Kazakhstan calendar date "YYYY-MM-DD" (inclusive). */
  to?: string;
  operators: string[];
  regions: string[];
  types: DisruptionType[];
  services: AffectedService[];
  causes: IncidentCause[];
  state?: IncidentStateFilter;
  /** Show times in Kazakhstan time (default) or UTC (`tz=utc`). Display only. */
  zone: ZoneChoice;
  page: number;
};

/** A value in the address a view did not take (lib/schemas/url-state.ts). */
export type IgnoredFilterValue = IgnoredValue;
export type { SearchParams };

/** A real calendar date between 1990 and 2100, as "YYYY-MM-DD". */
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 1990 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  });

/** `tz=utc` shows times in UTC, anything else in Kazakhstan time (any letter case). */
export const ZTimeZoneParam = urlParam(z.enum(["local", "utc"]).default("local"), { letterCase: "lower" });

/** `to` before `from` is a period that ends before it starts: `to` is refused (strict) or ignored (lenient). */
export const periodInOrder: ParamRule<{ from?: string; to?: string }> = (state) =>
  state.from !== undefined && state.to !== undefined && state.from > state.to ? { param: "to", reason: "must not be before from" } : null;

/** Enum values are accepted in any case: ?type=full_blackout works too. */
const upperCaseList = <T extends z.ZodType>(schema: T) => urlParam(z.array(schema).default([]), { letterCase: "upper" });

/**
 * The shared filters' URL parameters. `operator` and `region` take the slugs the
 * reader is given (`allowed`); repeat a list parameter for several values.
 */
export const ZIncidentFilterParams = viewParams(
  {
    year: z.array(z.coerce.number().int().min(1990).max(2100)).default([]),
    from: ZCalendarDate.optional(),
    to: ZCalendarDate.optional(),
    operator: z.array(z.string()).default([]),
    region: z.array(z.string()).default([]),
    type: upperCaseList(z.enum(DisruptionType)),
    service: upperCaseList(z.enum(AffectedService)),
    cause: upperCaseList(z.enum(IncidentCause)),
    status: z.enum(INCIDENT_STATE_FILTERS).optional(),
    tz: ZTimeZoneParam,
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  },
  [periodInOrder],
);
export type IncidentFilterParams = z.output<typeof ZIncidentFilterParams>;

/** The URL parameters parseIncidentFilters reads (lib/schemas/view-params.ts lists every view's). */
export const INCIDENT_FILTER_PARAMS = paramsOf(ZIncidentFilterParams);

/** The operators and regions a filter may name. */
export type KnownFilterValues = { operators: readonly string[]; regions: readonly string[] };

/** `allowed` for a schema with the filters' `operator` and `region`. */
export function knownFilterValues(known: KnownFilterValues) {
  return { operator: known.operators, region: known.regions };
}

export function parseIncidentFilters(params: QueryInput, known: KnownFilterValues): { filters: IncidentFilters; ignored: IgnoredFilterValue[] } {
  const { state, ignored } = readUrlState(ZIncidentFilterParams, params, { mode: "lenient", allowed: knownFilterValues(known) });
  return { filters: filtersOf(state), ignored };
}

/** The filters a reading of the filters' parameters (or a schema built on them) stands for. */
export function filtersOf(state: Omit<IncidentFilterParams, "tz" | "page"> & Partial<Pick<IncidentFilterParams, "tz" | "page">>): IncidentFilters {
  return {
    years: state.year,
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
    operators: state.operator,
    regions: state.region,
    types: state.type,
    services: state.service,
    causes: state.cause,
    state: state.status,
    zone: state.tz ?? "local",
    page: state.page ?? 1,
  };
}

/** The URL query for a set of filters (page 1 unless given). */
export function filtersToQuery(filters: Partial<IncidentFilters>): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (filters.years?.length) query.year = filters.years.map(String);
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.operators?.length) query.operator = filters.operators;
  if (filters.regions?.length) query.region = filters.regions;
  if (filters.types?.length) query.type = filters.types;
  if (filters.services?.length) query.service = filters.services;
  if (filters.causes?.length) query.cause = filters.causes;
  if (filters.state) query.status = filters.state;
  if (filters.zone === "utc") query.tz = "utc";
  if (filters.page && filters.page > 1) query.page = String(filters.page);
  return query;
}

/** The URL query for a set of filters, as search parameters (values of a name in their order). */
export function filtersToSearchParams(filters: Partial<IncidentFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filtersToQuery(filters))) for (const item of [value].flat()) params.append(name, item);
  return params;
}

/**
 * The same query without empty values: a GET form submits every select, so
 * "Any" arrives as `year=`. Returns null when there is nothing to drop.
 */
export function withoutEmptyParams(params: SearchParams): Record<string, string[]> | null {
  let dropped = false;
  const kept: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(params)) {
    const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).filter((value) => {
      const empty = value.trim() === "";
      dropped ||= empty;
      return !empty;
    });
    if (values.length > 0) kept[name] = values;
  }
  return dropped ? kept : null;
}

export function hasActiveFilters(filters: IncidentFilters): boolean {
  return (
    filters.years.length +
      filters.operators.length +
      filters.regions.length +
      filters.types.length +
      filters.services.length +
      filters.causes.length >
      0 ||
    filters.from !== undefined ||
    filters.to !== undefined ||
    filters.state !== undefined
  );
}

/**
 * The instants a from/to pair covers: from the start of `from` to the end of
 * `to` in Kazakhstan time (an exclusive end). Missing ends are left open.
 */
export function periodOfFilters(filters: Pick<IncidentFilters, "from" | "to">): { from?: Date; to?: Date } {
  const dayStart = (date: string, plusDays = 0) => {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    return kazakhstanDayStart(year, month, day + plusDays);
  };
  return {
    ...(filters.from ? { from: dayStart(filters.from) } : {}),
    ...(filters.to ? { to: dayStart(filters.to, 1) } : {}),
  };
}
