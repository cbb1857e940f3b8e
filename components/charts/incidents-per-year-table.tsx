import { getTranslations } from "next-intl/server";
import { chartMarkKey } from "@/lib/charts/chart-marks";
import { DisruptionType } from "@/lib/generated/prisma/enums";
import { Link } from "@/components/ui/link";
import type { IncidentsInYear } from "@/lib/server/incidents/count-published-incidents-by-year";

/** The numbers of the incidents-per-year chart: a row per year, a column per type shown and the total; years link to their incidents. */
export async function IncidentsPerYearTable({ perYear, labelledBy }: { perYear: IncidentsInYear[]; labelledBy: string }) {
  const t = await getTranslations("overview");
  const types = await getTranslations("enums.DisruptionType");
  const typesShown = Object.values(DisruptionType).filter((type) => perYear.some((year) => (year.byType[type] ?? 0) > 0));
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="data-table data-table--numeric" data-testid="per-year-table" data-chart-table="per-year">
        <caption className="visually-hidden">{t("perYear.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("perYear.year")}</th>
            {typesShown.map((type) => (
              <th scope="col" key={type}>
                {types(type)}
              </th>
            ))}
            <th scope="col">{t("perYear.total")}</th>
          </tr>
        </thead>
        <tbody>
          {perYear.map((year) => (
            <tr key={year.year}>
              <th scope="row">
                <Link href={{ pathname: "/incidents", query: { year: String(year.year) } }}>{year.year}</Link>
              </th>
              {typesShown.map((type) => (
                <td key={type} data-chart-cell={chartMarkKey(year.year, type)} data-value={year.byType[type] ?? 0}>
                  {year.byType[type] ?? 0}
                </td>
              ))}
              <td>{year.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
