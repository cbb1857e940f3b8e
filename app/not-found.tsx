import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { routing } from "@/lib/i18n/routing";

// For requests outside any locale (e.g. a mistyped file name); shown in the default language.
export default async function RootNotFound() {
  const t = await getTranslations({ locale: routing.defaultLocale, namespace: "notFound" });
  return (
    <html lang={routing.defaultLocale}>
      <body>
        <main id="main" className="container page">
          <h1>{t("title")}</h1>
          <p>{t("body")}</p>
          <p>
            <Link href="/">{t("overview")}</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
