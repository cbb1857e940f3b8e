import type { FieldIssues } from "@/lib/errors";
import type { TimePrecision } from "@/lib/generated/prisma/enums";
import { incidentIssue, type IncidentIssue } from "@/lib/schemas/incident";
import { almatyLocalDayStart, parseAlmatyLocal } from "@/lib/time/almaty-local";

/**
 * Reads what the editor's inputs hold (strings, keys) as the shared schema
 * wants it (instants, numbers, indexes), and notes what it cannot read as
 * issue codes at the field's path. An unreadable value is passed on as typed,
 * so the schema refuses it too. Pure.
 */

/** "2022-01-05": a date without a time, how the editor holds a value known only to the day. */
export const isLocalDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value.trim());

const blankToUndefined = (value: string): string | undefined => (value.trim() === "" ? undefined : value);

export class FormReader {
  readonly issues: FieldIssues = {};

  private report(path: string, code: IncidentIssue) {
    (this.issues[path] ??= []).push(incidentIssue(code));
  }

  text(value: string): string | undefined {
    return blankToUndefined(value);
  }

  choice<T extends string>(value: T | ""): T | undefined {
    return value === "" ? undefined : value;
  }

  /**
   * Kazakhstan wall-clock time → ISO instant in UTC. A DAY-precision value is
   * kept at the start of its day in Kazakhstan.
   */
  instant(value: string, precision: TimePrecision | "", path: string): string | undefined {
    if (value.trim() === "") return undefined;
    if (isLocalDate(value) && (precision === "EXACT" || precision === "HOUR")) {
      this.report(path, "date_without_time");
      return value;
    }
    if (precision === "DAY" || isLocalDate(value)) {
      const dayStart = almatyLocalDayStart(value);
      if (dayStart) return dayStart.toISOString();
    }
    const parsed = parseAlmatyLocal(value);
    if (parsed.ok) return parsed.instant.toISOString();
    this.report(path, parsed.reason === "skipped" ? "skipped_date_time" : "invalid_date_time");
    return value;
  }

  amount(value: string, path: string): number | undefined {
    const compact = value.replace(/[\s,_\u00a0\u202f]/g, "");
    if (compact === "") return undefined;
    if (/^\d+$/.test(compact)) return Number(compact);
    this.report(path, "invalid_amount");
    return Number.NaN;
  }

  /** An item key → its index; a key no item has is reported with `removed`. */
  reference(key: string, items: readonly { key: string }[], path: string, removed: IncidentIssue): number | undefined {
    if (key === "") return undefined;
    const index = items.findIndex((item) => item.key === key);
    if (index !== -1) return index;
    this.report(path, removed);
    return -1;
  }

  references(keys: readonly string[], items: readonly { key: string }[], path: string, removed: IncidentIssue): number[] {
    const indexes: number[] = [];
    for (const key of keys) {
      const index = items.findIndex((item) => item.key === key);
      if (index === -1) this.report(path, removed);
      else indexes.push(index);
    }
    return indexes;
  }

  /** Translated texts, without the empty ones; a locale with none is left out. */
  translations(value: Record<string, Record<string, string | undefined>>): Record<string, Record<string, string>> {
    const translations: Record<string, Record<string, string>> = {};
    for (const [locale, texts] of Object.entries(value)) {
      const kept = Object.fromEntries(Object.entries(texts).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ""));
      if (Object.keys(kept).length > 0) translations[locale] = kept;
    }
    return translations;
  }
}
