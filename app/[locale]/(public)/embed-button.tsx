import type { AbstractIntlMessages } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { chartsOf } from "@/lib/embed/embed-charts";
import type { EmbedLocale, EmbedView } from "@/lib/embed/embed-snippet";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getEmbedNames } from "@/lib/server/embeds/get-embed-names";
import { pickMessages, publicMessages } from "@/lib/i18n/messages";
import { siteOrigin } from "@/lib/site-url";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import type { EmbedTarget } from "@/components/share/embed-dialog";
import { EmbedDialogButton } from "@/components/share/embed-dialog-button";
import styles from "@/components/share/share.module.css";

/**
 * A view's "Embed" button, which opens the dialog that builds its embed code:
 * one of the view's charts alone (the first is chosen), or the whole view.
 * `view.query` is what the embed should show: the view's filters and its own parameters.
 * It lives with the pages because it loads the embed's titles (lib/server/embeds).
 */
export async function EmbedButton({ view }: { view: EmbedView }) {
  const [names, origin, pageLocale, t] = await Promise.all([getEmbedNames({ caller: ANONYMOUS, view }), siteOrigin(), getLocale(), getTranslations("share")]);
  const locale: EmbedLocale = pageLocale === "ru" ? "ru" : "en";
  if (!names) return null;
  const charts: EmbedTarget[] = [];
  for (const chart of chartsOf(view.kind)) {
    const chartNames = await getEmbedNames({ caller: ANONYMOUS, view: { ...view, chart } });
    if (chartNames) charts.push({ chart, titles: chartNames.titles, label: chartNames.headings[locale] });
  }
  return (
    <div className={styles.actions}>
      <EmbedDialogButton
        buttonLabel={t("embedButton")}
        messages={pickMessages(publicMessages(locale), ["share"]) as AbstractIntlMessages}
        timeZone={KAZAKHSTAN_TIME_ZONE}
        view={view}
        titles={names.titles}
        label={names.headings[locale]}
        charts={charts}
        origin={origin}
        locale={locale}
      />
    </div>
  );
}
