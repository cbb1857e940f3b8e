import { z } from "zod";
import { parseMonthKey } from "@/lib/timeline/calendar";
import { parseWindowParam } from "@/lib/timeline/view-window";
import { urlParam, viewParams } from "@/lib/schemas/url-state";

/**
 * The timeline's own URL parameters (besides the shared filters), each taken only when given once:
 * - `view=2022-01-04T00:00Z~2022-01-12T00:00Z`: the visible window, in UTC to the minute;
 * - `month=2022-01`: show that calendar month (of the chosen zone), as "jump to a month" asks;
 * - `incident=<slug>`: select that incident (highlighted; the presets show its period).
 * Which months and incidents a reader allows depends on what the timeline shows (lib/timeline/timeline-params.ts).
 */
export const ZTimelineParams = viewParams({
  view: urlParam(z.string().refine((value) => parseWindowParam(value) !== undefined, "not a window").optional(), { repeat: "once" }),
  month: urlParam(z.string().refine((value) => parseMonthKey(value) !== undefined, "not a month").optional(), { repeat: "once" }),
  incident: urlParam(z.string().optional(), { repeat: "once" }),
});
