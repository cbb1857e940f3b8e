"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { operatorStyle, patternId, TexturePattern } from "./chart-patterns";
import { niceCeiling } from "./operator-hours-chart";

export type ComparisonRow = { label: string; hours: Record<string, number> };

/**
 * Every operator's curated disruption-hours on one chart: a group of bars per
 * month or year, one bar per operator, each operator with its own colour and
 * texture and named in the legend. The page renders the same numbers as a table.
 */
export function OperatorComparisonChart({
  rows,
  operators,
  label,
}: {
  rows: ComparisonRow[];
  operators: { slug: string; name: string }[];
  label: string;
}) {
  const axis = useTranslations("ispsView.axis");
  const prefix = `operators${useId().replace(/:/g, "")}`;
  const data = rows.map((row) => ({ label: row.label, ...row.hours }));
  const top = niceCeiling(Math.max(0, ...rows.flatMap((row) => Object.values(row.hours))));
  return (
    <div className="chart-frame" role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer barGap={1}>
          <defs>
            {operators.map((operator, index) => {
              const style = operatorStyle(operator.slug, index);
              return <TexturePattern key={operator.slug} id={patternId(prefix, operator.slug)} colour={style.colour} texture={style.texture} />;
            })}
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 12 }} minTickGap={8} />
          <YAxis
            domain={[0, top]}
            tick={{ fill: "var(--muted)", fontSize: 12 }}
            width={48}
            label={{ value: axis("hours"), angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 12, dy: 24 }}
          />
          <Tooltip cursor={{ fill: "var(--hover)" }} contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name: string) => <span style={{ color: "var(--text)" }}>{name}</span>} />
          {operators.map((operator) => (
            <Bar
              key={operator.slug}
              dataKey={operator.slug}
              name={operator.name}
              fill={`url(#${patternId(prefix, operator.slug)})`}
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
