import { ZEmbedParams } from "@/lib/schemas/embed";
import { readUrlState } from "@/lib/schemas/url-state";
import { defaultEmbedHeight, embedSnippet, type EmbedChoices, type EmbedLocale, type EmbedView } from "./embed-snippet";

/** Width of an oEmbed answer when the consumer sets no maximum. */
export const OEMBED_DEFAULT_WIDTH = 640;
/** Seconds a consumer may keep an answer (the chart inside the frame stays live). */
export const OEMBED_CACHE_AGE = 86_400;

export type OembedRich = {
  version: "1.0";
  type: "rich";
  provider_name: string;
  provider_url: string;
  title: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
};

type Input = {
  view: EmbedView;
  locale: EmbedLocale;
  origin: string;
  title: string;
  providerName: string;
  maxwidth?: number;
  maxheight?: number;
};

/** The choices an address already makes: its theme and its rolling `last` window, read as the embed reads them. */
function choicesOfQuery(view: EmbedView): Pick<EmbedChoices, "theme" | "window"> {
  const { theme, last } = readUrlState(ZEmbedParams, view.query, { mode: "lenient" }).state;
  return { theme, window: last === undefined ? { kind: "fixed" } : { kind: "rolling", days: last } };
}

/**
 * The oEmbed `rich` answer for a view: the same snippet as the embed dialog's,
 * within the consumer's maxwidth and maxheight. A fixed maximum height leaves
 * out the auto-height script, which could grow the frame beyond it.
 */
export function buildOembed({ view, locale, origin, title, providerName, maxwidth, maxheight }: Input): OembedRich {
  const width = Math.min(OEMBED_DEFAULT_WIDTH, maxwidth ?? OEMBED_DEFAULT_WIDTH);
  const height = Math.min(defaultEmbedHeight(view), maxheight ?? defaultEmbedHeight(view));
  const choices: EmbedChoices = { ...choicesOfQuery(view), width, height, locale, autoHeight: maxheight === undefined };
  return {
    version: "1.0",
    type: "rich",
    provider_name: providerName,
    provider_url: `${origin}${locale === "en" ? "/" : `/${locale}`}`,
    title,
    html: embedSnippet({ view, choices, origin, title }),
    width,
    height,
    cache_age: OEMBED_CACHE_AGE,
  };
}
