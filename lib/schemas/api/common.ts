import { z } from "zod";
import { ZCalendarDate } from "@/lib/schemas/incident-filters";

/**
 * Pieces every /api/v1 schema shares. These zod schemas both validate the
 * requests and generate the OpenAPI document (lib/api/openapi.ts), so the
 * `.describe()` text here is the public reference.
 */

export const ZSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug (lowercase letters, digits and hyphens)");

export const ZApiDate = ZCalendarDate.meta({
  description: "A Kazakhstan calendar date (UTC+5), YYYY-MM-DD.",
  examples: ["2022-01-05"],
});

export const ZFormat = z.enum(["json", "csv"]).default("json").describe("Response format: JSON (default) or CSV.");

export const ZLang = z
  .enum(["en", "ru"])
  .default("en")
  .describe("Language of the record's own text (titles, summaries, phase labels, notes, legal basis, publishers) and names: English (default) or Russian. Missing translations fall back to English; source titles and quotes stay as published.");

/** "true"/"false" in a query string. */
export const ZQueryBoolean = z
  .enum(["true", "false"])
  .default("false")
  .transform((value) => value === "true");

/** An instant as ISO 8601 in UTC. */
export const ZInstant = z.iso.datetime().meta({ examples: ["2022-01-05T10:30:00.000Z"] });

/** RFC 9457 problem details, with the offending query parameters named. */
export const ZProblem = z
  .object({
    type: z.string().describe("A URI naming the kind of problem; \"about:blank\" when the status says it all."),
    title: z.string().describe("Short summary of the problem kind."),
    status: z.number().int().describe("The HTTP status code."),
    detail: z.string().describe("What went wrong with this request."),
    invalid_params: z
      .array(z.object({ name: z.string().describe("The query or path parameter."), reason: z.string().describe("Why its value was refused.") }))
      .optional()
      .describe("Present on 400: each parameter that was refused."),
  })
  .meta({ id: "Problem", description: "An error, as application/problem+json (RFC 9457)." });
export type Problem = z.infer<typeof ZProblem>;
