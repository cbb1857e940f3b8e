import "server-only";
import { createTranslator } from "next-intl";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { readServerEnv } from "@/lib/env";
import { buildIncidentFeed, FEED_CONTENT_TYPES, incidentFeedPath, parseFeedFileName, type IncidentFeedEntry } from "@/lib/feeds/build-incident-feed";
import { MESSAGES } from "@/lib/i18n/messages";
import { endText } from "@/lib/incidents/figure-text";
import { routing } from "@/lib/i18n/routing";
import { NON_PAGE_CONTENT_SECURITY_POLICY } from "@/lib/security/headers";
import { listIncidentFeedEntries, type IncidentFeedChange } from "@/lib/server/incidents/list-incident-feed-entries";
import { PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";
import { requestOrigin } from "@/lib/site-url";
import { TRACKER_LICENCE } from "@/lib/credits/data-credits";

/** CDNs keep a feed five minutes and may serve it stale for an hour while refetching. */
export const FEED_CACHE_CONTROL = PUBLIC_CACHE_CONTROL;
const ERROR_CACHE_CONTROL = "public, max-age=60, s-maxage=60";
/** Feeds are data, never pages: nothing in them may run or frame (proxy.ts leaves feed files alone). */
const FEED_CONTENT_SECURITY_POLICY = NON_PAGE_CONTENT_SECURITY_POLICY;

/**
 * Answers GET /feeds/incidents.{xml,atom,json} (global) or
 * /feeds/operators/<slug>.{xml,atom,json} (one operator's incidents), in
 * English or, with ?locale=ru, Russian. An unknown format or operator is a
 * plain 404; an unknown locale a plain 400 (a feed has no page to show a
 * notice on, and silently answering in English would cache a wrong variant).
 */
export async function incidentFeedResponse(request: Request, fileName: string, scope: "global" | "operator"): Promise<Response> {
  const url = new URL(request.url);
  const requestedLocale = url.searchParams.get("locale") ?? routing.defaultLocale;
  const locale = routing.locales.find((candidate) => candidate === requestedLocale);
  const t = createTranslator({ locale: locale ?? "en", messages: MESSAGES[locale ?? "en"], namespace: "incidentFeeds" });
  if (!locale) return plainError(400, t("errors.badLocale"));

  const file = parseFeedFileName(fileName);
  if (!file || (scope === "global" && file.name !== "incidents")) return plainError(404, t("errors.notFound"));
  const result = await listIncidentFeedEntries({
    caller: ANONYMOUS,
    locale,
    ...(scope === "operator" ? { operator: file.name } : {}),
    showEditorNames: readServerEnv().PUBLIC_EDITOR_NAMES,
  });
  if (!result) return plainError(404, t("errors.notFound"));

  const origin = requestOrigin(request);
  const pages = locale === routing.defaultLocale ? origin : `${origin}/${locale}`;
  const operator = result.operator;
  const feedUrl = (format: "xml" | "atom" | "json") => `${origin}${incidentFeedPath(format, { operator: operator?.slug, locale })}`;
  const fieldLabels = createTranslator({ locale, messages: MESSAGES[locale], namespace: "incidents.detail.changeLog.fields" });
  const ends = createTranslator({ locale, messages: MESSAGES[locale], namespace: "measures.end" });
  const document = buildIncidentFeed(
    {
      title: operator ? t("operatorTitle", { operator: operator.name }) : t("globalTitle"),
      description: operator ? t("operatorDescription", { operator: operator.name }) : t("globalDescription"),
      language: locale,
      homeUrl: operator ? `${pages}/isps/${operator.slug}` : `${pages}/incidents`,
      feedUrls: { xml: feedUrl("xml"), atom: feedUrl("atom"), json: feedUrl("json") },
      updated: result.changes[0]?.at ?? new Date(0),
      // The records are the tracker's curated data: its licence (decision 0017).
      copyright: t("rights", { licence: TRACKER_LICENCE.name, url: TRACKER_LICENCE.url }),
      author: { name: t("copyright"), link: `${pages}/` },
      entries: result.changes.map((change) =>
        feedEntry(change, `${pages}/incidents/${change.slug}`, {
          updatedTitle: (title) => t("updatedTitle", { title }),
          changedFields: (fields) =>
            t("changedFields", { fields: fields.map((field) => (fieldLabels.has(field as never) ? fieldLabels(field as never) : field)).join(", ") }),
          note: (note) => t("note", { note }),
          editor: (name) => t("editor", { name }),
          status: (end) => t("status", { status: endText(end, (key, values) => ends(key as never, values as never), locale) }),
        }),
      ),
    },
    file.format,
  );
  return new Response(document, {
    headers: {
      "Content-Type": FEED_CONTENT_TYPES[file.format],
      "Cache-Control": FEED_CACHE_CONTROL,
      "Content-Security-Policy": FEED_CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

type EntryTexts = {
  updatedTitle: (title: string) => string;
  changedFields: (fields: string[]) => string;
  note: (note: string) => string;
  editor: (name: string) => string;
  status: (end: IncidentFeedChange["end"]) => string;
};

/**
 * A first publication is the incident itself (id: its URL); each later public
 * update is an entry of its own (id: the URL plus the update's time), so
 * readers see updates as new items instead of silently edited old ones.
 */
function feedEntry(change: IncidentFeedChange, incidentUrl: string, texts: EntryTexts): IncidentFeedEntry {
  const extra = [
    ...(change.kind === "UPDATED" ? [texts.changedFields(change.fields)] : []),
    ...(change.note ? [texts.note(change.note)] : []),
    ...(change.editor ? [texts.editor(change.editor)] : []),
    texts.status(change.end),
  ];
  if (change.kind === "FIRST_PUBLISHED") {
    return {
      id: incidentUrl,
      url: incidentUrl,
      title: change.title,
      summary: change.summary,
      paragraphs: [change.summary, ...extra],
      published: change.firstPublishedAt,
      updated: change.at,
    };
  }
  return {
    id: `${incidentUrl}#update-${change.at.toISOString()}`,
    url: incidentUrl,
    title: texts.updatedTitle(change.title),
    summary: texts.changedFields(change.fields),
    paragraphs: [...extra, change.summary],
    published: change.at,
    updated: change.at,
  };
}

/** Like lib/site-url.ts's siteOrigin, from the request itself (route handlers are also called directly by tests). */
function plainError(status: 400 | 404, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": ERROR_CACHE_CONTROL,
      "Content-Security-Policy": FEED_CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
