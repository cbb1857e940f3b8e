import { getLocale } from "next-intl/server";
import type { EmbedLocale, EmbedView } from "@/lib/embed/embed-snippet";
import { getEmbedTitles } from "@/lib/server/embeds/get-embed-title";
import { siteOrigin } from "@/lib/site-url";
import { EmbedDialog } from "./embed-dialog";
import styles from "./share.module.css";

/**
 * A view's "Embed" button, which opens the dialog that builds its embed code.
 * `view.query` is what the embed should show: the view's filters and its own parameters.
 */
export async function EmbedButton({ view }: { view: EmbedView }) {
  const [titles, origin, locale] = await Promise.all([getEmbedTitles(view), siteOrigin(), getLocale()]);
  if (!titles) return null;
  return (
    <div className={styles.actions}>
      <EmbedDialog view={view} titles={titles} origin={origin} locale={locale === "ru" ? "ru" : ("en" satisfies EmbedLocale)} />
    </div>
  );
}
