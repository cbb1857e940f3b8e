import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { IncidentArticle } from "@/components/incidents/incident-article";
import { IncidentStaffHeader } from "@/components/staff/incident-staff-header";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { readServerEnv } from "@/lib/env";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { getIncidentPreview } from "@/lib/server/incidents/get-incident-preview";
import { listPublicIncidentChanges } from "@/lib/server/incidents/list-public-incident-changes";
import { summarizeMeasurementsInPeriod } from "@/lib/server/series/summarize-measurements-in-period";
import { siteOrigin } from "@/lib/site-url";
import { effectiveEnd } from "@/lib/time/format";
import { incidentIdFrom, loadForPage } from "../../load";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("StaffIncidents");
  return { title: t("previewTitle") };
}

/** The incident exactly as its public page renders it, whatever its status. */
export default async function IncidentPreviewPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const id = incidentIdFrom(rawId);
  const actor = await requireStaffPage("staff:access");
  const t = await getTranslations("StaffIncidents");
  const incident = await loadForPage(getIncidentPreview({ caller: actor, id, locale }));
  const zone = z.object({ tz: z.literal("utc").optional().catch(undefined) }).parse(await searchParams).tz === "utc" ? "utc" : "local";
  const now = new Date();
  const [measurements, changes] = await Promise.all([
    summarizeMeasurementsInPeriod({
      caller: actor,
      operatorSlugs: incident.operators.map((operator) => operator.slug),
      from: incident.startsAt,
      to: incident.endsAt ? effectiveEnd(incident.endsAt, incident.endPrecision) : now,
    }),
    incident.status === "PUBLISHED" ? listPublicIncidentChanges({ caller: actor, slug: incident.slug, showEditorNames: readServerEnv().PUBLIC_EDITOR_NAMES }) : [],
  ]);
  const publicPath = getPathname({ href: `/incidents/${incident.slug}`, locale: locale as Locale });

  return (
    <div>
      <div className="container">
        <IncidentStaffHeader id={id} title={incident.title} slug={incident.slug} status={incident.status} version={incident.version} current="preview" />
        <p className="notice">{t("previewNotice")}</p>
      </div>
      <IncidentArticle
        incident={incident}
        locale={locale}
        zone={zone}
        basePath={`/staff/incidents/${id}/preview`}
        citationUrl={`${await siteOrigin()}${publicPath}`}
        measurements={measurements}
        changes={changes}
        now={now}
      />
    </div>
  );
}
