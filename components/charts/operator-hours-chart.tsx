"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DisruptionType } from "@/lib/generated/prisma/enums";
import styles from "@/components/isps/isps.module.css";
import { patternId, TypePatternDefs } from "./chart-patterns";

/** The next round number at or above `value` (1, 2, 2.5, 5 × 10ⁿ), so axes end on a labelled tick. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

export type HoursChartRow = { label: string; hoursByType: Partial<Record<DisruptionType, number>> };

/**
 * One operator's curated disruption-hours per month or year, stacked by
 * type (colour and texture). `maxHours` fixes the y-axis so that several
 * operators' charts share one scale. Drawn in the browser; the page renders
 * the same numbers as a table and a sentence.
 */
export function OperatorHoursChart({
  rows,
  types,
  maxHours,
  label,
  compact = false,
}: {
  rows: HoursChartRow[];
  types: DisruptionType[];
  maxHours: number;
  label: string;
  compact?: boolean;
}) {
  const t = useTranslations("enums.DisruptionType");
  const axis = useTranslations("ispsView.axis");
  const prefix = `types${useId().replace(/:/g, "")}`;
  const data = rows.map((row) => ({ label: row.label, ...row.hoursByType }));
  const top = niceCeiling(maxHours);
  return (
    <div className={compact ? `chart-frame ${styles.compactFrame}` : "chart-frame"} role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
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
          {types.map((type) => (
            <Bar
              key={type}
              dataKey={type}
              name={t(type)}
              stackId="hours"
              fill={`url(#${patternId(prefix, type)})`}
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
