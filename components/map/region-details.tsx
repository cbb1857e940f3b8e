"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import type { MapModel, MapModelFrame } from "@/lib/geo/map-model";
import { MEASURES } from "@/lib/incidents/disruption-hours";
import { formatDay, formatHours } from "./map-format";
import styles from "./region-map.module.css";

/** The selected region's incidents in the frame, with a link to the same selection in the incident list. */
export function RegionDetails({
  model,
  frame,
  regionIndex,
  frameText,
  incidentsPath,
  listQuery,
  clearHref,
  onClear,
  announce,
}: {
  model: MapModel;
  frame: MapModelFrame;
  regionIndex: number;
  frameText: string;
  incidentsPath: string;
  listQuery: string;
  clearHref: string;
  onClear: (event: MouseEvent<Element>) => void;
  /** Off while the animation plays, so screen readers are not read every month. */
  announce: boolean;
}) {
  const t = useTranslations("mapView");
  const scopes = useTranslations("enums.IncidentScope");
  const measures = useTranslations("measures");
  const locale = useLocale();
  const region = model.regions[regionIndex];
  if (!region) {
    return (
      <section className={styles.details} aria-live={announce ? "polite" : "off"}>
        <p className={styles.hint}>{t("selectPrompt")}</p>
      </section>
    );
  }
  const figures = frame.figures[regionIndex] ?? null;
  const listParams = new URLSearchParams(listQuery);
  listParams.set("region", region.slug);
  listParams.set("from", frame.fromDay);
  listParams.set("to", frame.toDay);
  return (
    <section className={styles.details} aria-labelledby="map-details-heading" aria-live={announce ? "polite" : "off"} data-testid="region-details">
      <h2 id="map-details-heading">{region.name}</h2>
      {region.parent && <p className={styles.hint}>{t("inParent", { parent: region.parent.name })}</p>}
      {!figures ? (
        <p>{t("detailsNotFormed", { name: region.name, date: formatDay(region.establishedOn ?? frame.toDay, locale), frame: frameText })}</p>
      ) : (
        <>
          <p>
            {t("detailsCount", { count: figures.incidents.length, frame: frameText })}{" "}
            {MEASURES.map((measure, position) => measures("figure", { name: measures(`names.${measure}`), hours: formatHours(figures.hours[position] ?? 0, locale) })).join("; ")}
            {"."}
            {figures.uncounted > 0 && <> {measures("open.uncounted", { count: figures.uncounted })}.</>}
          </p>
          {figures.incidents.length > 0 && (
            <ul className={styles.incidentList}>
              {figures.incidents.map((index) => {
                const incident = model.incidents[index]!;
                return (
                  <li key={incident.slug}>
                    <a href={`${incidentsPath}/${incident.slug}`}>{incident.title}</a>{" "}
                    <span className={styles.hint}>
                      {formatDay(incident.startDay, locale)} · {scopes(incident.scope)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          <p>
            <a href={`${incidentsPath}?${listParams.toString()}`}>{t("detailsList", { name: region.name })}</a>
          </p>
        </>
      )}
      <p>
        <a href={clearHref} onClick={onClear}>
          {t("detailsClear")}
        </a>
      </p>
    </section>
  );
}
