import "server-only";
import { createTranslator } from "next-intl";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { EmbedLocale, EmbedView } from "@/lib/embed/embed-snippet";
import { MESSAGES } from "@/lib/i18n/messages";
import { localized } from "@/lib/i18n/localize";

/** The records an embed's heading names, read once per request however many headings a page asks for (the dialog asks one per chart and language). */
const findOperatorName = cache(async (slug: string) => (await getDb().operator.findUnique({ where: { slug }, select: { name: true } }))?.name ?? null);
const findPublishedIncident = cache((slug: string) =>
  getDb().incident.findFirst({ where: { slug, status: "PUBLISHED" }, select: { title: true, translations: true } }),
);

/**
 * What a view's embed, or one of its charts, shows, in a locale ("Kcell:
 * disruptions and measured signals", "Kcell: hours of disruption by measure"),
 * or null when its operator or published incident does not exist. The embed's
 * heading and the frame's accessible name.
 */
export async function getEmbedHeading(view: EmbedView, locale: EmbedLocale): Promise<string | null> {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "embed" });
  switch (view.kind) {
    case "overview":
      return view.chart ? t("charts.perYear") : t("overviewTitle");
    case "timeline":
      return view.chart ? t("charts.timeline") : t("timelineTitle");
    case "map":
      return view.chart ? t("charts.map") : t("mapTitle");
    case "isps":
      return view.chart ? t("charts.comparison") : t("ispsTitle");
    case "isp": {
      const operator = await findOperatorName(view.slug);
      if (operator === null) return null;
      if (view.chart === "signals") return t("charts.signals", { operator });
      if (view.chart === "hours") return t("charts.hours", { operator });
      return t("ispTitle", { operator });
    }
    case "incident": {
      const incident = await findPublishedIncident(view.slug);
      if (!incident) return null;
      const title = localized(incident, "title", locale)!;
      return view.chart ? t("charts.phases", { incident: title }) : title;
    }
  }
}

/**
 * The accessible name of a view's embed frame in a locale ("Kcell: disruptions
 * and measured signals — Kazakhstan Shutdown Tracker"), or null when its
 * operator or published incident does not exist.
 */
export async function getEmbedTitle(view: EmbedView, locale: EmbedLocale): Promise<string | null> {
  const chart = await getEmbedHeading(view, locale);
  if (chart === null) return null;
  const share = createTranslator({ locale, messages: MESSAGES[locale], namespace: "share" });
  const site = createTranslator({ locale, messages: MESSAGES[locale], namespace: "site" });
  return share("frameTitle", { chart, tracker: site("name") });
}

/** The frame's name in every locale the embed dialog offers. */
export async function getEmbedTitles(view: EmbedView): Promise<Record<EmbedLocale, string> | null> {
  const [en, ru] = await Promise.all([getEmbedTitle(view, "en"), getEmbedTitle(view, "ru")]);
  return en && ru ? { en, ru } : null;
}
