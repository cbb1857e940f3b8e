import { getLocale, getTranslations } from "next-intl/server";
import { niceCeiling } from "@/lib/charts/bar-chart-layout";
import { BarChartSvg } from "./bar-chart-svg";
import { operatorStyle, patternId, TexturePattern } from "./chart-patterns";

/** A month or a year (`key`: "2022-01", "2022", the data table's too), its label and hours per operator. */
export type ComparisonRow = { key: string; label: string; hours: Record<string, number> };

/**
 * Every operator's curated disruption-hours on one chart: a group of bars per
 * month or year, one bar per operator, each operator with its own colour and
 * texture and named in the legend. Drawn on the server (SVG); the page renders
 * the same numbers as a table.
 */
export async function OperatorComparisonChart({
  rows,
  operators,
  label,
}: {
  rows: ComparisonRow[];
  operators: { slug: string; name: string }[];
  label: string;
}) {
  const [axis, locale] = await Promise.all([getTranslations("ispsView.axis"), getLocale()]);
  return (
    <BarChartSvg
      label={label}
      chart="comparison"
      categories={rows.map((row) => ({ key: row.key, label: row.label, values: row.hours }))}
      // Each operator a bar of its own: a stack of one.
      series={operators.map((operator) => ({ key: operator.slug, name: operator.name, stack: operator.slug, fill: { pattern: operator.slug }, outlined: true }))}
      top={niceCeiling(Math.max(0, ...rows.flatMap((row) => Object.values(row.hours))))}
      axisTitle={axis("hours")}
      locale={locale}
      maximumFractionDigits={1}
      defs={(prefix) => (
        <defs>
          {operators.map((operator, index) => {
            const style = operatorStyle(operator.slug, index);
            return <TexturePattern key={operator.slug} id={patternId(prefix, operator.slug)} colour={style.colour} texture={style.texture} />;
          })}
        </defs>
      )}
    />
  );
}
