import { defineRouting } from "next-intl/routing";

/**
 * English at "/", Russian at "/ru/…". The URL alone decides the language (no
 * Accept-Language redirects and no locale cookie), so a shared or cited link
 * always shows the same page, and shared caches may keep it.
 */
export const routing = defineRouting({
  locales: ["en", "ru"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];
