"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { ClientChartDownloads } from "@/components/charts/client-chart-downloads";
import { TableToggle } from "@/components/embed/table-toggle";
import { figureValue, type MapMeasure, type MapModel } from "@/lib/geo/map-model";
import { MapControls } from "./map-controls";
import { mapDownloadTable } from "./map-download-table";
import { frameLabel, formatHours } from "./map-format";
import { MapLegend } from "./map-legend";
import { MapSvg } from "./map-svg";
import { RegionDetails } from "./region-details";
import { RegionTable } from "./region-table";
import styles from "./region-map.module.css";

export type MapState = { measure: MapMeasure; frame: number; selected: string | null };

/** The view's own URL parameters, next to the shared filters. */
function mapStateParams(params: URLSearchParams, state: MapState & { month?: string }): URLSearchParams {
  params.delete("measure");
  params.delete("month");
  params.delete("selected");
  if (state.measure !== "count") params.set("measure", state.measure);
  if (state.month) params.set("month", state.month);
  if (state.selected) params.set("selected", state.selected);
  return params;
}

const STEP_MS = 1200;

/**
 * The map island: measure switch, month slider with play/pause, the SVG map,
 * legend, summary, the selected region's incidents and the table of all
 * regions. Every month's figures arrive with the page, so stepping through
 * months only swaps colours and updates the address (replaceState).
 */
