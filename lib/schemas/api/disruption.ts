import { z } from "zod";
import { EndStatus } from "@/lib/generated/prisma/enums";
import { MEASURES } from "@/lib/incidents/disruption-hours";
import { periodInOrder } from "@/lib/schemas/incident-filters";
import { viewParams } from "@/lib/schemas/url-state";
import { ZApiDate, ZFormat, ZInstant, ZLang, ZSlug } from "./common";

/** One measure's hours, and how many of them rest on an open end or come and go. */
export const ZFigure = z
  .object({
    hours: z.number().describe("Hours counted, to a tenth of an hour; overlapping phases count once."),
    to_last_report_hours: z.number().describe("Of them: counted to the last day a source reports a phase whose end is not recorded (an open end)."),
    to_now_hours: z.number().describe("Of them: counted to now, from phases staff say are ongoing (an open end)."),
    on_and_off_hours: z.number().describe("Of them: hours in which every phase counted was on and off (the whole window counts)."),
  })
  .meta({ id: "Figure" });

export const ZMeasureFigures = z
  .object(Object.fromEntries(MEASURES.map((measure) => [measure, ZFigure])) as Record<(typeof MEASURES)[number], typeof ZFigure>)
  .meta({ id: "MeasureFigures", description: "Hours of each measure, never added together." });

/** Query of GET /api/v1/disruption. */
export const ZDisruptionQuery = viewParams(
  {
  operator: ZSlug.optional().describe("Operator slug: its figures (give this or `region`, not both)."),
  region: ZSlug.optional().describe("Region slug: its figures (give this or `operator`, not both)."),
  from: ZApiDate.optional().describe("First Kazakhstan day of the period (default: 1 January of the first year with an incident)."),
  to: ZApiDate.optional().describe("Last Kazakhstan day of the period, inclusive (default: today)."),
  by: z.enum(["month", "year"]).optional().describe("Kazakhstan calendar months or years (default: months for periods up to three years, else years)."),
  lang: ZLang,
  format: ZFormat,
  },
  [
    periodInOrder,
    (query) => (query.operator !== undefined && query.region !== undefined ? { param: "region", reason: "give operator or region, not both" } : null),
    (query) => (query.operator === undefined && query.region === undefined ? { param: "operator", reason: "give operator or region" } : null),
  ],
);
export type DisruptionQuery = z.output<typeof ZDisruptionQuery>;

const ZPhaseRef = {
  incident: z.string().describe("The incident's slug."),
  phase: z.number().int().describe("The phase's number in the incident (1-based)."),
  label: z.string(),
  measure: z.enum(MEASURES),
};

export const ZDisruption = z
  .object({
    entity: z.object({ kind: z.enum(["operator", "region"]), slug: z.string(), name: z.string() }),
    from: ZInstant.describe("Start of the period (inclusive)."),
    to: ZInstant.describe("End of the period (exclusive)."),
    by: z.enum(["month", "year"]),
    time_zone: z.literal("Asia/Almaty").describe("The calendar of the periods: Kazakhstan time (UTC+6 until 1 March 2024, UTC+5 since)."),
    counted_from: ZInstant.describe("Where counting starts: `from`, or later for a region formed during the period."),
    measures: z.array(
      z.object({
        key: z.enum(MEASURES).describe("full_blackout, partial_disruption or service_blocking."),
        name: z.string().describe("The measure's name, in `lang`."),
        counts: z.string().describe("What the measure counts, in one sentence, in `lang`."),
        stacks_with: z.array(z.enum(MEASURES)).describe("Measures it may be stacked with (together: hours with any network disruption); never summed into one blackout figure."),
        total: ZFigure,
        periods: z.array(ZFigure.extend({ period: z.string().describe("YYYY-MM or YYYY."), from: ZInstant, to: ZInstant })),
      }),
    ),
    open_ends: z
      .array(
        z.object({
          ...ZPhaseRef,
          end_status: z.enum([EndStatus.ONGOING, EndStatus.NOT_RECORDED]),
          last_checked_on: z.iso.date().nullable().describe("ONGOING: the day staff last checked."),
          last_reported_on: z.iso.date().nullable().describe("NOT_RECORDED: the last day a source reports it."),
          counted_until: ZInstant.nullable().describe("Where it is counted to; null when it is not counted at all."),
        }),
      )
      .describe("Phases counted here whose end is not recorded: each is marked in the charts, tables and downloads."),
    inferred: z
      .array(z.object(ZPhaseRef))
      .describe("Operators only: phases counted because they are marked as affecting all of the incident's operators (inferred attributions)."),
    rules: z.string().describe("How ends, attribution and regions are counted, in `lang`."),
  })
  .meta({ id: "Disruption", description: "An operator's or a region's hours per period, one measure at a time, with the open ends and inferred attributions behind them." });
export type ApiDisruption = z.infer<typeof ZDisruption>;
