import { EMBED_PARAMS } from "@/lib/schemas/embed";
import { INCIDENT_FILTER_PARAMS } from "@/lib/schemas/incident-filters";
import { TIMELINE_PARAMS } from "@/lib/timeline/timeline-params";

/**
 * The URL parameters each public view reads, declared once. The production
 * server's cache keys hold exactly these (lib/http/public-routes.ts), so an
 * address with anything else added is the same page, not a new render
 * (docs/decisions/0008-cache-trust-model.md). `view-params.test.ts` checks each
 * parser against its list: every name listed changes what it reads, and no
 * other name does.
 *
 * - `filters`: the shared filters (parseIncidentFilters, lib/schemas/incident-filters.ts).
 * - `embed`: an embed's own (parseEmbedParams, lib/schemas/embed.ts).
 * - `timeline`: the visible window (`view=`), and the jump forms' `month=` and
 *   `incident=` (readTimelineParams, lib/timeline/timeline-params.ts).
 * - `embedChart`: the embeds' `chart=`, one chart on its own (lib/embed/embed-charts.ts).
 * - `overviewEmbed`: the overview's embed (its per-year chart), which shows an
 *   error card for any other parameter.
 * - `map`: readMapParams (app/[locale]/(public)/map/read-map-params.ts).
 * - `operators`, `operator`, `operatorsEmbed`: parseOperatorViewParams (components/isps/view-params.ts).
 *   The comparison of all operators reads `by` and `compare` (the measure it
 *   compares); one operator's page reads `by` and its measured chart's
 *   `signals`, `asns` and `norm`; the comparison's embed reads `by` and
 *   `compare` and refuses the measured-chart ones with an error card.
 * - `incident`: an incident's page (`tz`); `incidentEmbed`: its embed, which
 *   shows an error card for any other parameter.
 */
export const VIEW_PARAMS = {
  filters: INCIDENT_FILTER_PARAMS,
  embed: EMBED_PARAMS,
  timeline: TIMELINE_PARAMS,
  embedChart: ["chart"],
  map: ["measure", "month", "selected"],
  operators: ["by", "compare"],
  operator: ["by", "signals", "asns", "norm"],
  operatorsEmbed: ["by", "compare", "signals", "asns", "norm"],
  incident: ["tz"],
  incidentEmbed: ["theme", "tz", "chart"],
  overviewEmbed: ["theme", "chart"],
} as const satisfies Record<string, readonly string[]>;
