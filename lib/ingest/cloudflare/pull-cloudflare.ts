import { AppError } from "@/lib/errors";
import { fetchJson } from "../http/fetch-json";
import type { IngestItem, PullOptions } from "../types";
import { cloudflareBodyItems, cloudflareRecordCount } from "./parse-cloudflare";

/**
 * Live pull from Cloudflare Radar (`options.baseUrl`, e.g.
 * https://api.cloudflare.com/client/v4), with `Authorization: Bearer
 * <options.token>` (required).
 *
 * Queries, in this order: for the country (`location=KZ`), then each ASN
 * (`asn=9198`):
 * 1. `GET /radar/annotations/outages?…&dateStart&dateEnd&limit&offset&format=json`;
 * 2. `GET /radar/traffic_anomalies?…&dateStart&dateEnd&limit&offset&format=json`.
 *
 * Each query is paged by `offset` in pages of CLOUDFLARE_PAGE_SIZE; a page
 * with fewer records than that is the last. After each page's items comes a
 * CheckpointItem whose cursor names the next page ({endpoint, filter, value,
 * offset}, or {done: true}); `options.resumeFrom` starts from it. An unknown
 * cursor is fatal rather than silently starting over. HTTP failures (after
 * fetchJson's back-off on 429 and 5xx), non-JSON bodies and `success: false`
 * stop the pull; the last checkpoint lets the next run carry on.
 */

export const CLOUDFLARE_PAGE_SIZE = 100;

const ENDPOINTS = ["annotations/outages", "traffic_anomalies"] as const;
type CloudflareEndpoint = (typeof ENDPOINTS)[number];

type CloudflareQuery = { endpoint: CloudflareEndpoint; filter: "location" | "asn"; value: string };

export type CloudflarePullCursor = (CloudflareQuery & { offset: number }) | { done: true };

/** The queries of a pull, in order. */
export function plannedCloudflareQueries(options: Pick<PullOptions, "country" | "asns">): CloudflareQuery[] {
  const filters: { filter: "location" | "asn"; value: string }[] = [
    ...(options.country ? [{ filter: "location" as const, value: options.country.toUpperCase() }] : []),
    ...(options.asns ?? []).map((asn) => ({ filter: "asn" as const, value: String(asn) })),
  ];
  return filters.flatMap((filter) => ENDPOINTS.map((endpoint) => ({ endpoint, ...filter })));
}

/** Radar takes date-times without milliseconds. */
function radarDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function pageUrl(options: PullOptions, query: CloudflareQuery, offset: number): string {
  const params = new URLSearchParams({
    [query.filter]: query.value,
    dateStart: radarDate(options.since),
    dateEnd: radarDate(options.until),
    limit: String(CLOUDFLARE_PAGE_SIZE),
    offset: String(offset),
    format: "json",
  });
  return `${options.baseUrl.replace(/\/+$/, "")}/radar/${query.endpoint}?${params}`;
}

function sameQuery(query: CloudflareQuery, cursor: CloudflareQuery): boolean {
  return query.endpoint === cursor.endpoint && query.filter === cursor.filter && query.value === cursor.value;
}

export async function* pullCloudflare(options: PullOptions): AsyncGenerator<IngestItem> {
  if (!options.token) throw new AppError("FEED", "A Cloudflare Radar pull needs an API token (Bearer)");
  if ((options.asns ?? []).length === 0 && !options.country) throw new AppError("VALIDATION", "A Cloudflare Radar pull needs a country or at least one ASN");
  if (!(options.since.getTime() < options.until.getTime())) throw new AppError("VALIDATION", "A Cloudflare Radar pull needs since before until");
  const queries = plannedCloudflareQueries(options);
  const resume = options.resumeFrom as CloudflarePullCursor | null;
  let firstQuery = 0;
  let firstOffset = 0;
  if (resume) {
    if ("done" in resume) return;
    firstQuery = queries.findIndex((query) => sameQuery(query, resume));
    if (firstQuery < 0 || !Number.isInteger(resume.offset) || resume.offset < 0) {
      throw new AppError("FEED", `The saved Cloudflare cursor ${JSON.stringify(resume)} does not match this pull's queries`);
    }
    firstOffset = resume.offset;
  }
  const fetchOptions = {
    ...options.fetchOptions,
    headers: { ...options.fetchOptions?.headers, authorization: `Bearer ${options.token}` },
  };

  for (const [index, query] of queries.entries()) {
    if (index < firstQuery) continue;
    let offset = index === firstQuery ? firstOffset : 0;
    for (;;) {
      const body = await fetchJson(pageUrl(options, query, offset), fetchOptions);
      yield* cloudflareBodyItems(body);
      const lastPage = cloudflareRecordCount(body) < CLOUDFLARE_PAGE_SIZE;
      offset += CLOUDFLARE_PAGE_SIZE;
      const next = queries[index + 1];
      const cursor: CloudflarePullCursor = !lastPage ? { ...query, offset } : next ? { ...next, offset: 0 } : { done: true };
      yield { kind: "checkpoint", cursor };
      if (lastPage) break;
    }
  }
}
