import { z } from "zod";
import { MAP_MEASURES } from "@/lib/geo/map-model";
import { viewParams } from "@/lib/schemas/url-state";

/**
 * The map's own URL parameters, beside the shared filters: `measure` (count, or one of the
 * three measures of hours: full_blackout, partial_disruption, service_blocking), `month`
 * (YYYY-MM, one of the period's months) and `selected` (a region slug). The months and
 * regions a reader allows come from the map it draws (app/[locale]/(public)/map/read-map-params.ts).
 */
export const ZMapParams = viewParams({
  measure: z.enum(MAP_MEASURES).default("count"),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  selected: z.string().optional(),
});
export type MapViewParams = z.output<typeof ZMapParams>;
