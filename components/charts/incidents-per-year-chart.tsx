"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DisruptionType } from "@/lib/generated/prisma/enums";
import type { IncidentsInYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { TYPE_COLOURS } from "@/lib/charts/type-colours";

/**
 * Stacked bars of incidents per year by type. Drawn in the browser (Recharts);
 * the same numbers are in the table the page renders next to it, which screen
 * readers and copy-paste use.
 */
export function IncidentsPerYearChart({ data, label }: { data: IncidentsInYear[]; label: string }) {
  const t = useTranslations("enums.DisruptionType");
  const rows = data.map((year) => ({ year: String(year.year), ...year.byType }));
  const types = Object.values(DisruptionType).filter((type) => data.some((year) => (year.byType[type] ?? 0) > 0));
  return (
    <div className="chart-frame" role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        {/* The accessibility layer lets keyboard users step through the bars with the arrow keys. */}
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -24 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
          <XAxis dataKey="year" tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "var(--hover)" }} contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(label: string) => <span style={{ color: "var(--text)" }}>{label}</span>} />
          {types.map((type) => (
            <Bar key={type} dataKey={type} name={t(type)} stackId="year" fill={TYPE_COLOURS[type]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
