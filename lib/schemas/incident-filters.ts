import { z } from "zod";
import { AffectedService, DisruptionType, IncidentCause } from "@/lib/generated/prisma/enums";
import { kazakhstanDayStart, type ZoneChoice } from "@/lib/time/format";

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

export type IgnoredFilterValue = { param: string; value: string };

/** The URL parameters parseIncidentFilters reads (lib/schemas/view-params.ts lists every view's). */
export const INCIDENT_FILTER_PARAMS = ["year", "from", "to", "operator", "region", "type", "service", "cause", "status", "tz", "page"] as const;

const ZYear = z.coerce.number().int().min(1990).max(2100);
const ZPage = z.coerce.number().int().min(1).max(10_000);
const ZType = z.enum(DisruptionType);
const ZService = z.enum(AffectedService);
const ZState = z.enum(INCIDENT_STATE_FILTERS);
const ZCause = z.enum(IncidentCause);
/** A real calendar date between 1990 and 2100, as "YYYY-MM-DD". */
export const ZCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 1990 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  });
const ZZone = z.enum(["UTC", "LOCAL"]);

type SearchParams = Record<string, string | string[] | undefined>;

const valuesOf = (params: SearchParams, name: string): string[] => {
  const raw = params[name];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((value) => value.trim()).filter((value) => value !== "");
};

export function parseIncidentFilters(
  params: SearchParams,
  known: { operators: string[]; regions: string[] },
): { filters: IncidentFilters; ignored: IgnoredFilterValue[] } {
  const ignored: IgnoredFilterValue[] = [];
  const pick = <T>(name: string, accept: (value: string) => T | undefined): T[] => {
    const accepted: T[] = [];
    for (const value of valuesOf(params, name)) {
      const parsed = accept(value);
      if (parsed === undefined) ignored.push({ param: name, value });
      else if (!accepted.includes(parsed)) accepted.push(parsed);
    }
    return accepted;
  };
  const fromSchema = <T>(schema: z.ZodType<T>) => (value: string) => {
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };
  // Enum values are accepted in any case: ?type=full_blackout works too.
  const fromEnum = <T>(schema: z.ZodType<T>) => (value: string) => fromSchema(schema)(value.toUpperCase());
  const fromList = (list: string[]) => (value: string) => (list.includes(value) ? value : undefined);

  /** A parameter that takes one value: the first good one wins, the others are reported. */
  const single = <T>(name: string, accept: (value: string) => T | undefined): T | undefined => {
    const values = pick(name, accept);
    values.slice(1).forEach((value) => ignored.push({ param: name, value: String(value) }));
    return values[0];
  };

  const state = single("status", fromSchema(ZState));
  const page = single("page", fromSchema(ZPage));
  const from = single("from", fromSchema(ZCalendarDate));
  let to = single("to", fromSchema(ZCalendarDate));
  if (from && to && from > to) {
    ignored.push({ param: "to", value: to });
    to = undefined;
  }
  const zone = single("tz", fromEnum(ZZone));

  const filters: IncidentFilters = {
    years: pick("year", fromSchema(ZYear)),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    operators: pick("operator", fromList(known.operators)),
    regions: pick("region", fromList(known.regions)),
    types: pick("type", fromEnum(ZType)),
    services: pick("service", fromEnum(ZService)),
    causes: pick("cause", fromEnum(ZCause)),
    state,
    zone: zone === "UTC" ? "utc" : "local",
    page: page ?? 1,
  };
  // Report ignored values in the order the address gives them.
  const order = Object.keys(params);
  ignored.sort((a, b) => order.indexOf(a.param) - order.indexOf(b.param));
  return { filters, ignored };
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
