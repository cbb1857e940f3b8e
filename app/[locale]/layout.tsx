import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import { SkipLinks } from "@/components/ui/skip-links";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";
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
  // Each embed's frame (components/embed/embed-frame.tsx) hands its client components only their messages.
  if (isEmbedPath(path)) {
    return (
      <html lang={locale}>
        <body>{children}</body>
      </html>
    );
  }
  return (
    <html lang={locale}>
      <body>
        {/* No catalogue for client components here (decision 0028): public pages hand theirs formatted words,
            the timeline and the map their own messages (components/ui/client-messages.tsx), staff pages the console's. */}
        <SkipLinks content={t("skipToContent")} chart={t("skipToChart")} />
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
