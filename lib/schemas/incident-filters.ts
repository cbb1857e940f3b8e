import { z } from "zod";
import { AffectedService, DisruptionType } from "@/lib/generated/prisma/enums";

/**
 * The incident list's filters, read from the URL. A value that does not parse
 * (or names an unknown operator or region) is ignored and reported, so a bad
 * link still shows a page with a notice instead of an error.
 */
export const INCIDENT_STATE_FILTERS = ["ongoing", "ended"] as const;
export type IncidentStateFilter = (typeof INCIDENT_STATE_FILTERS)[number];

export type IncidentFilters = {
  years: number[];
  operators: string[];
  regions: string[];
  types: DisruptionType[];
  services: AffectedService[];
  state?: IncidentStateFilter;
  page: number;
};

export type IgnoredFilterValue = { param: string; value: string };

const ZYear = z.coerce.number().int().min(1990).max(2100);
const ZPage = z.coerce.number().int().min(1).max(10_000);
const ZType = z.enum(DisruptionType);
const ZService = z.enum(AffectedService);
const ZState = z.enum(INCIDENT_STATE_FILTERS);

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

  const states = pick("status", fromSchema(ZState));
  const pages = pick("page", fromSchema(ZPage));
  if (states.length > 1) states.slice(1).forEach((value) => ignored.push({ param: "status", value }));
  if (pages.length > 1) pages.slice(1).forEach((value) => ignored.push({ param: "page", value: String(value) }));

  const filters: IncidentFilters = {
    years: pick("year", fromSchema(ZYear)),
    operators: pick("operator", fromList(known.operators)),
    regions: pick("region", fromList(known.regions)),
    types: pick("type", fromEnum(ZType)),
    services: pick("service", fromEnum(ZService)),
    state: states[0],
    page: pages[0] ?? 1,
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
  if (filters.operators?.length) query.operator = filters.operators;
  if (filters.regions?.length) query.region = filters.regions;
  if (filters.types?.length) query.type = filters.types;
  if (filters.services?.length) query.service = filters.services;
  if (filters.state) query.status = filters.state;
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
    filters.years.length + filters.operators.length + filters.regions.length + filters.types.length + filters.services.length > 0 ||
    filters.state !== undefined
  );
}
