import { NextIntlClientProvider } from "next-intl";
import { hasLocale } from "next-intl";
import type { ReactNode } from "react";
import { MESSAGES } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/**
 * Staff pages: their client components (the editor, imports, accounts) get
 * every catalogue, the console's included. Public pages hand theirs no
 * catalogue (their words come formatted; the timeline and the map get their
 * own few namespaces: decision 0028), so no console text reaches them.
 */
export default async function StaffLayout({ children, params }: Props) {
  const { locale } = await params;
  const messages = MESSAGES[hasLocale(routing.locales, locale) ? locale : routing.defaultLocale];
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
