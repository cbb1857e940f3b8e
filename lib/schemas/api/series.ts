import { z } from "zod";
import { DATA_SOURCES } from "@/lib/credits/data-credits";
import { DEFAULT_MAX_POINTS, MAX_MAX_POINTS, MIN_MAX_POINTS, SIGNAL_KEYS } from "@/lib/charts/signal-chart";
import { ZApiDate, ZFormat, ZInstant, ZQueryBoolean, ZSlug } from "./common";

/** Query of GET /api/v1/series: the same parameters as the operator page's measured-signal chart. */
export const ZSeriesQuery = z.strictObject({
  operator: ZSlug.describe("Operator slug (required)."),
  signal: z.array(z.enum(SIGNAL_KEYS)).default([]).describe("Signals to include (repeat for several); default every signal."),
  from: ZApiDate.optional().describe("First Kazakhstan day of the period (default: 90 days before `to`)."),
  to: ZApiDate.optional().describe("Last Kazakhstan day of the period, inclusive (default: today)."),
  max_points: z.coerce
    .number()
    .int()
    .min(MIN_MAX_POINTS)
    .max(MAX_MAX_POINTS)
    .default(DEFAULT_MAX_POINTS)
    .describe(`At most this many buckets per line, ${MIN_MAX_POINTS}–${MAX_MAX_POINTS}.`),
  split: ZQueryBoolean.describe("\"true\": one line per network (ASN) instead of one per signal."),
  normalised: ZQueryBoolean.describe("\"true\": scale every line to its median over the period (1 = usual level)."),
  format: ZFormat,
});
export type SeriesQuery = z.output<typeof ZSeriesQuery>;
export const SERIES_ARRAY_PARAMS = ["signal"] as const;

export const ZSeries = z
  .object({
    operator: z.string(),
    from: ZInstant.describe("Start of the period (inclusive)."),
    to: ZInstant.describe("End of the period (exclusive)."),
    bucket_seconds: z.number().int().describe("Width of each bucket."),
    normalised: z.boolean(),
    lines: z.array(
      z.object({
        signal: z.enum(SIGNAL_KEYS),
        asn: z.number().int().nullable().describe("The network, or null for the operator's networks combined."),
        unit: z.string().nullable(),
        median: z.number().nullable().optional().describe("Only when normalised: the median the values were divided by."),
        example: z.boolean().describe("True when the line rests on invented example data (the demonstration files the tracker ships), not on measurements."),
        points: z.array(
          z.object({ at: ZInstant.describe("Start of the bucket."), value: z.number().nullable().describe("Null: no measurement (a gap, not a zero).") }),
        ),
      }),
    ),
    missing: z.array(z.enum(SIGNAL_KEYS)).describe("Signals asked for that have no data for these networks in the period."),
    credits: z
      .array(
        z.object({
          source: z.enum(DATA_SOURCES).describe("The feed the values come from."),
          licence: z.string().describe("Its publisher's licence or terms, e.g. \"CC BY-NC-SA 4.0\" (OONI)."),
          licence_url: z.string().describe("The licence's text, or the publisher's page for terms that are not an open licence."),
        }),
      )
      .describe("Whom to credit for these values, and under which terms: exactly the feeds of the lines that hold a value. Measured data keeps its publishers' terms; the tracker's own records are CC BY 4.0."),
    example: z.boolean().describe("True when any line (or an outage event the operator page draws with them) is invented example data, not measurements."),
    notice: z
      .string()
      .nullable()
      .describe("When `example` is true: \"Example data — invented: …\", to be shown with any use of these values; null otherwise."),
  })
  .meta({ id: "Series", description: "One operator's measured signals, downsampled on the server." });
export type ApiSeries = z.infer<typeof ZSeries>;
