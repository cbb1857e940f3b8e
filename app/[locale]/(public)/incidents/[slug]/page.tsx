import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { shareMetadata } from "@/lib/share/share-metadata";
import { notFound } from "next/navigation";
import { IncidentArticle } from "@/components/incidents/incident-article";
import { EmbedButton } from "@/app/[locale]/(public)/embed-button";
import { Link } from "@/components/ui/link";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { ZSlug } from "@/lib/schemas/incident";
import { ZIncidentPageParams } from "@/lib/schemas/incident-view";
import { readUrlState } from "@/lib/schemas/url-state";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";
import { listPublicIncidentChanges } from "@/lib/server/incidents/list-public-incident-changes";
import { summarizeMeasurementsInPeriod } from "@/lib/server/series/summarize-measurements-in-period";
import { readServerEnv } from "@/lib/env";
import { siteOrigin } from "@/lib/site-url";
import { effectiveEnd, type ZoneChoice } from "@/lib/time/format";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadIncident(slug: string, locale: string) {
  // A malformed slug cannot name an incident: 404 without touching the database.
  if (!ZSlug.safeParse(slug).success) return null;
  return getPublishedIncident({ caller: ANONYMOUS, slug, locale });
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const incident = await loadIncident(slug, locale);
  if (!incident) return {};
  const share = await shareMetadata({
    locale,
    path: `/incidents/${incident.slug}`,
    searchParams: await searchParams,
    title: incident.title,
    description: incident.summary,
    card: { kind: "incident", slug: incident.slug },
    oembed: true,
  });
  return { title: incident.title, description: incident.summary, ...share };
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const incident = await loadIncident(slug, locale);
  if (!incident) notFound();

  const t = await getTranslations("incidents.detail");
  const zone: ZoneChoice = readUrlState(ZIncidentPageParams, await searchParams, { mode: "lenient" }).state.tz;
  const path = getPathname({ href: `/incidents/${incident.slug}`, locale: locale as Locale });
  const url = `${await siteOrigin()}${path}`;
  const now = new Date();
  const measurements = await summarizeMeasurementsInPeriod({
    caller: ANONYMOUS,
    operatorSlugs: incident.operators.map((operator) => operator.slug),
    from: incident.startsAt,
    to: incident.endsAt ? effectiveEnd(incident.endsAt, incident.endPrecision) : now,
  });
  const changes = await listPublicIncidentChanges({ caller: ANONYMOUS, slug: incident.slug, showEditorNames: readServerEnv().PUBLIC_EDITOR_NAMES });

  return (
    <IncidentArticle
      incident={incident}
      locale={locale}
      zone={zone}
      basePath={`/incidents/${incident.slug}`}
      citationUrl={url}
      measurements={measurements}
      changes={changes}
      now={now}
      actions={<EmbedButton view={{ kind: "incident", slug: incident.slug, query: zone === "utc" ? { tz: "utc" } : {} }} />}
      breadcrumb={
        <p className="breadcrumb">
          <Link href="/incidents">← {t("back")}</Link>
        </p>
      }
    />
  );
}
