import { z } from "zod";
import { lastReplacesPeriod, ZRollingDaysParam } from "@/lib/schemas/embed";
import { periodInOrder, ZIncidentFilterParams } from "@/lib/schemas/incident-filters";
import { paramsOf, viewParams } from "@/lib/schemas/url-state";

/**
 * The social cards' parameters (GET /api/og/…), read strictly: any other parameter or a bad value
 * is a 400. Every card takes `locale` (en by default). A card of a filtered view (the dashboard views,
 * an operator) also takes the shared filters, except the list's `page`, and an embed's rolling `last`.
 */
export const ZCardLocaleParams = viewParams({ locale: z.enum(["en", "ru"]).default("en") });

const CARD_FILTERS = ZIncidentFilterParams.omit({ page: true }).shape;

/** The filters of a filtered view's card (its `locale` apart). */
export const ZCardFilterParams = viewParams({ ...CARD_FILTERS, last: ZRollingDaysParam }, [periodInOrder, lastReplacesPeriod]);

/** A card that draws no filtered figures (the overview, the API's page, an incident) takes nothing but its locale. */
export const ZCardNoFilterParams = viewParams({});

/** Every parameter a card reads, in the order its address writes them: the cache keys of /api/og/… (lib/http/public-routes.ts). */
export const CARD_PARAMS = [...paramsOf(ZCardFilterParams), ...paramsOf(ZCardLocaleParams)];
