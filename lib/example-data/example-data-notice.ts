import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * "Example data — invented: …" in a language, for answers made outside a
 * page (the API, downloads built on the server): the same words as the pages'
 * banner (messages/cite, namespace exampleData).
 */
export function exampleDataNotice(locale: "en" | "ru"): string {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "exampleData" })("notice");
}
