"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import type { Measure } from "@/lib/incidents/disruption-hours";
import styles from "./operator-charts.module.css";
import { patternId, TypePatternDefs } from "./chart-patterns";

/** The next round number at or above `value` (1, 2, 2.5, 5 × 10ⁿ), so axes end on a labelled tick. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/** Each measure drawn in the colour and texture of the type that stands for it. */
export const MEASURE_STYLE: Record<Measure, DisruptionType> = {
  full_blackout: "FULL_BLACKOUT",
  partial_disruption: "THROTTLING",
  service_blocking: "SERVICE_BLOCKING",
};

export type HoursChartRow = { label: string; hours: Record<Measure, number> };

/**
 * One operator's curated hours per month or year: full blackout and partial
 * or regional disruption stacked in one bar (together: hours with any
 * network disruption), and service and website blocking as a bar of its own
 * beside it, never stacked onto them. `maxHours` fixes the y-axis so that
 * several operators' charts share one scale. Drawn in the browser; the page
 * renders the same numbers as a table and a sentence.
 */
export function OperatorHoursChart({
  rows,
  maxHours,
  label,
  compact = false,
}: {
  rows: HoursChartRow[];
  maxHours: number;
  label: string;
  compact?: boolean;
}) {
  const t = useTranslations("measures.names");
  const axis = useTranslations("ispsView.axis");
  const prefix = `measures${useId().replace(/:/g, "")}`;
  const data = rows.map((row) => ({ label: row.label, ...row.hours }));
  const top = niceCeiling(maxHours);
  const bars: { measure: Measure; stack: string }[] = [
    { measure: "full_blackout", stack: "network" },
    { measure: "partial_disruption", stack: "network" },
    { measure: "service_blocking", stack: "service" },
  ];
  return (
    <div className={compact ? `chart-frame ${styles.compactFrame}` : "chart-frame"} role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer barGap={2}>
          <TypePatternDefs prefix={prefix} />
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 12 }} minTickGap={8} />
          <YAxis
            domain={[0, top]}
            allowDataOverflow
            tick={{ fill: "var(--muted)", fontSize: 12 }}
            width={48}
            label={{ value: axis("hours"), angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 12, dy: 24 }}
          />
          <Tooltip cursor={{ fill: "var(--hover)" }} contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name: string) => <span style={{ color: "var(--text)" }}>{name}</span>} />
          {bars.map(({ measure, stack }) => (
            <Bar
              key={measure}
              dataKey={measure}
              name={t(measure)}
              stackId={stack}
              fill={`url(#${patternId(prefix, MEASURE_STYLE[measure])})`}
              stroke="var(--text)"
              strokeWidth={0.5}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
