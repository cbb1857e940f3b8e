import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { creditSentence, dataCredits, type CreditTranslator, type DataSource } from "@/lib/credits/data-credits";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
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
  /** What the embed draws: its credit line names these sources and no others (decision 0017). */
  sources: readonly DataSource[];
  locale: string;
  /** Days of a rolling window, if the embed has one. */
  rollingDays?: number;
  children: ReactNode;
};

/**
 * An embed's frame: its theme, title, chart, credit line (exactly the sources
 * it draws, with their licences), the links to the full view and to the
 * licences, and the auto-height and rolling-refresh islands.
 */
export async function EmbedFrame({ theme, title, fullHref, sources, locale, rollingDays, children }: Props) {
  const t = await getTranslations("embed");
  const credits = await getTranslations("dataCredits");
  const credit = creditSentence(dataCredits(sources), credits as unknown as CreditTranslator);
  return (
    <main className={styles.frame} data-theme={theme} data-embed="">
      <div className={styles.content} data-embed-content="">
        <h1 className={styles.title}>{title}</h1>
        {rollingDays !== undefined && <p data-embed-rolling="">{t("rolling", { days: rollingDays })}</p>}
        {children}
        <p className={styles.attribution} data-embed-attribution="" data-sources={sources.join(" ")}>
          {credit}{" "}
          <a href={getPathname({ href: "/about-data", locale: locale as Locale })} target="_blank" rel="noopener">
            {t("aboutData")}
          </a>
          {" · "}
          <a href={fullHref} target="_blank" rel="noopener">
            {t("openFull")}
          </a>
        </p>
      </div>
      <EmbedHeightReporter />
      <OpenLinksOutside />
      {rollingDays !== undefined && <EmbedRefresher />}
    </main>
  );
}
