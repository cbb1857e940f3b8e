import { getTranslations } from "next-intl/server";
import type { EmbedTheme } from "@/lib/schemas/embed";
import { EmbedFrameScript } from "./embed-frame-script";
import styles from "./embed.module.css";

type Props = { theme: EmbedTheme; problem: { param: string; value: string } | "not-found" };

/** What an embed shows instead of its chart when its address is wrong: a small card, not a broken page. */
export async function EmbedErrorCard({ theme, problem }: Props) {
  const t = await getTranslations("embed");
  return (
    <main className={styles.frame} data-theme={theme} data-embed="">
      <div className={styles.content} data-embed-content="">
        <section className={styles.error} role="alert" data-embed-error="">
          <h1>{t("errorTitle")}</h1>
          <p>{problem === "not-found" ? t("notFound") : t("badParam", problem)}</p>
          <p>{t("errorHelp")}</p>
        </section>
      </div>
      <EmbedFrameScript />
    </main>
  );
}
