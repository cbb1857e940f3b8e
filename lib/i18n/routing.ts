import { defineRouting } from "next-intl/routing";

/**
 * English at "/", Russian at "/ru/…". The URL alone decides the language (no
 * Accept-Language redirects), so a shared or cited link always shows the same page.
 */
export const routing = defineRouting({
  locales: ["en", "ru"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];
