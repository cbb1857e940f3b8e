import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { describePath, type PathSegment } from "@/lib/incidents/diff-paths";
import type { EnumName } from "@/lib/schemas/incident";

/**
 * Translated names for incident fields and enum values, shared by the editor,
 * its error summary and the change list (history and conflict view). No
 * "use client": usable from server and client components alike.
 */

/** Enums the public catalogue ("enums") does not label; they live in "IncidentFields". */
const EDITOR_ONLY_ENUMS: ReadonlySet<EnumName> = new Set(["TimePrecision", "StatementParty"]);

/**
 * (enum, value) → its label, e.g. ("DisruptionType", "FULL_BLACKOUT") → "Full blackout".
 * Labels come from the public "enums" catalogue, the staff console's
 * "IncidentStatus" and this area's "IncidentFields". Unknown values are shown as they are.
 */
export function useEnumLabel(): (enumName: EnumName, value: string) => string {
  const publicEnums = useTranslations("enums");
  const statuses = useTranslations("IncidentStatus");
  const fields = useTranslations("IncidentFields");
  return useCallback(
    (enumName: EnumName, value: string) => {
      if (enumName === "IncidentStatus") return statuses.has(value) ? statuses(value) : value;
      const key = `${enumName}.${value}`;
      const catalogue = EDITOR_ONLY_ENUMS.has(enumName) ? fields : publicEnums;
      return catalogue.has(key) ? catalogue(key) : value;
    },
    [fields, publicEnums, statuses],
  );
}

/** The name of one record field, e.g. ("phase", "endsAt") → "End". */
export function useRecordFieldLabel(): (record: string, field: string) => string {
  const t = useTranslations("IncidentFields");
  return useCallback((record: string, field: string) => (t.has(`${record}.${field}`) ? t(`${record}.${field}`) : field), [t]);
}

/** A field's label for its translation: ("Title", "ru") → "Title (Russian)". */
export function useInLanguageLabel(): (label: string, locale: string) => string {
  const t = useTranslations("IncidentFields");
  return useCallback((label: string, locale: string) => (t.has(`inLanguage.${locale}`) ? t(`inLanguage.${locale}`, { field: label }) : `${label} (${locale})`), [t]);
}

/** A snapshot path as a reader's label: "phases.1.endsAt" → "Phase 2 › End", "translations.ru.title" → "Title (Russian)". */
export function useFieldPathLabel(): (path: string) => string {
  const t = useTranslations("IncidentFields");
  const fieldLabel = useRecordFieldLabel();
  return useCallback(
    (path: string) => {
      const segmentLabel = (segment: PathSegment): string => {
        switch (segment.kind) {
          case "field":
            return fieldLabel(segment.record, segment.field);
          case "item":
            return t(`items.${segment.list}`, { number: segment.index + 1 });
          case "translation": {
            const field = t.has(`translationField.${segment.field}`) ? t(`translationField.${segment.field}`) : segment.field;
            return t.has(`inLanguage.${segment.locale}`) ? t(`inLanguage.${segment.locale}`, { field }) : `${field} (${segment.locale})`;
          }
          default:
            return segment.text;
        }
      };
      const { segments } = describePath(path);
      return segments.length === 0 ? t("wholeRecord") : segments.map(segmentLabel).join(" › ");
    },
    [t, fieldLabel],
  );
}
