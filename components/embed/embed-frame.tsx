import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { creditSentence, dataCredits, type CreditTranslator, type DataSource } from "@/lib/credits/data-credits";
import { getPathname } from "@/lib/i18n/pathname";
import type { Locale } from "@/lib/i18n/routing";
import type { EmbedKind } from "@/lib/embed/embed-charts";
import { EMBED_CLIENT_MESSAGES } from "@/lib/embed/embed-client-messages";
import { HYDRATE_ON_INTERACTION_ATTRIBUTE } from "@/lib/http/deferred-hydration";
import { MESSAGES, pickMessages } from "@/lib/i18n/messages";
import type { EmbedTheme } from "@/lib/schemas/embed";
import { EmbedFrameScript } from "./embed-frame-script";
import styles from "./embed.module.css";

type Props = {
  /** Which embed: its client components get only their messages (lib/embed/embed-client-messages.ts). */
  kind: EmbedKind;
  theme: EmbedTheme;
  title: string;
  /** The same view on the tracker, with the same parameters. */
  fullHref: string;
  /** What the embed draws: its credit line names these sources and no others (decision 0017). */
  sources: readonly DataSource[];
  locale: string;
  /**
   * "on-interaction" (the default): Next.js's JavaScript loads only when the reader
   * points at, touches, focuses or types in the embed (lib/http/deferred-hydration.ts,
   * decision 0025); for embeds whose chart is complete in the server's HTML.
   * "eager": it loads with the page, for a chart drawn in the browser.
   */
  hydrate?: "on-interaction" | "eager";
  /** Days of a rolling window, if the embed has one. */
  rollingDays?: number;
  children: ReactNode;
};

/**
 * An embed's frame: its theme, title, chart, credit line (exactly the sources
 * it draws, with their licences), the links to the full view and to the
 * licences, and the frame's script (auto-height, links outside, rolling reload:
 * public/embed-frame.js, no React).
 */
export async function EmbedFrame({ kind, theme, title, fullHref, sources, locale, hydrate = "on-interaction", rollingDays, children }: Props) {
  const t = await getTranslations("embed");
  const credits = await getTranslations("dataCredits");
  const credit = creditSentence(dataCredits(sources), credits as unknown as CreditTranslator);
  const messages = pickMessages(MESSAGES[locale === "ru" ? "ru" : "en"], EMBED_CLIENT_MESSAGES[kind]);
  return (
    <NextIntlClientProvider messages={messages}>
      <main className={styles.frame} data-theme={theme} data-embed="" {...{ [HYDRATE_ON_INTERACTION_ATTRIBUTE]: hydrate }}>
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
        <EmbedFrameScript />
      </main>
    </NextIntlClientProvider>
  );
}
