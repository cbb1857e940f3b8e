"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import type { ClassScale } from "@/lib/geo/map-classes";
import { figureValue, type MapMeasure, type MapModel, type MapModelFrame } from "@/lib/geo/map-model";
import { fillFor, formatCompact, formatDay, formatHours, NO_REGION_COLOUR } from "./map-format";
import styles from "./region-map.module.css";

const MARKER_RADIUS = 7;

/**
 * The map itself. Regions are links (focusable, Enter selects them); cities
 * and units drawn inside a parent's polygon are circles at their centre.
 * Every shaded area carries its value as text, so colour is not the only cue.
 */
export function MapSvg({
  model,
  frame,
  measure,
  scale,
  selected,
  label,
  hrefFor,
  onSelect,
  onInteract,
}: {
  model: MapModel;
  frame: MapModelFrame;
  measure: MapMeasure;
  scale: ClassScale;
  selected: string | null;
  label: string;
  hrefFor: (slug: string) => string;
  onSelect: (event: MouseEvent<Element>, slug: string) => void;
  /** Moving the keyboard focus into the map pauses the animation. */
  onInteract: () => void;
}) {
  const t = useTranslations("mapView");
  const measureName = useTranslations("measures.names");
  const locale = useLocale();
  const indexOf = new Map(model.regions.map((region, index) => [region.slug, index]));
  const valueOf = (slug: string) => figureValue(frame.figures[indexOf.get(slug) ?? -1] ?? null, measure);
  const figuresOf = (slug: string) => frame.figures[indexOf.get(slug) ?? -1] ?? null;
  const text = (value: number) => (measure === "count" ? String(value) : formatCompact(value, locale));

  /** What a screen reader hears for a region link. */
  const describe = (slug: string) => {
    const region = model.regions[indexOf.get(slug)!]!;
    const figures = figuresOf(slug);
    if (!figures) return t("regionNotFormed", { name: region.name, date: formatDay(region.establishedOn ?? frame.toDay, locale) });
    const value = measure === "count" ? figures.incidents.length : figureValue(figures, measure) ?? 0;
    return measure === "count"
      ? t("regionFiguresCount", { name: region.name, count: figures.incidents.length })
      : t("regionFiguresHours", { name: region.name, measure: measureName(measure), hours: formatHours(value, locale) });
  };
  const localCount = (slug: string) => (figuresOf(slug)?.incidents ?? []).filter((index) => model.incidents[index]?.scope !== "NATIONAL").length;

  return (
    <svg
      viewBox={`0 0 ${model.width} ${model.height}`}
      className={styles.map}
      role="group"
      aria-label={label}
      data-testid="region-map"
      data-chart="map"
      onFocus={onInteract}
    >
      <defs>
        <pattern id="map-not-formed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#f4f4f4" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#767676" strokeWidth="2" />
        </pattern>
      </defs>

      <g className={styles.polygons}>
        {model.polygons.map((polygon) => {
          const owner = polygon.owner ? model.regions[indexOf.get(polygon.owner)!] : undefined;
          if (!owner) return <path key={polygon.id} d={polygon.d} fill={NO_REGION_COLOUR} aria-hidden="true" />;
          const fill = fillFor(valueOf(owner.slug), scale);
          // Tiny city polygons are reached through their marker.
          if (owner.marker)
            return <path key={polygon.id} d={polygon.d} fill={fill} aria-hidden="true" onClick={(event) => onSelect(event, owner.slug)} />;
          return (
            <a
              key={polygon.id}
              href={hrefFor(owner.slug)}
              aria-label={describe(owner.slug)}
              aria-current={selected === owner.slug ? "true" : undefined}
              onClick={(event) => onSelect(event, owner.slug)}
              className={styles.regionLink}
              data-region={owner.slug}
              data-chart-mark={owner.slug}
              data-value={valueOf(owner.slug) ?? undefined}
            >
              <path d={polygon.d} fill={fill} />
            </a>
          );
        })}
      </g>

      <g className={styles.labels} aria-hidden="true">
        {model.polygons.map((polygon) => {
          const owner = polygon.owner ? model.regions[indexOf.get(polygon.owner)!] : undefined;
          const value = owner && !owner.marker ? valueOf(owner.slug) : null;
          if (value === null) return null;
          return (
            <text key={polygon.id} x={polygon.labelAt[0]} y={polygon.labelAt[1]} textAnchor="middle" dominantBaseline="middle">
              {text(value)}
            </text>
          );
        })}
        {model.regions.map((region) =>
          !region.marker && localCount(region.slug) > 0 ? (
            <path
              key={region.slug}
              className={styles.localMarker}
              d={`M${region.centre[0]} ${region.centre[1] - 6}l6 6l-6 6l-6 -6z`}
            />
          ) : null,
        )}
      </g>

      <g className={styles.markers}>
        {model.regions
          .filter((region) => region.marker)
          .map((region) => {
            const value = valueOf(region.slug);
            const [x, y] = region.centre;
            return (
              <a
                key={region.slug}
                href={hrefFor(region.slug)}
                aria-label={describe(region.slug)}
                aria-current={selected === region.slug ? "true" : undefined}
                onClick={(event) => onSelect(event, region.slug)}
                className={styles.regionLink}
                data-region={region.slug}
                data-chart-mark={region.slug}
                data-value={value ?? undefined}
              >
                {localCount(region.slug) > 0 && <circle cx={x} cy={y} r={MARKER_RADIUS + 4} className={styles.localRing} />}
                <circle cx={x} cy={y} r={MARKER_RADIUS + 2} className={styles.markerHalo} />
                <circle cx={x} cy={y} r={MARKER_RADIUS} fill={fillFor(value, scale)} className={styles.marker} />
                <text x={x + MARKER_RADIUS + 5} y={y} dominantBaseline="middle" className={styles.markerLabel} aria-hidden="true">
                  <tspan className={styles.markerName}>{region.name} </tspan>
                  {value === null ? "–" : text(value)}
                </text>
              </a>
            );
          })}
      </g>
    </svg>
  );
}
