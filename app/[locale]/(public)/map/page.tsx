import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { viewPageMetadata } from "@/lib/share/view-metadata";
import { IgnoredValuesNotice } from "@/components/dashboard/ignored-values-notice";
import { ViewFilters } from "@/components/dashboard/view-filters";
import { ChartTarget } from "@/components/dashboard/chart-target";
import { ViewSwitcher } from "@/components/dashboard/view-switcher";
import { EmbedButton } from "@/app/[locale]/(public)/embed-button";
import { formatDay } from "@/components/map/map-format";
import { RegionMap } from "@/components/map/region-map";
import styles from "@/components/map/region-map.module.css";
import { buildMapModel } from "@/lib/geo/build-map-model";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { filtersToQuery } from "@/lib/schemas/incident-filters";
import { summarizeRegionDisruption } from "@/lib/server/regions/summarize-region-disruption";
import { readViewFilters, type SearchParams } from "../read-view-filters";
import { readMapParams, regionListQuery } from "./read-map-params";
import { ClientMessages } from "@/components/ui/client-messages";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return viewPageMetadata((await params).locale, "map", await searchParams);
}

/** Encodes a query object (values may repeat) as a query string. */
function queryString(query: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const item of [value].flat()) params.append(name, item);
  return params.toString();
}

export default async function MapPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { filters, ignored, operators, regions, action } = await readViewFilters("/map", locale, query);
  const t = await getTranslations("mapView");

  const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters, locale });
  const model = buildMapModel(summary);
  const state = readMapParams(query, {
    months: model.frames.slice(1).map((frame) => frame.key),
    regions: model.regions.map((region) => region.slug),
  });
  const allIgnored = [...ignored, ...state.ignored];

  const filterQuery = queryString(filtersToQuery({ ...filters, page: 1 }));
  const listQuery = regionListQuery(filters);
  const keep = {
    measure: state.measure === "count" ? "" : state.measure,
    month: state.frame > 0 ? model.frames[state.frame]!.key : "",
    selected: state.selected ?? "",
  };
  const newer = summary.regions.filter((region) => region.parent && region.establishedOn);
  const names = new Intl.ListFormat(locale, { type: "conjunction" }).format(
    newer.map((region) => `${region.name} (${region.establishedOn!.slice(0, 4)})`),
  );
  const period = { from: formatDay(summary.period.fromDay, locale), to: formatDay(summary.period.toDay, locale) };

  return (
    <ClientMessages view="map">
      <div className="container page">
        <PageHeader title={t("title")} lede={t("lede")} />

        <ViewSwitcher current="map" filters={filters} />
        <EmbedButton view={{ kind: "map", query: { ...filtersToQuery({ ...filters, page: 1 }), ...Object.fromEntries(Object.entries(keep).filter(([, value]) => value !== "")) } }} />

        <ViewFilters filters={filters} operators={operators} regions={regions} action={action} clearHref={action} keep={keep} />

        <IgnoredValuesNotice ignored={allIgnored} />

        <ChartTarget>
        {model.frames.length > 0 && <p>{summary.period.fromFilters ? t("periodChosen", period) : t("periodAll", period)}</p>}

        {model.frames.length === 0 ? (
          // Only for an empty period (its start at its end).
          <p className="empty-state">{t("empty")}</p>
        ) : (
          <RegionMap
            model={model}
            initial={{ measure: state.measure, frame: state.frame, selected: state.selected }}
            mapPath={action}
            filterQuery={filterQuery}
            incidentsPath={getPathname({ href: "/incidents", locale: locale as Locale })}
            listQuery={listQuery}
            downloads
          />
        )}
        </ChartTarget>

        <section aria-labelledby="map-note-heading" className={`section ${styles.note}`} data-testid="map-note">
          <h2 id="map-note-heading">{t("noteHeading")}</h2>
          {newer.length > 0 && <p>{t("note", { names })}</p>}
          <p>{t("noteIslets")}</p>
          <p>{t("noteRules")}</p>
        </section>
      </div>
    </ClientMessages>
  );
}
