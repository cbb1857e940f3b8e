import { ZEmbedChartParams, ZEmbedParams, ZIncidentEmbedParams, ZOverviewEmbedParams } from "@/lib/schemas/embed";
import { ZIncidentFilterParams } from "@/lib/schemas/incident-filters";
import { ZIncidentPageParams } from "@/lib/schemas/incident-view";
import { ZMapParams } from "@/lib/schemas/map-view";
import { ZOperatorParams, ZOperatorsEmbedParams, ZOperatorsParams } from "@/lib/schemas/operator-view";
import { ZTimelineParams } from "@/lib/schemas/timeline-view";
import { paramsOf } from "@/lib/schemas/url-state";

/**
 * Every public view's URL parameters, as the zod schemas the views read them with
 * (lib/schemas/url-state.ts). The production server's cache keys hold exactly these
 * (lib/http/public-routes.ts), so an address with anything else added is the same
 * page, not a new render (docs/decisions/0008-cache-trust-model.md).
 *
 * - `filters`: the shared filters (parseIncidentFilters, lib/schemas/incident-filters.ts).
 * - `embed`: an embed's own `theme` and `last` (parseEmbedParams, lib/schemas/embed.ts).
 * - `timeline`: the visible window (`view=`), and the jump forms' `month=` and
 *   `incident=` (readTimelineParams, lib/timeline/timeline-params.ts).
 * - `embedChart`: the embeds' `chart=`, one chart on its own (lib/embed/embed-charts.ts).
 * - `overviewEmbed`: the overview's embed (its per-year chart), which shows an
 *   error card for any other parameter.
 * - `map`: readMapParams (app/[locale]/(public)/map/read-map-params.ts).
 * - `operators`, `operator`, `operatorsEmbed` (lib/schemas/operator-view.ts): the comparison
 *   of all operators reads `by` and `compare` (the measure it compares); one operator's page
 *   reads `by` and its measured chart's `signals`, `asns` and `norm`; the comparison's embed
 *   reads `by` and `compare` and refuses the measured-chart ones with an error card.
 * - `incident`: an incident's page (`tz`); `incidentEmbed`: its embed, which
 *   shows an error card for any other parameter.
 */
export const VIEW_SCHEMAS = {
  filters: ZIncidentFilterParams,
  embed: ZEmbedParams,
  timeline: ZTimelineParams,
  embedChart: ZEmbedChartParams,
  map: ZMapParams,
  operators: ZOperatorsParams,
  operator: ZOperatorParams,
  operatorsEmbed: ZOperatorsEmbedParams,
  incident: ZIncidentPageParams,
  incidentEmbed: ZIncidentEmbedParams,
  overviewEmbed: ZOverviewEmbedParams,
};

type ViewName = keyof typeof VIEW_SCHEMAS;

/** The parameter names of each view, derived from its schema. */
export const VIEW_PARAMS = Object.fromEntries(Object.entries(VIEW_SCHEMAS).map(([view, schema]) => [view, paramsOf(schema)])) as unknown as {
  readonly [V in ViewName]: readonly (keyof (typeof VIEW_SCHEMAS)[V]["shape"] & string)[];
};
