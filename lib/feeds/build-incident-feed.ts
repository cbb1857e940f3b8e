import { Feed } from "feed";
import { escapeHtml } from "@/lib/html/escape-html";

/**
 * Incident feeds in three formats, written with the `feed` library: RSS 2.0
 * (`.xml`), Atom 1.0 (`.atom`) and JSON Feed 1.1 (`.json`). Pure: the route
 * handlers in app/feeds/ pass the entries and the localized texts.
 */

export const FEED_FORMATS = ["xml", "atom", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  xml: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/** The MIME types for `<link rel="alternate" type=…>`. */
export const FEED_LINK_TYPES: Record<FeedFormat, string> = {
  xml: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

/** "incidents.atom" → { name: "incidents", format: "atom" }; null for an unknown extension. */
export function parseFeedFileName(fileName: string): { name: string; format: FeedFormat } | null {
  const match = /^(.+)\.([a-z]+)$/.exec(fileName);
  if (!match) return null;
  const format = FEED_FORMATS.find((candidate) => candidate === match[2]);
  return format ? { name: match[1]!, format } : null;
}

/** The site-relative path of a feed: the global one, or one operator's. */
export function incidentFeedPath(format: FeedFormat, options: { operator?: string; locale?: string } = {}): string {
  const path = options.operator ? `/feeds/operators/${encodeURIComponent(options.operator)}.${format}` : `/feeds/incidents.${format}`;
  return options.locale && options.locale !== "en" ? `${path}?locale=${options.locale}` : path;
}

export type IncidentFeedEntry = {
  /** A stable, unique id: the incident's URL, or the URL plus the update's time. */
  id: string;
  url: string;
  /** Plain text; the library escapes it. */
  title: string;
  /** Plain text. */
  summary: string;
  /** Paragraphs of plain text; escaped here and sent as HTML content. */
  paragraphs: string[];
  published: Date;
  updated: Date;
};

export type IncidentFeed = {
  title: string;
  description: string;
  language: string;
  /** The page the feed belongs to (absolute). */
  homeUrl: string;
  /** The three feeds' own absolute URLs. */
  feedUrls: Record<FeedFormat, string>;
  /** The newest entry's time, or the epoch for an empty feed (stable for caches). */
  updated: Date;
  copyright: string;
  /** The publisher, e.g. the site's name and home page (Atom requires an author). */
  author: { name: string; link: string };
  entries: IncidentFeedEntry[];
};


/** The feed document in `format`. */
export function buildIncidentFeed(feed: IncidentFeed, format: FeedFormat): string {
  const document = new Feed({
    id: feed.homeUrl,
    title: feed.title,
    description: feed.description,
    link: feed.homeUrl,
    language: feed.language,
    updated: feed.updated,
    generator: false,
    copyright: feed.copyright,
    author: feed.author,
    feed: feed.feedUrls[format],
    feedLinks: { rss: feed.feedUrls.xml, atom: feed.feedUrls.atom, json: feed.feedUrls.json },
  });
  // RSS and Atom readers treat titles and descriptions as HTML, so plain text goes in escaped;
  // JSON Feed's title and summary are plain text by definition.
  const asMarkup = format === "json" ? (text: string) => text : escapeHtml;
  for (const entry of feed.entries) {
    document.addItem({
      id: entry.id,
      guid: entry.id,
      link: entry.url,
      title: asMarkup(entry.title),
      description: asMarkup(entry.summary),
      content: entry.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(""),
      date: entry.updated,
      published: entry.published,
    });
  }
  if (format === "xml") return document.rss2();
  if (format === "atom") return document.atom1();
  return toJsonFeed11(document.json1(), feed.language);
}

/** The library writes JSON Feed 1.0; 1.1 adds `language` and replaces `author` with `authors`. */
function toJsonFeed11(json: string, language: string): string {
  const { author, ...parsed } = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify({ ...parsed, version: "https://jsonfeed.org/version/1.1", language, ...(author ? { authors: [author] } : {}) }, null, 2);
}
