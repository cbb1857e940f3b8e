import { viewParams } from "@/lib/schemas/url-state";
import { ZTimeZoneParam } from "@/lib/schemas/incident-filters";

/** An incident's page reads one parameter: `tz=utc` shows its times in UTC (Kazakhstan time by default). */
export const ZIncidentPageParams = viewParams({ tz: ZTimeZoneParam });
