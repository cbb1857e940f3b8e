"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { MAP_MEASURES, type MapMeasure, type MapModelFrame } from "@/lib/geo/map-model";
import { frameLabel } from "./map-format";
import styles from "./region-map.module.css";

/** Measure switch, and the time slider: position 0 is the whole period, then one step per month. */
export function MapControls({
  measure,
  frame,
  frames,
  playing,
  onMeasure,
  onFrame,
  onPlay,
  onPause,
}: {
  measure: MapMeasure;
  frame: number;
  frames: MapModelFrame[];
  playing: boolean;
  onMeasure: (measure: MapMeasure) => void;
  onFrame: (index: number) => void;
  onPlay: () => void;
  onPause: () => void;
}) {
  const t = useTranslations("mapView");
  const measures = useTranslations("measures");
  const locale = useLocale();
  const sliderId = useId();
  const months = frames.length - 1;
  const current = frames[frame] ?? frames[0]!;
  const step = (delta: number) => {
    onPause();
    onFrame(Math.min(months, Math.max(0, frame + delta)));
  };
  return (
    <div className={styles.controls}>
      <fieldset className={styles.measure}>
        <legend>{t("measure")}</legend>
        {MAP_MEASURES.map((value) => (
          <label key={value}>
            <input type="radio" name="map-measure" value={value} checked={measure === value} onChange={() => onMeasure(value)} />{" "}
            {value === "count" ? t("measureCount") : measures(`names.${value}`)}
          </label>
        ))}
      </fieldset>

      <div className={styles.time}>
        <label htmlFor={sliderId} className={styles.timeLabel}>
          {t("slider")}: <strong data-testid="map-frame">{frame === 0 ? t("wholePeriod") : frameLabel(current, locale)}</strong>
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={months}
          step={1}
          value={frame}
          aria-valuetext={frame === 0 ? `${t("wholePeriod")}: ${frameLabel(current, locale)}` : frameLabel(current, locale)}
          onChange={(event) => {
            onPause();
            onFrame(Number(event.target.value));
          }}
          disabled={months === 0}
        />
        <div className={styles.buttons}>
          <button type="button" className="button button--secondary" onClick={() => step(-1)} disabled={frame === 0}>
            {t("previous")}
          </button>
          <button type="button" className="button" onClick={playing ? onPause : onPlay} disabled={months === 0}>
            {playing ? t("pause") : t("play")}
          </button>
          <button type="button" className="button button--secondary" onClick={() => step(1)} disabled={frame >= months}>
            {t("next")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              onPause();
              onFrame(0);
            }}
            aria-pressed={frame === 0}
          >
            {t("wholePeriod")}
          </button>
        </div>
      </div>
    </div>
  );
}
