import publicEn from "@/messages/en.json";
import publicRu from "@/messages/ru.json";
import authEn from "@/messages/auth/en.json";
import authRu from "@/messages/auth/ru.json";
import editorEn from "@/messages/editor/en.json";
import editorRu from "@/messages/editor/ru.json";
import importsEn from "@/messages/imports/en.json";
import importsRu from "@/messages/imports/ru.json";
import staffEn from "@/messages/staff/en.json";
import staffRu from "@/messages/staff/ru.json";
import dashboardEn from "@/messages/dashboard/en.json";
import dashboardRu from "@/messages/dashboard/ru.json";
import timelineEn from "@/messages/timeline/en.json";
import timelineRu from "@/messages/timeline/ru.json";
import mapEn from "@/messages/map/en.json";
import mapRu from "@/messages/map/ru.json";
import ispsEn from "@/messages/isps/en.json";
import ispsRu from "@/messages/isps/ru.json";
import apiEn from "@/messages/api/en.json";
import apiRu from "@/messages/api/ru.json";
import feedsEn from "@/messages/feeds/en.json";
import feedsRu from "@/messages/feeds/ru.json";
import embedEn from "@/messages/embed/en.json";
import embedRu from "@/messages/embed/ru.json";
import shareEn from "@/messages/share/en.json";
import shareRu from "@/messages/share/ru.json";
import socialCardsEn from "@/messages/og/en.json";
import socialCardsRu from "@/messages/og/ru.json";
import chartDownloadsEn from "@/messages/downloads/en.json";
import chartDownloadsRu from "@/messages/downloads/ru.json";
import measuresEn from "@/messages/measures/en.json";
import measuresRu from "@/messages/measures/ru.json";
import consoleEn from "@/messages/console/en.json";
import consoleRu from "@/messages/console/ru.json";
import dataEn from "@/messages/data/en.json";
import dataRu from "@/messages/data/ru.json";
import citeEn from "@/messages/cite/en.json";
import citeRu from "@/messages/cite/ru.json";
import errorPageEn from "@/messages/error-page/en.json";
import errorPageRu from "@/messages/error-page/ru.json";

/**
 * All UI messages by locale. Each area keeps its own file under messages/
 * with its own top-level namespaces; they are merged here, and
 * lib/i18n/messages.test.ts checks that no namespace is defined twice and that
 * Russian has every English key.
 */
export const MESSAGE_FILES = {
  en: [publicEn, authEn, editorEn, importsEn, staffEn, dashboardEn, timelineEn, mapEn, ispsEn, feedsEn, apiEn, embedEn, shareEn, socialCardsEn, chartDownloadsEn, measuresEn, consoleEn, dataEn, citeEn, errorPageEn],
  ru: [publicRu, authRu, editorRu, importsRu, staffRu, dashboardRu, timelineRu, mapRu, ispsRu, feedsRu, apiRu, embedRu, shareRu, socialCardsRu, chartDownloadsRu, measuresRu, consoleRu, dataRu, citeRu, errorPageRu],
} as const;

type Messages = typeof publicEn &
  typeof authEn &
  typeof editorEn &
  typeof importsEn &
  typeof staffEn &
  typeof dashboardEn &
  typeof timelineEn &
  typeof mapEn &
  typeof ispsEn &
  typeof feedsEn &
  typeof apiEn &
  typeof embedEn &
  typeof shareEn &
  typeof socialCardsEn &
  typeof chartDownloadsEn &
  typeof measuresEn &
  typeof consoleEn &
  typeof dataEn &
  typeof citeEn &
  typeof errorPageEn;

export const MESSAGES: Record<"en" | "ru", Messages> = {
  en: Object.assign({}, ...MESSAGE_FILES.en),
  ru: Object.assign({}, ...MESSAGE_FILES.ru),
};

/**
 * The staff console's catalogues (sign-in and accounts, the editor, imports,
 * the console's pages). Only staff pages hand them to the browser: public
 * pages never carry the console's words, command lines included
 * (app/[locale]/layout.tsx, app/[locale]/(staff)/layout.tsx).
 */
const STAFF_MESSAGE_FILES = { en: [authEn, editorEn, importsEn, staffEn, consoleEn], ru: [authRu, editorRu, importsRu, staffRu, consoleRu] } as const;

/** The namespaces only staff pages use. */
export const STAFF_NAMESPACES: readonly string[] = [...new Set(STAFF_MESSAGE_FILES.en.flatMap((file) => Object.keys(file)))];

/** The messages a public page gives its client components: every catalogue but the staff console's. */
export function publicMessages(locale: "en" | "ru"): Record<string, unknown> {
  return (PUBLIC_MESSAGES[locale] ??= Object.fromEntries(Object.entries(MESSAGES[locale]).filter(([namespace]) => !STAFF_NAMESPACES.includes(namespace))));
}
/** Made once per language: every public render asks. Shared, so never changed. */
const PUBLIC_MESSAGES: Partial<Record<"en" | "ru", Record<string, unknown>>> = {};

/**
 * Only these parts of a catalogue: each path a namespace ("measures") or a
 * part of one ("ispsView.axis"), kept at the same place. An embed hands its
 * client components just what they say (lib/embed/embed-client-messages.ts),
 * not the whole catalogue. An unknown path is an error, not an empty part.
 */
export function pickMessages(messages: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    let target = picked;
    keys.forEach((key, index) => {
      if (typeof source !== "object" || source === null || !(key in source)) throw new Error(`No messages at "${path}"`);
      source = (source as Record<string, unknown>)[key];
      if (index === keys.length - 1) target[key] = source;
      else target = (target[key] ??= {}) as Record<string, unknown>;
    });
  }
  return picked;
}
