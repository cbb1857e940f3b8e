"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { MEASURES } from "@/lib/incidents/disruption-hours";
import { figureValue, openHoursOf, type MapMeasure, type MapModel, type MapModelFrame } from "@/lib/geo/map-model";
import { formatDay, formatHours } from "./map-format";
import styles from "./region-map.module.css";

/**
 * The map's numbers as a table: every unit, including those drawn inside a parent. Also the keyboard route to a region.
 * Each row carries the figure the map shades it by (`measure`) as the map's regions do (ARCHITECTURE.md "How a chart says it is there").
 */
export function RegionTable({
  model,
  frame,
  measure,
  frameText,
  selected,
  hrefFor,
  onSelect,
}: {
  model: MapModel;
  frame: MapModelFrame;
  measure: MapMeasure;
  frameText: string;
  selected: string | null;
  hrefFor: (slug: string) => string;
  onSelect: (event: MouseEvent<Element>, slug: string) => void;
}) {
  const t = useTranslations("mapView");
  const measures = useTranslations("measures");
  const locale = useLocale();
  const localCount = (incidents: number[]) => incidents.filter((index) => model.incidents[index]?.scope !== "NATIONAL").length;
  return (
    <section aria-labelledby="map-table-heading" className={styles.tableSection}>
      <h2 id="map-table-heading">{t("tableHeading")}</h2>
      <div className="table-scroll" role="region" aria-labelledby="map-table-heading" tabIndex={0}>
        <table className="data-table data-table--numeric" data-testid="region-table" data-chart-table="map">
          <caption className="visually-hidden">{t("tableCaption", { frame: frameText })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tableRegion")}</th>
              <th scope="col">{t("tableIncidents")}</th>
              <th scope="col">{t("tableLocal")}</th>
              {MEASURES.map((measure) => (
                <th scope="col" key={measure}>
                  {measures(`names.${measure}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.regions.map((region, index) => {
              const figures = frame.figures[index] ?? null;
              return (
                <tr
                  key={region.slug}
                  className={selected === region.slug ? styles.selectedRow : undefined}
                  data-chart-cell={region.slug}
                  data-value={figureValue(figures, measure) ?? undefined}
                >
                  <th scope="row">
                    <a
                      href={hrefFor(region.slug)}
                      onClick={(event) => onSelect(event, region.slug)}
                      aria-current={selected === region.slug ? "true" : undefined}
                    >
                      {region.name}
                    </a>
                    {region.parent && <span className={`cell-note ${styles.parentNote}`}>{t("inParent", { parent: region.parent.name })}</span>}
                  </th>
                  {figures ? (
                    <>
                      <td>{figures.incidents.length}</td>
                      <td>{localCount(figures.incidents)}</td>
                      {MEASURES.map((measure, position) => {
                        const open = openHoursOf(figures, measure);
                        return (
                          <td key={measure} data-measure={measure}>
                            {formatHours(figures.hours[position] ?? 0, locale)}
                            {open > 0 && <span className="cell-note">{t("tableOpen", { hours: formatHours(open, locale) })}</span>}
                          </td>
                        );
                      })}
                    </>
                  ) : (
                    <td colSpan={2 + MEASURES.length}>{t("tableNotFormed", { date: formatDay(region.establishedOn ?? frame.toDay, locale) })}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
