"use client";

import { useLocale } from "next-intl";
import { instantParts, type InstantParts } from "@/lib/time/format";
import { useStaffZone } from "./staff-zone";

const text = (parts: InstantParts) => (parts.time ? `${parts.date}, ${parts.time} ${parts.offset}` : parts.date);

/**
 * An instant on a staff page (a sign-in, a save, an import run), in
 * Kazakhstan time — UTC+6 before 1 March 2024, UTC+5 since — or in UTC when
 * the address says `tz=utc`. The other zone is in the tooltip; `dateTime`
 * holds the exact instant. `seconds` for logs, where the order within a
 * minute matters.
 */
export function StaffTime({ value, seconds = false }: { value: Date | string; seconds?: boolean }) {
  const zone = useStaffZone();
  const locale = useLocale();
  const instant = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return <>{String(value)}</>;
  const shown = instantParts(instant, { locale, zone, precision: "EXACT", seconds });
  const other = instantParts(instant, { locale, zone: zone === "utc" ? "local" : "utc", precision: "EXACT", seconds });
  return (
    <time dateTime={shown.iso} title={text(other)}>
      {text(shown)}
    </time>
  );
}
