import type { Translations } from "@/lib/schemas/incident";

type TranslatableField = keyof NonNullable<Translations["ru"]>;

/**
 * A record's free text in the reader's language: the translation when there is
 * one, otherwise the original (English) text.
 */
export function localized<F extends TranslatableField>(
  record: { translations: unknown } & Partial<Record<F, string | null>>,
  field: F,
  locale: string,
): string | null {
  const translations = (record.translations ?? {}) as Record<string, Partial<Record<TranslatableField, string>> | undefined>;
  const translated = locale === "en" ? undefined : translations[locale]?.[field];
  return translated ?? record[field] ?? null;
}

/** True when the text shown is a fallback to English for a non-English reader. */
export function isUntranslated(record: { translations: unknown }, field: TranslatableField, locale: string): boolean {
  if (locale === "en") return false;
  const translations = (record.translations ?? {}) as Record<string, Partial<Record<TranslatableField, string>> | undefined>;
  return !translations[locale]?.[field];
}
