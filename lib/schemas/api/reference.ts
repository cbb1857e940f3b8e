import { z } from "zod";
import { viewParams } from "@/lib/schemas/url-state";
import { ZFormat } from "./common";

export const ZReferenceListQuery = viewParams({ format: ZFormat });

export const ZOperator = z
  .object({
    slug: z.string(),
    name: z.string(),
    legal_entity: z.string(),
    asns: z.array(z.number().int()).describe("Autonomous system numbers attributed to the operator."),
  })
  .meta({ id: "Operator" });
export type ApiOperator = z.infer<typeof ZOperator>;
export const ZOperatorList = z.object({ data: z.array(ZOperator) }).meta({ id: "OperatorList", description: "Every operator, A–Z." });

const ZNames = z.object({ en: z.string(), ru: z.string(), kk: z.string() });

export const ZRegion = z
  .object({
    slug: z.string(),
    code: z.string().describe("ISO 3166-2 code, or a project-local code when none exists."),
    kind: z.enum(["REGION", "CITY"]).describe("A region (oblys) or a city of republican significance."),
    names: ZNames,
    centre: z.object({ names: ZNames, lat: z.number(), lon: z.number() }).describe("The administrative centre."),
    parent: z.string().nullable().describe("Slug of the unit this one was carved out of, if any."),
    established_on: z.iso.date().nullable().describe("Set for units formed recently (YYYY-MM-DD)."),
  })
  .meta({ id: "Region" });
export type ApiRegion = z.infer<typeof ZRegion>;
export const ZRegionList = z.object({ data: z.array(ZRegion) }).meta({ id: "RegionList", description: "Every first-level unit, by code." });
