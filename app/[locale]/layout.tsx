import type { Metadata } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import { SkipLinks } from "@/components/ui/skip-links";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";
import { pickMessages, publicMessages } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { isEmbedPath } from "@/lib/security/embed-path";

// Pages read the database on every request, and carry a per-request CSP nonce.
export const dynamic = "force-dynamic";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale });
  return {
    title: { default: t("site.name"), template: `%s · ${t("site.name")}` },
    description: t("metadata.description"),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("site");
  // Embeds (app/[locale]/embed/) are framed by other sites: no site chrome. proxy.ts passes the path.
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "";
  // Each embed's frame (components/embed/embed-frame.tsx) hands its client components only their messages;
  // here only the error boundary's (app/[locale]/error.tsx), not the whole catalogue.
  if (isEmbedPath(path)) {
    return (
      <html lang={locale}>
        <body>
          <NextIntlClientProvider messages={pickMessages(publicMessages(locale), ["error"])}>{children}</NextIntlClientProvider>
        </body>
      </html>
    );
  }
  return (
    <html lang={locale}>
      <body>
        {/* Client components get the public catalogues only; the staff pages' own layout adds the console's. */}
        <NextIntlClientProvider messages={publicMessages(locale)}>
          <SkipLinks content={t("skipToContent")} chart={t("skipToChart")} />
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
