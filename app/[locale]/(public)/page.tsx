import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ServerChartDownloads } from "@/components/charts/server-chart-downloads";
import { IncidentsPerYearChart } from "@/components/charts/incidents-per-year-chart";
import { IncidentsPerYearTable } from "@/components/charts/incidents-per-year-table";
import { EmbedButton } from "@/app/[locale]/(public)/embed-button";
import { incidentsPerYearTable } from "@/components/charts/overview-download-tables";
import { calendarDateIn } from "@/lib/charts/export/table";
import { IncidentCard } from "@/components/incidents/incident-card";
import { CompactTimeline } from "@/components/timeline/compact-timeline";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { incidentFeedAlternates } from "@/lib/feeds/feed-links";
import { shareMetadata } from "@/lib/share/share-metadata";
import { Link } from "@/components/ui/link";
import { countPublishedIncidentsByYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { listDashboardIncidents } from "@/lib/server/incidents/list-dashboard-incidents";
import { EVERY_PUBLISHED_INCIDENT } from "@/lib/server/incidents/published/where";
import { listPublishedIncidents } from "@/lib/server/incidents/list-published-incidents";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "overview" });
  const share = await shareMetadata({ locale, path: "/", title: t("title"), description: t("lede"), card: { kind: "view", view: "home" }, feeds: await incidentFeedAlternates({ locale }) });
  return { title: { absolute: t("title") }, description: t("lede"), ...share };
}

export default async function OverviewPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("overview");
  const figures = await getTranslations("overviewFigures");
  const now = new Date();
  const [{ incidents, total }, perYear, phased, operators, regions] = await Promise.all([
    listPublishedIncidents({ caller: ANONYMOUS, filters: EVERY_PUBLISHED_INCIDENT, locale, pageSize: "all" }),
    countPublishedIncidentsByYear({ caller: ANONYMOUS, now: now }),
    listDashboardIncidents({ caller: ANONYMOUS, filters: EVERY_PUBLISHED_INCIDENT, locale }),
    listOperators({ caller: ANONYMOUS }),
    listRegions({ caller: ANONYMOUS, locale: locale }),
  ]);
  const nationwide = incidents.filter((incident) => incident.scope === "NATIONAL").length;
  const yearsWithIncidents = perYear.filter((year) => year.total > 0).length;

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("lede")} />

      {total === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <>
          <section aria-label={t("stats.label")}>
            <dl className="stats">
              <div>
                <dt>{t("stats.incidents", { count: total })}</dt>
                <dd>{total}</dd>
              </div>
              <div>
                <dt>{t("stats.nationwide", { count: nationwide })}</dt>
                <dd>{nationwide}</dd>
              </div>
              <div>
                <dt>{t("stats.years", { count: yearsWithIncidents })}</dt>
                <dd>{yearsWithIncidents}</dd>
              </div>
            </dl>
            <p className="section-description" data-testid="overview-stats-note">
              {figures("statsNote")}
            </p>
          </section>

          <section aria-labelledby="per-year-heading" className="section">
            <h2 id="per-year-heading">{t("perYear.heading")}</h2>
            <p className="section-description">{t("perYear.description")}</p>
            <EmbedButton view={{ kind: "overview", query: {} }} />
            <div id="incidents-per-year-chart">
              <IncidentsPerYearChart data={perYear} label={t("perYear.chartLabel")} />
              <ServerChartDownloads
                chartId="incidents-per-year-chart"
                name="incidents-per-year"
                table={await incidentsPerYearTable(perYear, t("perYear.heading"), calendarDateIn(now, KAZAKHSTAN_TIME_ZONE))}
              />
            </div>
            <IncidentsPerYearTable perYear={perYear} labelledBy="per-year-heading" />
          </section>

          <section aria-labelledby="timeline-heading" className="section">
            <h2 id="timeline-heading">{t("timeline.heading")}</h2>
            <p className="section-description">{t("timeline.description")}</p>
            <CompactTimeline incidents={incidents} phased={phased} operators={operators} regions={regions} now={now} />
          </section>

          <section aria-labelledby="latest-heading" className="section">
            <h2 id="latest-heading">{t("latest.heading")}</h2>
            <div className="card-list">
              {incidents.slice(0, 4).map((incident) => (
                <IncidentCard key={incident.slug} incident={incident} headingLevel={3} />
              ))}
            </div>
            <p>
              <Link href="/incidents" className="button button--secondary">
                {t("latest.all")}
              </Link>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
