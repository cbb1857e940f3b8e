import { createTranslator } from "next-intl";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { notFound, parseQuery, problemResponse } from "@/lib/api/problem";
import { parseEmbeddableUrl } from "@/lib/embed/embeddable-url";
import { buildOembed } from "@/lib/embed/oembed";
import { MESSAGES } from "@/lib/i18n/messages";
import { ZOembedQuery } from "@/lib/schemas/api/oembed";
import { getEmbedNames } from "@/lib/server/embeds/get-embed-names";
import { requestOrigin } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/**
 * GET /api/oembed?url=…&maxwidth=…&maxheight=…: the oEmbed (https://oembed.com) `rich`
 * answer for a view of this site, whose html is the embed dialog's snippet.
 * JSON only (format=xml is 501, as the spec says); an address that is not an
 * embeddable view of this site, or names an unknown operator or incident, is 404.
 */
export const GET = apiGet(async (request: Request) => {
  const query = parseQuery(ZOembedQuery, new URL(request.url));
  if (query.format === "xml") {
    return problemResponse({ type: "about:blank", title: "Not implemented", status: 501, detail: "Only format=json is supported." });
  }
  const origin = requestOrigin(request);
  const view = parseEmbeddableUrl(query.url, origin);
  if (!view) throw notFound("The url is not an embeddable view of this site.");
  const title = (await getEmbedNames({ caller: ANONYMOUS, view }))?.titles[view.locale];
  if (!title) throw notFound("The url names no published incident or known operator.");
  const site = createTranslator({ locale: view.locale, messages: MESSAGES[view.locale], namespace: "site" });
  const { locale, ...embedView } = view;
  return Response.json(
    buildOembed({ view: embedView, locale, origin, title, providerName: site("name"), maxwidth: query.maxwidth, maxheight: query.maxheight }),
  );
}, { licensed: false });

export const OPTIONS = apiOptions;
