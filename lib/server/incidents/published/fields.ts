import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localized } from "@/lib/i18n/localize";

/*
 * The parts every reader's shape of a published incident is made of: for each,
 * the columns to select and the function that turns them into what readers
 * see. The list, the API, the dashboard, the feeds and the detail page build
 * their selects and results from these, so a column is read and shown one way.
 */

/** An operator or a region as readers see it: its slug and its name. */
export type Named = { slug: string; name: string };

/** Slug, title and summary (title and summary in the reader's language: `textOf`). */
export const TEXT_FIELDS = { slug: true, title: true, summary: true, translations: true } as const satisfies Prisma.IncidentSelect;

export function textOf(row: Prisma.IncidentGetPayload<{ select: typeof TEXT_FIELDS }>, locale: string) {
  return { slug: row.slug, title: localized(row, "title", locale)!, summary: localized(row, "summary", locale)! };
}
export type IncidentText = ReturnType<typeof textOf>;

/** What is known about the end (decision 0013): the recorded end, or ONGOING with the day staff last checked, or NOT_RECORDED with the last day a source reports it. */
export const END_FIELDS = { endsAt: true, endPrecision: true, endStatus: true, lastCheckedOn: true, lastReportedOn: true } as const satisfies Prisma.IncidentSelect;

export function endOf(row: Prisma.IncidentGetPayload<{ select: typeof END_FIELDS }>) {
  return { endsAt: row.endsAt, endPrecision: row.endPrecision, endStatus: row.endStatus, lastCheckedOn: row.lastCheckedOn, lastReportedOn: row.lastReportedOn };
}
export type IncidentEnd = ReturnType<typeof endOf>;

/** The start and what is known about the end. */
export const PERIOD_FIELDS = { startsAt: true, startPrecision: true, ...END_FIELDS } as const satisfies Prisma.IncidentSelect;

export function periodOf(row: Prisma.IncidentGetPayload<{ select: typeof PERIOD_FIELDS }>) {
  return { startsAt: row.startsAt, startPrecision: row.startPrecision, ...endOf(row) };
}
export type IncidentPeriod = ReturnType<typeof periodOf>;

/** The phases' types, in order (`typesOf`). */
export const PHASE_TYPE_FIELDS = { phases: { select: { type: true }, orderBy: { position: "asc" } } } as const satisfies Prisma.IncidentSelect;

/** The incident's type plus every phase type, without repeats. */
export function typesOf(row: Prisma.IncidentGetPayload<{ select: { type: true } & typeof PHASE_TYPE_FIELDS }>) {
  return [...new Set([row.type, ...row.phases.map((phase) => phase.type)])];
}

/** What a phase is and when it ran, with its label in the reader's language (`phaseOf`); who and where are each reader's own. */
export const PHASE_FIELDS = {
  label: true,
  translations: true,
  type: true,
  extent: true,
  startsAt: true,
  startPrecision: true,
  endsAt: true,
  endPrecision: true,
  endStatus: true,
  lastReportedOn: true,
  allOperators: true,
  services: true,
} as const satisfies Prisma.PhaseSelect;

export function phaseOf(phase: Prisma.PhaseGetPayload<{ select: typeof PHASE_FIELDS }>, locale: string) {
  return {
    label: localized(phase, "label", locale)!,
    type: phase.type,
    extent: phase.extent,
    startsAt: phase.startsAt,
    startPrecision: phase.startPrecision,
    endsAt: phase.endsAt,
    endPrecision: phase.endPrecision,
    endStatus: phase.endStatus,
    lastReportedOn: phase.lastReportedOn,
    allOperators: phase.allOperators,
    services: phase.services,
  };
}

/** A region's name in the reader's language (the model holds English and Russian). */
export function regionName(region: { slug: string; nameEn: string; nameRu: string }, locale: string): Named {
  return { slug: region.slug, name: locale === "ru" ? region.nameRu : region.nameEn };
}

/** Regions in the alphabetical order of the names readers see. */
export function regionsByName(locale: string) {
  return { region: locale === "ru" ? { nameRu: "asc" as const } : { nameEn: "asc" as const } };
}
