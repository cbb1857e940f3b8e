import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { filtersToQuery, type IncidentFilters } from "@/lib/schemas/incident-filters";
import styles from "./view-switcher.module.css";

const VIEWS = [
  { key: "list", pathname: "/incidents" },
  { key: "timeline", pathname: "/timeline" },
  { key: "map", pathname: "/map" },
  { key: "isps", pathname: "/isps" },
] as const;

export type DashboardView = (typeof VIEWS)[number]["key"];

/**
 * Links between the views of the same data, carrying the shared filters, so
 * "January 2022 on Kcell" reads the same on the list, the timeline, the map
 * and the operator charts.
 */
export async function ViewSwitcher({ current, filters }: { current: DashboardView; filters: Partial<IncidentFilters> }) {
  const t = await getTranslations("dashboardNav");
  const query = filtersToQuery({ ...filters, page: 1 });
  return (
    <nav aria-label={t("label")} className={styles.switcher}>
      <ul>
        {VIEWS.map((view) => (
          <li key={view.key}>
            <Link href={{ pathname: view.pathname, query }} aria-current={view.key === current ? "page" : undefined}>
              {t(view.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
