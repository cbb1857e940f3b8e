import { getLocale } from "next-intl/server";
import { chartsOf } from "@/lib/embed/embed-charts";
import type { EmbedLocale, EmbedView } from "@/lib/embed/embed-snippet";
import { getEmbedHeading, getEmbedTitles } from "@/lib/server/embeds/get-embed-title";
import { siteOrigin } from "@/lib/site-url";
import { EmbedDialog, type EmbedTarget } from "@/components/share/embed-dialog";
import styles from "@/components/share/share.module.css";

/**
 * A view's "Embed" button, which opens the dialog that builds its embed code:
 * one of the view's charts alone (the first is chosen), or the whole view.
 * `view.query` is what the embed should show: the view's filters and its own parameters.
 * It lives with the pages because it loads the embed's titles (lib/server/embeds).
 */
export async function EmbedButton({ view }: { view: EmbedView }) {
  const [titles, origin, pageLocale] = await Promise.all([getEmbedTitles(view), siteOrigin(), getLocale()]);
  const locale: EmbedLocale = pageLocale === "ru" ? "ru" : "en";
  const label = await getEmbedHeading(view, locale);
  if (!titles || !label) return null;
  const charts: EmbedTarget[] = [];
  for (const chart of chartsOf(view.kind)) {
    const [chartTitles, chartLabel] = await Promise.all([getEmbedTitles({ ...view, chart }), getEmbedHeading({ ...view, chart }, locale)]);
    if (chartTitles && chartLabel) charts.push({ chart, titles: chartTitles, label: chartLabel });
  }
  return (
    <div className={styles.actions}>
      <EmbedDialog view={view} titles={titles} label={label} charts={charts} origin={origin} locale={locale} />
    </div>
  );
}
