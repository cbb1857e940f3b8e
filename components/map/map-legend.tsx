"use client";

import { useLocale, useTranslations } from "next-intl";
import { classRange, type ClassScale } from "@/lib/geo/map-classes";
import type { MapMeasure } from "@/lib/geo/map-model";
import { classColour, formatHours, ZERO_COLOUR } from "./map-format";
import styles from "./region-map.module.css";

/** Numbered colour classes with their ranges, and the map's symbols. */
export function MapLegend({ measure, scale }: { measure: MapMeasure; scale: ClassScale }) {
  const t = useTranslations("mapView");
  const measureName = useTranslations("measures.names");
  const locale = useLocale();
  const number = (value: number) => (measure === "count" ? String(value) : formatHours(value, locale));
  const rangeText = (index: number) => {
    const { above, upTo } = classRange(index, scale);
    if (measure === "count" && scale.step === 1 && upTo !== null) return number(upTo);
    const lowest = measure === "count" ? above + 1 : above;
    if (upTo === null) return measure === "count" ? t("legendAtLeast", { from: number(lowest) }) : t("legendAbove", { from: number(above) });
    if (index === 1 && measure !== "count") return t("legendUpTo", { to: number(upTo) });
    return lowest === upTo ? number(upTo) : t("legendRange", { from: number(lowest), to: number(upTo) });
  };
  const classes = Array.from({ length: scale.classes }, (_, position) => position + 1);
  return (
    <div className={styles.legend}>
      <p className={styles.legendTitle} data-chart-legend-item="">
        {measure === "count" ? t("legendCount") : t("legendHours", { measure: measureName(measure) })}
      </p>
      <ol className={styles.legendList}>
        <li data-chart-legend-item="">
          <span className={styles.swatch} style={{ background: ZERO_COLOUR }} aria-hidden="true" />
          {t("legendNone")}
        </li>
        {classes.map((index) => (
          <li key={index} data-chart-legend-item="">
            <span className={styles.swatch} style={{ background: classColour(index, scale.classes) }} aria-hidden="true" />
            {t("legendClass", { index, range: rangeText(index) })}
          </li>
        ))}
      </ol>
      <ul className={styles.legendList}>
        <li data-chart-legend-item="">
          <span className={`${styles.swatch} ${styles.swatchNotFormed}`} aria-hidden="true" />
          {t("legendNotFormed")}
        </li>
        <li data-chart-legend-item="">
          <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" className={styles.legendSymbol}>
            <circle r="6" className={styles.marker} fill="#fff" />
          </svg>
          {t("legendMarker")}
        </li>
        <li data-chart-legend-item="">
          <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" className={styles.legendSymbol}>
            <path d="M0 -6l6 6l-6 6l-6 -6z" className={styles.localMarker} />
          </svg>
          {t("legendLocal")}
        </li>
      </ul>
    </div>
  );
}