export function RegionMap({
  model,
  initial,
  mapPath,
  filterQuery,
  incidentsPath,
  listQuery,
  downloads = false,
  foldTable,
}: {
  model: MapModel;
  initial: MapState;
  /** The localised /map path. */
  mapPath: string;
  /** The shared filters as a query string, kept in every link. */
  filterQuery: string;
  /** The localised /incidents path. */
  incidentsPath: string;
  /** The shared filters for the list link, without region and period. */
  listQuery: string;
  /** The download menu (the full page only; embeds stay light). */
  downloads?: boolean;
  /** The label of a toggle the table of regions is folded behind (the map embedded on its own), or none: the table is shown. */
  foldTable?: string;
}) {
  const t = useTranslations("mapView");
  const measures = useTranslations("measures");
  const downloadText = useTranslations("chartDownloads");
  const locale = useLocale();
  const [state, setState] = useState<MapState>(initial);
  const [playing, setPlaying] = useState(false);
  // Marks the island as live once hydrated (until then, links and the filter form work without it).
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.setAttribute("data-interactive", "true"), []);
  const months = model.frames.length - 1;
  const frame = model.frames[state.frame] ?? model.frames[0]!;
  const scale = state.frame === 0 ? model.scales[state.measure].whole : model.scales[state.measure].month;

  const hrefFor = useCallback(
    (next: Partial<MapState>) => {
      const merged = { ...state, ...next };
      const month = merged.frame > 0 ? model.frames[merged.frame]?.key : undefined;
      const query = mapStateParams(new URLSearchParams(filterQuery), { ...merged, month }).toString();
      return query ? `${mapPath}?${query}` : mapPath;
    },
    [state, model.frames, filterQuery, mapPath],
  );

  // Keep the address (and the filter form's hidden fields) in step, without a server round trip.
  const href = hrefFor({});
  useEffect(() => {
    if (`${window.location.pathname}${window.location.search}` !== href) window.history.replaceState(null, "", href);
    const values: Record<string, string> = {
      measure: state.measure === "count" ? "" : state.measure,
      month: state.frame > 0 ? (model.frames[state.frame]?.key ?? "") : "",
      selected: state.selected ?? "",
    };
    for (const [name, value] of Object.entries(values)) {
      document.querySelectorAll<HTMLInputElement>(`form[role="search"] input[type="hidden"][name="${name}"]`).forEach((input) => {
        input.value = value;
        input.disabled = value === "";
      });
    }
  }, [href, state, model.frames]);

  // Play: one month per step, stopping at the last month.
  const frameRef = useRef(state.frame);
  useEffect(() => {
    frameRef.current = state.frame;
  }, [state.frame]);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      if (frameRef.current + 1 >= months) setPlaying(false);
      setState((current) => ({ ...current, frame: Math.min(months, current.frame + 1) }));
    }, STEP_MS);
    return () => window.clearInterval(timer);
  }, [playing, months]);

  const play = () => {
    if (months === 0) return;
    if (state.frame === 0 || state.frame >= months) setState((current) => ({ ...current, frame: 1 }));
    setPlaying(true);
  };
  const pause = () => setPlaying(false);
  const select = (slug: string | null) => setState((current) => ({ ...current, selected: slug }));

  /** Region links work without JavaScript; with it, they select in place. */
  const onSelect = (event: MouseEvent<Element>, slug: string | null) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    setPlaying(false);
    select(slug);
  };

  const summary = useMemo(() => {
    const touched = new Set<number>();
    let affected = 0;
    let top: { names: string[]; value: number } = { names: [], value: 0 };
    model.regions.forEach((region, index) => {
      const figures = frame.figures[index] ?? null;
      if (!figures) return;
      figures.incidents.forEach((incident) => touched.add(incident));
      if (figures.incidents.length > 0) affected += 1;
      const value = figureValue(figures, state.measure) ?? 0;
      if (value > top.value) top = { names: [region.name], value };
      else if (value > 0 && value === top.value) top.names.push(region.name);
    });
    return { incidents: touched.size, affected, top };
  }, [frame, model.regions, state.measure]);

  const label = frameLabel(frame, locale);
  const measureName = state.measure === "count" ? t("measureCount") : measures(`names.${state.measure}`);
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  /** The leaders by name, or how many share the lead when many do (a nationwide incident ties every region). */
  const topText = (top: { names: string[]; value: number }) => {
    const shared = top.names.length > 3;
    if (state.measure === "count")
      return shared
        ? t("summaryTopCountShared", { regions: top.names.length, count: top.value })
        : t("summaryTopCount", { names: list.format(top.names), count: top.value });
    const hours = formatHours(top.value, locale);
    return shared
      ? t("summaryTopHoursShared", { regions: top.names.length, hours, measure: measureName })
      : t("summaryTopHours", { names: list.format(top.names), hours, measure: measureName });
  };
  const selectedIndex = model.regions.findIndex((region) => region.slug === state.selected);
  const regionTable = (
    <RegionTable
      model={model}
      frame={frame}
      measure={state.measure}
      frameText={label}
      selected={state.selected}
      hrefFor={(slug) => hrefFor({ selected: slug })}
      onSelect={onSelect}
    />
  );

  return (
    <div className={styles.view} ref={root}>
      <MapControls
        measure={state.measure}
        frame={state.frame}
        frames={model.frames}
        playing={playing}
        onMeasure={(measure) => setState((current) => ({ ...current, measure }))}
        onFrame={(index) => setState((current) => ({ ...current, frame: index }))}
        onPlay={play}
        onPause={pause}
      />

      <p className={styles.summary} aria-live={playing ? "off" : "polite"} data-testid="map-summary">
        {summary.incidents === 0
          ? t("summaryNone", { frame: label })
          : t("summary", { frame: label, incidents: summary.incidents, regions: summary.affected, total: model.regions.length })}{" "}
        {summary.top.value > 0 && topText(summary.top)}
      </p>
      <p className={styles.measureNote} data-testid="map-measure-note">
        {state.measure === "count" ? measures("counts.incidents") : measures(`counts.region.${state.measure}`)}
      </p>

      <div className={styles.figure} id="region-map-figure">
        <MapSvg
          model={model}
          frame={frame}
          measure={state.measure}
          scale={scale}
          selected={state.selected}
          label={t("mapLabel", { measure: measureName, frame: label })}
          hrefFor={(slug) => hrefFor({ selected: slug })}
          onSelect={onSelect}
          onInteract={pause}
        />
        <MapLegend measure={state.measure} scale={scale} />
      </div>
      {downloads && (
        <ClientChartDownloads
          chartId="region-map-figure"
          name={`map-${state.measure}`}
          table={mapDownloadTable(model, frame, t("mapLabel", { measure: measureName, frame: label }), downloadText, measures)}
        />
      )}

      <RegionDetails
        model={model}
        frame={frame}
        regionIndex={selectedIndex}
        frameText={label}
        incidentsPath={incidentsPath}
        listQuery={listQuery}
        clearHref={hrefFor({ selected: null })}
        onClear={(event) => onSelect(event, null)}
        announce={!playing}
      />

      {foldTable ? <TableToggle label={foldTable}>{regionTable}</TableToggle> : regionTable}
    </div>
  );
}
