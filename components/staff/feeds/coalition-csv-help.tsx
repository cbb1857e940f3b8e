import { useTranslations } from "next-intl";
import { COALITION_SIGNALS, type CoalitionSignal } from "@/lib/ingest/csv/coalition-signals";

export const COALITION_TEMPLATE_PATH = "/templates/coalition-measurements.csv";

/** Message keys of the units the catalogue stores ("Mbit/s" is no key). */
const UNIT_KEYS: Record<string, "share" | "ms" | "mbps" | "count"> = { share: "share", ms: "ms", "Mbit/s": "mbps", count: "count" };

/** How to write the coalition's CSV: a template to download and the signals it accepts. */
export function CoalitionCsvHelp() {
  const t = useTranslations("Feeds.csvHelp");
  const range = (signal: CoalitionSignal) =>
    signal.max !== undefined
      ? t("range.between", { min: signal.min, max: signal.max })
      : signal.integer
        ? t("range.wholeAtLeast", { min: signal.min })
        : t("range.atLeast", { min: signal.min });
  return (
    <section className="section" aria-labelledby="coalition-csv-heading">
      <h2 id="coalition-csv-heading">{t("heading")}</h2>
      <p className="section-description">{t("intro")}</p>
      <p>
        {/* A plain link: a static file, outside the localised pages. */}
        <a href={COALITION_TEMPLATE_PATH} download className="button button--secondary">
          {t("template")}
        </a>
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col">{t("columns.meaning")}</th>
              <th scope="col">{t("columns.unit")}</th>
              <th scope="col">{t("columns.range")}</th>
            </tr>
          </thead>
          <tbody>
            {COALITION_SIGNALS.map((signal) => (
              <tr key={signal.name}>
                <th scope="row">
                  <code>{signal.name}</code>
                </th>
                <td>{t(`signals.${signal.id}`)}</td>
                <td>{UNIT_KEYS[signal.unit] ? t(`units.${UNIT_KEYS[signal.unit]!}`) : signal.unit}</td>
                <td>{range(signal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
