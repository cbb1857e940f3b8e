import { chartParams, EMBED_VIEW_PARAMS, type EmbedChart, type EmbedKind } from "./embed-charts";

/**
 * The embed code of a view or of one of its charts: its /embed/… address for
 * a set of choices (size, theme, locale, fixed or rolling window) and the
 * `<iframe>` snippet another site pastes. The embed dialog and the oEmbed
 * endpoint both build their markup here, so there is one source of truth for it.
 */

export const EMBED_LOCALES = ["en", "ru"] as const;
export type EmbedLocale = (typeof EMBED_LOCALES)[number];

/**
 * A view that has an embed; `query` holds its filters and view parameters as
 * in its address. With `chart`, the embed shows that chart alone (and keeps
 * only the parameters it reads), else the whole view.
 */
export type EmbedView = (
  | { kind: "overview" | "timeline" | "map" | "isps"; query: EmbedQuery }
  | { kind: "isp" | "incident"; slug: string; query: EmbedQuery }
) & { chart?: EmbedChart };
export type { EmbedChart, EmbedKind };
export type EmbedQuery = Record<string, string | string[]>;

export const ROLLING_DAY_PRESETS = [7, 30, 90, 365] as const;
export const MAX_ROLLING_DAYS = 3650;

export type EmbedWindow = { kind: "fixed" } | { kind: "rolling"; days: number };

export type EmbedChoices = {
  /** "100%" follows the host page's column; a number is pixels. */
  width: "100%" | number;
  height: number;
  theme: "light" | "dark";
  locale: EmbedLocale;
  window: EmbedWindow;
  /** Adds the host script that resizes the frame to the height the embed reports. */
  autoHeight: boolean;
};

export const MIN_EMBED_SIZE = 100;
export const MAX_EMBED_SIZE = 5000;

/** A height that shows each whole view without scrolling at a usual column width. */
export const DEFAULT_EMBED_HEIGHTS: Record<EmbedKind, number> = {
  overview: 560,
  timeline: 560,
  map: 640,
  isps: 720,
  isp: 900,
  incident: 420,
};

/** A height that shows each chart alone (its table folded) at a usual column width. */
export const DEFAULT_CHART_HEIGHTS: Record<EmbedChart, number> = {
  "per-year": 440,
  timeline: 520,
  map: 600,
  comparison: 480,
  hours: 460,
  signals: 560,
  phases: 360,
};

/** The frame height the embed code starts with: the chart's, or the whole view's. */
export function defaultEmbedHeight(view: Pick<EmbedView, "kind" | "chart">): number {
  return view.chart ? DEFAULT_CHART_HEIGHTS[view.chart] : DEFAULT_EMBED_HEIGHTS[view.kind];
}

export function defaultEmbedChoices(view: EmbedView, locale: EmbedLocale): EmbedChoices {
  return { width: "100%", height: defaultEmbedHeight(view), theme: "light", locale, window: { kind: "fixed" }, autoHeight: true };
}

/** An incident has its own period and the overview counts every year: only the other views can roll. */
export function canRoll(kind: EmbedKind): boolean {
  return kind !== "incident" && kind !== "overview";
}

const PERIOD_PARAMS = ["from", "to", "year"];
/** Parameters an embed address never carries over from a view: the list's page, and the embed's own. */
const DROPPED_PARAMS = ["page", "theme", "last", "chart"];

function localePrefix(locale: EmbedLocale): string {
  return locale === "en" ? "" : `/${locale}`;
}

/** The embed's path: /embed/overview, /embed/timeline, /ru/embed/isp/kcell, … */
export function embedPath(view: EmbedView, locale: EmbedLocale): string {
  const tail = view.kind === "isp" || view.kind === "incident" ? `/${view.kind}/${encodeURIComponent(view.slug)}` : `/${view.kind}`;
  return `${localePrefix(locale)}/embed${tail}`;
}

/** The full view on the tracker the embed stands for: /isps/kcell, /ru/timeline, / for the overview, … */
export function fullViewPath(view: EmbedView, locale: EmbedLocale): string {
  if (view.kind === "overview") return locale === "en" ? "/" : `/${locale}`;
  const tail =
    view.kind === "isp"
      ? `/isps/${encodeURIComponent(view.slug)}`
      : view.kind === "incident"
        ? `/incidents/${encodeURIComponent(view.slug)}`
        : `/${view.kind}`;
  return `${localePrefix(locale)}${tail}`;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** A view parameter the embed would not read: one that belongs to the whole view, not to the chosen chart. */
function unreadByChart(view: EmbedView, name: string): boolean {
  return view.chart !== undefined && (EMBED_VIEW_PARAMS[view.kind] as readonly string[]).includes(name) && !chartParams(view.kind, view.chart).includes(name);
}

/** The embed's query: the view's (only what the chosen chart reads), with the chosen theme, window and chart. */
export function embedQuery(view: EmbedView, choices: Pick<EmbedChoices, "theme" | "window">): URLSearchParams {
  const rolling = choices.window.kind === "rolling" && canRoll(view.kind) ? choices.window.days : undefined;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(view.query)) {
    if (DROPPED_PARAMS.includes(name) || unreadByChart(view, name) || (rolling !== undefined && PERIOD_PARAMS.includes(name))) continue;
    for (const item of [value].flat()) params.append(name, item);
  }
  if (rolling !== undefined) params.set("last", String(clampInt(rolling, 1, MAX_ROLLING_DAYS)));
  if (choices.theme === "dark") params.set("theme", "dark");
  if (view.chart) params.set("chart", view.chart);
  return params;
}

/** The embed's absolute address. */
export function embedUrl(view: EmbedView, choices: Pick<EmbedChoices, "theme" | "window" | "locale">, origin: string): string {
  const query = embedQuery(view, choices).toString();
  return `${origin}${embedPath(view, choices.locale)}${query ? `?${query}` : ""}`;
}

/** The text as an HTML attribute value in double quotes. */
export function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export type SnippetInput = {
  view: EmbedView;
  choices: EmbedChoices;
  /** The site's origin, e.g. https://tracker.example (no trailing slash). */
  origin: string;
  /** The frame's accessible name, in the chosen locale: what the chart shows. */
  title: string;
};

/** The `<iframe>` (and, with auto-height, the resizing script) to paste into another page. */
export function embedSnippet({ view, choices, origin, title }: SnippetInput): string {
  const height = clampInt(choices.height, MIN_EMBED_SIZE, MAX_EMBED_SIZE);
  const size =
    choices.width === "100%"
      ? { attributes: "", style: "border:0;width:100%" }
      : { attributes: ` width="${clampInt(choices.width, MIN_EMBED_SIZE, MAX_EMBED_SIZE)}"`, style: "border:0;max-width:100%" };
  const iframe =
    `<iframe src="${escapeAttribute(embedUrl(view, choices, origin))}" title="${escapeAttribute(title)}"` +
    `${size.attributes} height="${height}" loading="lazy" style="${size.style}" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  return choices.autoHeight ? `${iframe}\n<script async src="${escapeAttribute(`${origin}/embed.js`)}"></script>` : iframe;
}
