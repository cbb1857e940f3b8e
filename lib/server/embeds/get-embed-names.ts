import "server-only";
import { createTranslator } from "next-intl";
import { cache } from "react";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { EmbedLocale, EmbedView } from "@/lib/embed/embed-snippet";
import { MESSAGES } from "@/lib/i18n/messages";
import { localized } from "@/lib/i18n/localize";
import { listOperators } from "@/lib/server/operators/list-operators";

/**
 * The records an embed's heading names, read once per request however many headings a page asks for (the dialog
 * asks one per chart and language). Operators come from the shared list every render already holds (no query of
 * their own: decision 0025).
 */
const findOperatorName = async (caller: Caller, slug: string) => (await listOperators({ caller })).find((operator) => operator.slug === slug)?.name ?? null;
const findPublishedIncident = cache((slug: string) =>
  getDb().incident.findFirst({ where: { slug, status: "PUBLISHED" }, select: { title: true, translations: true } }),
);

export type EmbedNames = {
  /** What the embed, or one of its charts, shows ("Kcell: disruptions and measured signals", "Kcell: hours of disruption by measure"): its heading. */
  headings: Record<EmbedLocale, string>;
  /** The frame's accessible name ("Kcell: disruptions and measured signals — Kazakhstan Shutdown Tracker"). */
  titles: Record<EmbedLocale, string>;
};

/**
 * What a view's embed, or one of its charts, is called, in every locale the
 * embed dialog offers, or null when its operator or published incident does
 * not exist: the embed dialog's headings and frame names, and oEmbed's title.
 * Public: open to every caller.
 */
export async function getEmbedNames({ caller, view }: { caller: Caller; view: EmbedView }): Promise<EmbedNames | null> {
  const [en, ru] = await Promise.all([headingOf(caller, view, "en"), headingOf(caller, view, "ru")]);
  if (en === null || ru === null) return null;
  return { headings: { en, ru }, titles: { en: frameTitle(en, "en"), ru: frameTitle(ru, "ru") } };
}

function frameTitle(heading: string, locale: EmbedLocale): string {
  const share = createTranslator({ locale, messages: MESSAGES[locale], namespace: "share" });
  const site = createTranslator({ locale, messages: MESSAGES[locale], namespace: "site" });
  return share("frameTitle", { chart: heading, tracker: site("name") });
}

async function headingOf(caller: Caller, view: EmbedView, locale: EmbedLocale): Promise<string | null> {
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
      const operator = await findOperatorName(caller, view.slug);
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
