import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EmbedErrorCard } from "@/components/embed/embed-error-card";
import { EmbedFrame } from "@/components/embed/embed-frame";
import { formatDay } from "@/components/map/map-format";
import { RegionMap } from "@/components/map/region-map";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { buildMapModel } from "@/lib/geo/build-map-model";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import { summarizeRegionDisruption } from "@/lib/server/regions/summarize-region-disruption";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";
import { readMapParams, regionListQuery } from "../../(public)/map/read-map-params";
import type { SearchParams } from "../../(public)/read-view-filters";
import { readEmbedState } from "../read-embed-state";
import { embedViewMetadata } from "@/lib/share/view-metadata";
import { embedProblem } from "@/lib/schemas/embed";
import { VIEW_PARAMS } from "@/lib/schemas/view-params";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const MAP_PARAMS: readonly string[] = VIEW_PARAMS.map;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return embedViewMetadata((await params).locale, "map", await searchParams);
}

/**
 * /embed/map: the region map without site chrome, for other sites to frame;
 * `chart=map` is the map alone: its table of regions behind a toggle.
 */
export default async function MapEmbed({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const state = await readEmbedState("map", "/embed/map", "/map", locale, query, new Date());
  if (!state.ok) return <EmbedErrorCard theme={state.theme} problem={state.problem} />;
  const t = await getTranslations("mapView");
  const e = await getTranslations("embed");

  const summary = await summarizeRegionDisruption({ caller: ANONYMOUS, filters: state.filters, locale });
  const model = buildMapModel(summary);
  const mapState = readMapParams(query, {
    months: model.frames.slice(1).map((frame) => frame.key),
    regions: model.regions.map((region) => region.slug),
  });
  const badMapParam = embedProblem(mapState.ignored);
  if (badMapParam) return <EmbedErrorCard theme={state.theme} problem={badMapParam} />;

  // The map rewrites its own parameters in the frame's address; everything else (theme, last) stays as given.
  const kept = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (MAP_PARAMS.includes(name) || value === undefined) continue;
    for (const item of [value].flat()) kept.append(name, item);
  }
  const period = { from: formatDay(summary.period.fromDay, locale), to: formatDay(summary.period.toDay, locale) };

  return (
    <EmbedFrame
      kind="map"
      theme={state.theme}
      title={state.chart ? e("charts.map") : e("mapTitle")}
      fullHref={state.fullHref}
      sources={CURATED_SOURCES}
      locale={locale}
      rollingDays={state.rollingDays}
    >
      {model.frames.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <>
          <p>{summary.period.fromFilters ? t("periodChosen", period) : t("periodAll", period)}</p>
          <RegionMap
            model={model}
            initial={{ measure: mapState.measure, frame: mapState.frame, selected: mapState.selected }}
            mapPath={getPathname({ href: "/embed/map", locale: locale as Locale })}
            filterQuery={kept.toString()}
            incidentsPath={getPathname({ href: "/incidents", locale: locale as Locale })}
            listQuery={regionListQuery(state.filters)}
            foldTable={state.chart ? e("showTable") : undefined}
          />
        </>
      )}
    </EmbedFrame>
  );
}
