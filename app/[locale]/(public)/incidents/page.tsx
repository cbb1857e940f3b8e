import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { IncidentCard } from "@/components/incidents/incident-card";
import { ViewSwitcher } from "@/components/dashboard/view-switcher";
import { EmbedButton } from "@/app/[locale]/(public)/embed-button";
import { IncidentFiltersForm } from "@/components/incidents/incident-filters";
import { IncidentListDownloads } from "@/components/incidents/incident-list-downloads";
import { FeedSubscribeLinks } from "@/components/feeds/feed-subscribe-links";
import { incidentFeedAlternates } from "@/lib/feeds/feed-links";
import { shareMetadata } from "@/lib/share/share-metadata";
import { Link } from "@/components/ui/link";
import { getPathname, redirect } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { filtersToQuery, hasActiveFilters, parseIncidentFilters, withoutEmptyParams } from "@/lib/schemas/incident-filters";
import { countPublishedIncidentsByYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { listPublishedIncidents } from "@/lib/server/incidents/list-published-incidents";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { PageHeader } from "@/components/ui/page-header";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "incidents.list" });
  const share = await shareMetadata({
    locale,
    path: "/incidents",
    searchParams: await searchParams,
    title: t("title"),
    description: t("lede"),
    card: { kind: "view", view: "incidents" },
    feeds: await incidentFeedAlternates({ locale }),
    oembed: true,
  });
  return { title: t("title"), description: t("lede"), ...share };
}

export default async function IncidentsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const cleaned = withoutEmptyParams(query);
  if (cleaned) redirect({ href: { pathname: "/incidents", query: cleaned }, locale: locale as Locale });

  const t = await getTranslations("incidents.list");
  const [operators, regions, perYear] = await Promise.all([listOperators({ caller: ANONYMOUS }), listRegions({ caller: ANONYMOUS, locale: locale }), countPublishedIncidentsByYear({ caller: ANONYMOUS })]);
  const { filters, ignored } = parseIncidentFilters(query, {
    operators: operators.map((operator) => operator.slug),
    regions: regions.map((region) => region.slug),
  });
  const { incidents, total, page, pageCount } = await listPublishedIncidents({ caller: ANONYMOUS, filters, locale });
  const years = perYear.map((year) => year.year).reverse();
  const pageLink = (target: number) => ({ pathname: "/incidents", query: filtersToQuery({ ...filters, page: target }) });

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("lede")}>
        <FeedSubscribeLinks locale={locale} />
      </PageHeader>

      <ViewSwitcher current="list" filters={filters} />
      {/* The list embeds as the timeline with the same filters. */}
      <EmbedButton view={{ kind: "timeline", query: filtersToQuery({ ...filters, page: 1 }) }} />

      <IncidentFiltersForm
        filters={filters}
        years={years}
        operators={operators}
        regions={regions}
        action={getPathname({ href: "/incidents", locale: locale as Locale })}
      />

      {ignored.length > 0 && (
        <p className="notice" role="status">
          {t("ignored", { values: ignored.map(({ param, value }) => `${param}=${value}`).join(", ") })}
        </p>
      )}

      <div className="results-bar">
        <p aria-live="polite" className="results-count">
          {t("count", { count: total })}
        </p>
        {hasActiveFilters(filters) && <Link href="/incidents">{t("clear")}</Link>}
      </div>
      {total > 0 && <IncidentListDownloads filters={filters} locale={locale} count={total} />}

      {total === 0 ? (
        <div className="empty-state">
          <p>{t("empty")}</p>
          <p>{t("emptyHint")}</p>
          <Link href="/incidents" className="button button--secondary">
            {t("clear")}
          </Link>
        </div>
      ) : (
        <div className="card-list">
          {incidents.map((incident) => (
            <IncidentCard key={incident.slug} incident={incident} />
          ))}
        </div>
      )}

      {pageCount > 1 && (
        <nav aria-label={t("pagination")} className="pagination">
          {page > 1 && (
            <Link href={pageLink(page - 1)} rel="prev">
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page, pageCount })}</span>
          {page < pageCount && (
            <Link href={pageLink(page + 1)} rel="next">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
