import { createHash } from "node:crypto";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import { isNationwideArea } from "./classify";
import type { StopRecord } from "./record";
import { comparable, isoDay } from "./values";

/**
 * A STOP row's identity across re-imports: country, start date, area and
 * type, normalised so spelling noise does not make a new key.
 *
 * - country: lower case, single spaces ("Kazakhstan " → "kazakhstan");
 * - start date: ISO ("1/4/2022" → "2022-01-04");
 * - area: "nationwide" for the whole country (or a blank cell); otherwise
 *   its items compared without case or punctuation, sorted
 *   ("Nur-Sultan, Almaty" → "almaty+nur sultan");
 * - type: the tracker's DisruptionType the row maps to, so the 2019 and
 *   2022 spellings of the same kind of event give the same key.
 *
 * Example: "kazakhstan|2022-01-04|nationwide|FULL_BLACKOUT".
 */
export function stopNaturalKey(record: StopRecord, type: DisruptionType): string {
  const country = comparable(record.country);
  const area = isNationwideArea(record.areaName)
    ? "nationwide"
    : [
        ...new Set(
          record.areaName
            .split(/[,;/&\n]|\s+and\s+/i)
            .map(comparable)
            .filter((item) => item !== ""),
        ),
      ]
        .sort()
        .join("+");
  return [country, isoDay(record.startDate), area, type].join("|");
}

/** JSON with object keys sorted, so the same content always gives the same text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of the normalised row (every field of StopRecord). It tells a
 * replayed row (same hash: a duplicate) from a corrected one (new hash: a
 * proposed update). Whitespace, header spelling and sheet layout do not
 * change it; any change of content does.
 */
export function stopRowHash(record: StopRecord): string {
  return createHash("sha256").update(stableJson(record)).digest("hex");
}
