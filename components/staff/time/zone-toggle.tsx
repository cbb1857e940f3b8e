"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { zoneFromQuery } from "@/lib/time/format";

/**
 * "Times are in Kazakhstan time · Show in UTC" under the console's navigation.
 * A plain link to the same address with `tz=utc` added or removed (other
 * parameters kept), so it works without JavaScript and can be shared.
 */
export function ZoneToggle() {
  const t = useTranslations("StaffTime");
  const time = useTranslations("time");
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const zone = zoneFromQuery(searchParams.get("tz"));
  // The preview renders the public page, which has this switch of its own.
  if (pathname.endsWith("/preview")) return null;
  const query: Record<string, string[]> = {};
  for (const [key, value] of searchParams.entries()) if (key !== "tz") (query[key] ??= []).push(value);
  if (zone === "local") query.tz = ["utc"];
  return (
    <p className="zone-toggle staff-zone-toggle">
      {t(zone)}{" "}
      <Link href={{ pathname, query }} scroll={false}>
        {zone === "utc" ? time("showLocal") : time("showUtc")}
      </Link>
    </p>
  );
}
