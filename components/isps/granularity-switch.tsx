import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import styles from "./isps.module.css";

/** "By month | By year": links that change `by` and keep everything else in the address. */
export async function GranularitySwitch({
  pathname,
  query,
  current,
}: {
  pathname: string;
  query: Record<string, string | string[]>;
  current: "month" | "year";
}) {
  const t = await getTranslations("ispsView.granularity");
  return (
    <nav className={styles.switch} aria-label={t("label")}>
      <span>{t("label")}:</span>
      {(["month", "year"] as const).map((granularity) => (
        <Link
          key={granularity}
          href={{ pathname, query: { ...query, by: granularity } }}
          aria-current={granularity === current ? "true" : undefined}
        >
          {t(granularity)}
        </Link>
      ))}
    </nav>
  );
}
