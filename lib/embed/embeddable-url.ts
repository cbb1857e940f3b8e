import { ZEmbedChartParams } from "@/lib/schemas/embed";
import { readUrlState } from "@/lib/schemas/url-state";
import { chartsOf, type EmbedChart } from "./embed-charts";
import type { EmbedLocale, EmbedQuery, EmbedView } from "./embed-snippet";

export type EmbeddableUrl = EmbedView & { locale: EmbedLocale };

const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
/** Each view's path (after the locale prefix) and the embed it maps to; /incidents (the list) embeds as the timeline. */
const PATHS: { pattern: RegExp; kind: EmbedView["kind"] }[] = [
  // The overview page is not an embed address (it links no oEmbed); its chart's embed is.
  { pattern: /^\/embed\/overview$/, kind: "overview" },
  { pattern: /^\/(?:embed\/)?timeline$/, kind: "timeline" },
  { pattern: /^\/incidents$/, kind: "timeline" },
  { pattern: /^\/(?:embed\/)?map$/, kind: "map" },
  { pattern: /^\/(?:embed\/)?isps$/, kind: "isps" },
  { pattern: new RegExp(`^/(?:isps|embed/isp)/(${SLUG})$`), kind: "isp" },
  { pattern: new RegExp(`^/(?:incidents|embed/incident)/(${SLUG})$`), kind: "incident" },
];

/** Parameters a shared link picks up on its way (campaign and click trackers): never part of the view. */
const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid)$/;

function queryOf(params: URLSearchParams): EmbedQuery {
  const query: EmbedQuery = {};
  for (const name of new Set(params.keys())) {
    if (name === "page" || TRACKING_PARAM.test(name)) continue;
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * Reads an absolute address on this site (a full view or its embed, English or
 * /ru/) as the view to embed; an embed address's `chart=` chooses one of its
 * charts. Another origin, a relative address, a path without an embed, or a
 * chart the view does not have gives null.
 */
export function parseEmbeddableUrl(address: string, siteOrigin: string): EmbeddableUrl | null {
  let url: URL;
  let site: URL;
  try {
    url = new URL(address);
    site = new URL(siteOrigin);
  } catch {
    return null;
  }
  if (url.origin !== site.origin || url.username || url.password) return null;
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, "") : url.pathname;
  const localeMatch = /^\/ru(\/.*)$/.exec(path);
  const locale: EmbedLocale = localeMatch ? "ru" : "en";
  const rest = localeMatch ? localeMatch[1]! : path;
  for (const { pattern, kind } of PATHS) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const { chart, ...query } = queryOf(url.searchParams);
    const choice = readUrlState(ZEmbedChartParams, { chart }, { mode: "strict", allowed: { chart: chartsOf(kind) } });
    if (!choice.ok) return null;
    const chosen = choice.state.chart === undefined ? {} : { chart: choice.state.chart as EmbedChart };
    if (kind === "isp" || kind === "incident") return { kind, slug: match[1]!, query, locale, ...chosen };
    return { kind, query, locale, ...chosen };
  }
  return null;
}
