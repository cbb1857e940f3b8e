import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_MESSAGES, type ClientMessagesView } from "@/lib/i18n/client-messages";
import { pickMessages, publicMessages } from "@/lib/i18n/messages";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";

/**
 * Hands the timeline's or the map's client components the messages they translate with (and only
 * those: lib/i18n/client-messages.ts). Other pages render no such component and carry no catalogue.
 */
export async function ClientMessages({ view, children }: { view: ClientMessagesView; children: ReactNode }) {
  const locale = (await getLocale()) === "ru" ? "ru" : "en";
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(publicMessages(locale), CLIENT_MESSAGES[view]) as AbstractIntlMessages} timeZone={KAZAKHSTAN_TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}
