import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { dataCredits, TRACKER_LICENCE, type DataSource } from "@/lib/credits/data-credits";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { siteOrigin } from "@/lib/site-url";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "aboutData" });
  return { title: t("title"), description: t("lede") };
}

/** What each source contributes, in the table's order. */
const WHAT: Record<Exclude<DataSource, "COALITION">, string> = {
  TRACKER: "trackerWhat",
  IODA: "iodaWhat",
  OONI: "ooniWhat",
  CLOUDFLARE: "cloudflareWhat",
};

/** /about-data: the licence of the tracker's curated records (CC BY 4.0, decision 0017) and the terms of the measured data it shows. */
export default async function AboutDataPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("aboutData");
  const credits = await getTranslations("dataCredits");
  const home = `${await siteOrigin()}${getPathname({ href: "/", locale: locale as Locale })}`;
  const sources = dataCredits(Object.keys(WHAT) as DataSource[]);

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("lede")} />

      <section aria-labelledby="curated-licence" className="section" data-testid="curated-licence">
        <h2 id="curated-licence">{t("curatedHeading")}</h2>
        <p>{t("curated")}</p>
        <p>{t("curatedMay")}</p>
        <p>
          <a href={TRACKER_LICENCE.url} rel="license">
            {credits(`licences.${TRACKER_LICENCE.key}`)}
          </a>
        </p>
        <p>{t("curatedCredit", { url: home })}</p>
        <p>{t("curatedNotCovered")}</p>
      </section>

      <section aria-labelledby="measured-licences" className="section">
        <h2 id="measured-licences">{t("measuredHeading")}</h2>
        <p>{t("measured")}</p>
        <div className="table-scroll" role="region" aria-labelledby="measured-licences" tabIndex={0}>
          <table className="data-table" data-testid="source-licences">
            <caption className="visually-hidden">{t("measuredHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("licence")}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((credit) => (
                <tr key={credit.source} data-source={credit.source}>
                  <th scope="row">{credit.url ? <a href={credit.url}>{credits(`names.${credit.source}`)}</a> : credits(`names.${credit.source}`)}</th>
                  <td>{t(WHAT[credit.source as keyof typeof WHAT])}</td>
                  <td>
                    <a href={credit.licence.url} rel="license">
                      {credits(`licences.${credit.licence.key}`)}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t("iodaNote")}</p>
        <p>{t("nonCommercialNote")}</p>
      </section>

      <section aria-labelledby="chart-credits" className="section">
        <h2 id="chart-credits">{t("chartsHeading")}</h2>
        <p>{t("charts")}</p>
      </section>

      <section aria-labelledby="api-licence" className="section">
        <h2 id="api-licence">{t("apiHeading")}</h2>
        <p>{t("api")}</p>
      </section>
    </div>
  );
}
