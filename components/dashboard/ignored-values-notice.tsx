import { getTranslations } from "next-intl/server";
import type { IgnoredFilterValue } from "@/lib/schemas/incident-filters";

/** Says which values in the address were not understood (and ignored), or nothing when all were. */
export async function IgnoredValuesNotice({ ignored }: { ignored: IgnoredFilterValue[] }) {
  if (ignored.length === 0) return null;
  const t = await getTranslations("viewFilters");
  return (
    <p className="notice" role="status">
      {t("ignored", { values: ignored.map(({ param, value }) => `${param}=${value}`).join(", ") })}
    </p>
  );
}
