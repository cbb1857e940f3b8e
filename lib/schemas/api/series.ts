import { z } from "zod";
import { DATA_SOURCES } from "@/lib/credits/data-credits";
import { DEFAULT_MAX_POINTS, MAX_MAX_POINTS, MIN_MAX_POINTS, SIGNAL_KEYS } from "@/lib/charts/signal-chart";
import { periodInOrder } from "@/lib/schemas/incident-filters";
import { MEASURED_DEFAULT_DAYS, ZAsnsParam, ZNormParam, ZSignalsParam } from "@/lib/schemas/operator-view";
import { urlParam, viewParams } from "@/lib/schemas/url-state";
import { ZApiDate, ZFormat, ZInstant, ZQueryBoolean, ZSlug } from "./common";

/**
 * Query of GET /api/v1/series: the operator page's measured chart, under the page's parameter
 * names (lib/schemas/operator-view.ts), so a page's address and the API's agree. The names the API
 * had first (`signal`, `split`, `normalised`) are still accepted, as deprecated aliases.
 */
export const ZSeriesQuery = viewParams(
  {
    operator: ZSlug.describe("Operator slug (required)."),
    signals: ZSignalsParam.describe("Signals to include, listed with commas or repeated (`signals=ioda.bgp,ooni.anomaly_rate`); default every signal. As on the operator page."),
    from: ZApiDate.optional().describe(`First Kazakhstan day of the period (default: ${MEASURED_DEFAULT_DAYS} days before \`to\`).`),
    to: ZApiDate.optional().describe(`Last Kazakhstan day of the period, inclusive (default: today, or ${MEASURED_DEFAULT_DAYS} days after \`from\` if that is sooner).`),
    max_points: z.coerce
      .number()
      .int()
      .min(MIN_MAX_POINTS)
      .max(MAX_MAX_POINTS)
      .default(DEFAULT_MAX_POINTS)
      .describe(`At most this many buckets per line, ${MIN_MAX_POINTS}–${MAX_MAX_POINTS}.`),
    asns: ZAsnsParam.describe("\"split\": one line per network (ASN); \"combined\" (default): one line per signal, the operator's networks together. As on the operator page."),
    norm: ZNormParam.describe("\"1\": scale every line to its median over the period (1 = usual level); \"0\" (default): values as measured. As on the operator page."),
    signal: urlParam(z.array(z.enum(SIGNAL_KEYS)).default([]).describe("Deprecated alias of `signals` (repeat for several)."), {
      aliasOf: { param: "signals", toCurrent: (signals: string[]) => signals },
    }),
    split: urlParam(ZQueryBoolean.describe("Deprecated alias of `asns`: \"true\" is `asns=split`, \"false\" `asns=combined`."), {
      aliasOf: { param: "asns", toCurrent: (split: boolean) => (split ? "split" : "combined") },
    }),
    normalised: urlParam(ZQueryBoolean.describe("Deprecated alias of `norm`: \"true\" is `norm=1`, \"false\" `norm=0`."), {
      aliasOf: { param: "norm", toCurrent: (normalised: boolean) => (normalised ? "1" : "0") },
    }),
    format: ZFormat,
  },
  [periodInOrder],
);
export type SeriesQuery = z.output<typeof ZSeriesQuery>;

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
