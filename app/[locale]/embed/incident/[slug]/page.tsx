import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { shareMetadata } from "@/lib/share/share-metadata";
import { notFound } from "next/navigation";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { PhaseTimeline } from "@/components/timeline/phase-timeline";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";
import { chartsOf } from "@/lib/embed/embed-charts";
import { readClosedEmbedParams, ZIncidentEmbedParams } from "@/lib/schemas/embed";
import { ZSlug } from "@/lib/schemas/incident";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";
import { shortDate } from "@/lib/time/format";
import { localHref } from "../../read-embed-state";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const incident = ZSlug.safeParse(slug).success ? await getPublishedIncident({ caller: ANONYMOUS, slug, locale }) : null;
  if (!incident) return {};
  const query = await searchParams;
  const e = await getTranslations({ locale, namespace: "embed" });
  const title = readClosedEmbedParams(ZIncidentEmbedParams, chartsOf("incident"), query).state.chart === "phases" ? e("charts.phases", { incident: incident.title }) : incident.title;
  const share = await shareMetadata({
    locale,
    path: `/embed/incident/${incident.slug}`,
    searchParams: query,
    title,
    description: incident.summary,
    card: { kind: "incident", slug: incident.slug },
    oembed: true,
  });
  return { title, description: incident.summary, robots: { index: false }, ...share };
}

/**
 * /embed/incident/<slug>: one incident's title, period and phase timeline, without site chrome;
 * `chart=phases` is the phase chart alone, its table behind a toggle.
 */
export default async function IncidentEmbed({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  // An incident has its own period: a window (`last`, `from`…) or filters mean nothing here, so they are refused.
  const { state, problem } = readClosedEmbedParams(ZIncidentEmbedParams, chartsOf("incident"), query);
  if (problem) return <EmbedErrorCard theme={state.theme} problem={problem} />;
  const incident = ZSlug.safeParse(slug).success ? await getPublishedIncident({ caller: ANONYMOUS, slug, locale }) : null;
  if (!incident) notFound();
  const zone = state.tz;
  const e = await getTranslations("embed");
  const from = shortDate(incident.startsAt, locale);

  return (
    <EmbedFrame
      kind="incident"
      theme={state.theme}
      title={state.chart ? e("charts.phases", { incident: incident.title }) : incident.title}
      fullHref={localHref(`/incidents/${incident.slug}`, zone === "utc" ? { tz: "utc" } : {}, locale)}
      sources={CURATED_SOURCES}
      locale={locale}
    >
      <p>{incident.endsAt ? e("incidentPeriod", { from, to: shortDate(incident.endsAt, locale) }) : e("incidentOngoing", { from })}</p>
      <PhaseTimeline phases={incident.phases} zone={zone} now={new Date()} foldTable={state.chart ? e("showTable") : undefined} />
    </EmbedFrame>
  );
}
