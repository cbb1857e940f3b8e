"use client";

import { useSearchParams } from "next/navigation";
import { zoneFromQuery, type ZoneChoice } from "@/lib/time/format";

/**
 * The zone staff pages show times in: Kazakhstan time, or UTC when the
 * address asks for it with `tz=utc` — the public site's convention, so a link
 * keeps the zone it was copied in.
 */
export function useStaffZone(): ZoneChoice {
  // Outside the app router (unit tests render components alone) there are no search parameters.
  const searchParams = useSearchParams() as URLSearchParams | null;
  return zoneFromQuery(searchParams?.get("tz"));
}
