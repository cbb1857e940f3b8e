import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { IncidentFiguresSection, KeyFacts } from "@/components/incidents/key-facts";
import { DiscrepancyList, ImpactEstimateList, SourceList, StatementList } from "@/components/incidents/incident-sections";
import { PhaseTimeline } from "@/components/timeline/phase-timeline";
import { ScopeBadge, TypeBadge, VerificationBadge } from "@/components/ui/badges";
import { Instant } from "@/components/ui/instant";
import { Markdown } from "@/components/ui/markdown";
import { ExampleDataNotice } from "@/components/example-data/example-data-notice";
import { IncidentCitation } from "@/components/incidents/incident-citation";
import { incidentFigures } from "@/lib/incidents/incident-figures";
import { Link } from "@/components/ui/link";
import type { IncidentDetail } from "@/lib/server/incidents/published/detail";
import type { PublicChange } from "@/lib/server/incidents/published/public-changes";
import type { MeasurementSummary } from "@/lib/server/series/summarize-measurements-in-period";
import type { ZoneChoice } from "@/lib/time/format";
import { PageHeader } from "@/components/ui/page-header";

type Props = {
  incident: IncidentDetail;
  locale: string;
  zone: ZoneChoice;
  /** The page's own path, for the time-zone toggle. */
  basePath: string;
  citationUrl: string;
  measurements: MeasurementSummary[];
  changes: PublicChange[];
  now: Date;
  breadcrumb?: ReactNode;
  /** Buttons shown under the heading (the public page's "Embed"). */
  actions?: ReactNode;
};

/**
 * An incident as readers see it. The public page and the staff preview both
 * render this, so a preview is exactly the public page. All text is rendered
 * as text; the body goes through the sanitising Markdown component.
 */
export async function IncidentArticle({ incident, locale, zone, basePath, citationUrl, measurements, changes, now, breadcrumb, actions }: Props) {
  const t = await getTranslations("incidents.detail");
  const time = await getTranslations("time");
  const sourceNames = await getTranslations("enums.MeasurementSource");
  const exampleText = await getTranslations("exampleData");
  const lastUpdated = changes[0]?.at ?? incident.firstPublishedAt ?? incident.updatedAt;
  const figures = incidentFigures(incident, now);

  return (
    <article className="container page incident">
      {breadcrumb}
      <PageHeader title={incident.title}>
        <div className="badges">
          <TypeBadge type={incident.type} />
          <ScopeBadge scope={incident.scope} />
          <VerificationBadge level={incident.verification} />
        </div>
        <p className="lede">{incident.summary}</p>
      </PageHeader>
      {actions}

      {incident.untranslated && (
        <p className="notice" lang={locale}>
          {t("untranslated")}
        </p>
      )}

      <p className="zone-toggle">
        {time(`timesIn.${zone}`)}{" "}
        <Link href={{ pathname: basePath, query: zone === "utc" ? {} : { tz: "utc" } }} replace scroll={false}>
          {zone === "utc" ? time("showLocal") : time("showUtc")}
        </Link>
      </p>

      <KeyFacts incident={incident} figures={figures} zone={zone} locale={locale} />

      {incident.body && (
        <section className="section" data-testid="incident-narrative">
          <Markdown>{incident.body}</Markdown>
        </section>
      )}

      <section aria-labelledby="phases-heading" className="section">
        <h2 id="phases-heading">{t("phases.heading")}</h2>
        {incident.phases.length > 0 ? (
          <>
            <p className="section-description">{t("phases.description")}</p>
            <PhaseTimeline
              phases={incident.phases}
              zone={zone}
              now={now}
              downloads={{ incidentSlug: incident.slug, incidentTitle: incident.title }}
              counting={figures.phases}
            />
          </>
        ) : (
          <p className="empty-state">{t("phases.none")}</p>
        )}
      </section>

      <IncidentFiguresSection figures={figures} />

      <section aria-labelledby="measurements-heading" className="section">
        <h2 id="measurements-heading">{t("measurements.heading")}</h2>
        {measurements.length === 0 ? (
          <p className="empty-state">{t("measurements.none")}</p>
        ) : (
          <>
            {measurements.some((summary) => summary.example) && <ExampleDataNotice />}
            <ul>
              {measurements.map((summary) => (
                <li key={`${summary.source}-${summary.example}`} data-example={summary.example || undefined}>
                  {summary.example
                    ? exampleText("measurementsSummary", { source: sourceNames(summary.source), series: summary.series, points: summary.points })
                    : t("measurements.summary", { source: sourceNames(summary.source), series: summary.series, points: summary.points })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="statements-heading" className="section">
        <h2 id="statements-heading">{t("statements.heading")}</h2>
        {incident.statements.length > 0 ? <StatementList statements={incident.statements} /> : <p>{t("statements.none")}</p>}
      </section>

      {incident.impactEstimates.length > 0 && (
        <section aria-labelledby="impact-heading" className="section">
          <h2 id="impact-heading">{t("impact.heading")}</h2>
          <ImpactEstimateList estimates={incident.impactEstimates} />
        </section>
      )}

      {incident.discrepancies.length > 0 && (
        <section aria-labelledby="discrepancies-heading" className="section">
          <h2 id="discrepancies-heading">{t("discrepancies.heading")}</h2>
          <p className="section-description">{t("discrepancies.description")}</p>
          <DiscrepancyList discrepancies={incident.discrepancies} />
        </section>
      )}

      <section aria-labelledby="sources-heading" className="section">
        <h2 id="sources-heading">{t("sources.heading")}</h2>
        <SourceList sources={incident.sources} />
      </section>

      <section aria-labelledby="record-heading" className="section record">
        <h2 id="record-heading">{t("record.heading")}</h2>
        <dl className="facts">
          {incident.firstPublishedAt && (
            <div>
              <dt>{t("record.firstPublished")}</dt>
              <dd>
                <Instant value={incident.firstPublishedAt} precision="EXACT" zone={zone} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t("record.lastUpdated")}</dt>
            <dd>
              <Instant value={lastUpdated} precision="EXACT" zone={zone} />
            </dd>
          </div>
        </dl>
        <IncidentCitation
          slug={incident.slug}
          title={incident.title}
          url={citationUrl}
          version={changes[0]?.version ?? incident.version}
          updatedAt={lastUpdated}
          accessedAt={now}
        />
        <h3>{t("changeLog.heading")}</h3>
        <ChangeLog changes={changes} zone={zone} />
      </section>
    </article>
  );
}

async function ChangeLog({ changes, zone }: { changes: PublicChange[]; zone: ZoneChoice }) {
  const t = await getTranslations("incidents.detail.changeLog");
  if (changes.length === 0) return <p>{t("none")}</p>;
  return (
    <ol className="change-log">
      {changes.map((change) => (
        <li key={change.at.toISOString()}>
          <Instant value={change.at} precision="EXACT" zone={zone} />
          {" — "}
          {change.kind === "FIRST_PUBLISHED"
            ? t("firstPublished")
            : t("updated", { fields: change.fields.map((field) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field)).join(", ") })}
          {change.editor && <> ({t("by", { name: change.editor })})</>}
          {change.note && <p className="change-note">{change.note}</p>}
        </li>
      ))}
    </ol>
  );
}
