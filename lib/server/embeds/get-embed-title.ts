import "server-only";
import { createTranslator } from "next-intl";
import { getDb } from "@/lib/db/client";
import type { EmbedLocale, EmbedView } from "@/lib/embed/embed-snippet";
import { MESSAGES } from "@/lib/i18n/messages";
import { localized } from "@/lib/i18n/localize";

/**
 * The accessible name of a view's embed frame in a locale ("Kcell: disruptions
 * and measured signals — Kazakhstan Shutdown Tracker"), or null when its
 * operator or published incident does not exist.
 */
export async function getEmbedTitle(view: EmbedView, locale: EmbedLocale): Promise<string | null> {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "embed" });
  let chart: string;
  switch (view.kind) {
    case "timeline":
      chart = t("timelineTitle");
      break;
    case "map":
      chart = t("mapTitle");
      break;
    case "isps":
      chart = t("ispsTitle");
      break;
    case "isp": {
      const operator = await getDb().operator.findUnique({ where: { slug: view.slug }, select: { name: true } });
      if (!operator) return null;
      chart = t("ispTitle", { operator: operator.name });
      break;
    }
    case "incident": {
      const incident = await getDb().incident.findFirst({
        where: { slug: view.slug, status: "PUBLISHED" },
        select: { title: true, translations: true },
      });
      if (!incident) return null;
      chart = localized(incident, "title", locale)!;
      break;
    }
  }
  const share = createTranslator({ locale, messages: MESSAGES[locale], namespace: "share" });
  const site = createTranslator({ locale, messages: MESSAGES[locale], namespace: "site" });
  return share("frameTitle", { chart, tracker: site("name") });
}

/** The frame's name in every locale the embed dialog offers. */
export async function getEmbedTitles(view: EmbedView): Promise<Record<EmbedLocale, string> | null> {
  const [en, ru] = await Promise.all([getEmbedTitle(view, "en"), getEmbedTitle(view, "ru")]);
  return en && ru ? { en, ru } : null;
}
