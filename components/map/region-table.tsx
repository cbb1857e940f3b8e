"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import type { MapModel, MapModelFrame } from "@/lib/geo/map-model";
import { formatDay, formatHours } from "./map-format";
import styles from "./region-map.module.css";

/** The map's numbers as a table: every unit, including those drawn inside a parent. Also the keyboard route to a region. */
export function RegionTable({
  model,
  frame,
  frameText,
  selected,
  hrefFor,
  onSelect,
}: {
  model: MapModel;
  frame: MapModelFrame;
  frameText: string;
  selected: string | null;
  hrefFor: (slug: string) => string;
  onSelect: (event: MouseEvent<Element>, slug: string) => void;
}) {
  const t = useTranslations("mapView");
  const locale = useLocale();
  const localCount = (incidents: number[]) => incidents.filter((index) => model.incidents[index]?.scope !== "NATIONAL").length;
  return (
    <section aria-labelledby="map-table-heading" className={styles.tableSection}>
      <h2 id="map-table-heading">{t("tableHeading")}</h2>
      <div className="table-scroll" role="region" aria-labelledby="map-table-heading" tabIndex={0}>
        <table className="data-table data-table--numeric" data-testid="region-table">
          <caption className="visually-hidden">{t("tableCaption", { frame: frameText })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tableRegion")}</th>
              <th scope="col">{t("tableIncidents")}</th>
              <th scope="col">{t("tableLocal")}</th>
              <th scope="col">{t("tableHours")}</th>
            </tr>
          </thead>
          <tbody>
            {model.regions.map((region, index) => {
              const figures = frame.figures[index] ?? null;
              return (
                <tr key={region.slug} className={selected === region.slug ? styles.selectedRow : undefined}>
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
                      <td>{figures[1].length}</td>
                      <td>{localCount(figures[1])}</td>
                      <td>{formatHours(figures[0], locale)}</td>
                    </>
                  ) : (
                    <td colSpan={3}>{t("tableNotFormed", { date: formatDay(region.establishedOn ?? frame.toDay, locale) })}</td>
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
