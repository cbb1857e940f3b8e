import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { EmbedTheme } from "@/lib/schemas/embed";
import { EmbedHeightReporter } from "./embed-height-reporter";
import { EmbedRefresher } from "./embed-refresher";
import { OpenLinksOutside } from "./open-links-outside";
import styles from "./embed.module.css";

type Props = {
  theme: EmbedTheme;
  title: string;
  /** The same view on the tracker, with the same parameters. */
  fullHref: string;
  /** Days of a rolling window, if the embed has one. */
  rollingDays?: number;
  children: ReactNode;
};

/** An embed's frame: its theme, title, chart, attribution line, and the auto-height and rolling-refresh islands. */
export async function EmbedFrame({ theme, title, fullHref, rollingDays, children }: Props) {
  const t = await getTranslations("embed");
  const site = await getTranslations("site");
  return (
    <main className={styles.frame} data-theme={theme} data-embed="">
      <h1 className={styles.title}>{title}</h1>
      {rollingDays !== undefined && <p data-embed-rolling="">{t("rolling", { days: rollingDays })}</p>}
      {children}
      <p className={styles.attribution} data-embed-attribution="">
        {t("attribution", { tracker: site("name") })}{" "}
        <a href={fullHref} target="_blank" rel="noopener">
          {t("openFull")}
        </a>
      </p>
      <EmbedHeightReporter />
      <OpenLinksOutside />
      {rollingDays !== undefined && <EmbedRefresher />}
    </main>
  );
}
