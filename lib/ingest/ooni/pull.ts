import { z } from "zod";
import { AppError } from "@/lib/errors";
import { fetchJson } from "../http/fetch-json";
import type { CheckpointItem, IngestItem, PullOptions } from "../types";
import { isRecord } from "./fields";
import { mapListMeasurement } from "./measurement";
import { INTERPRETED_TESTS } from "./verdict";

/**
 * Live pull of `GET {baseUrl}/api/v1/measurements`, one query per test of
 * OONI_PULL_TESTS (and per ASN when ASNs are given), oldest first:
 *
 *   ?test_name=…&probe_cc=KZ[&probe_asn=AS9198]&since=…&until=…
 *    &order_by=measurement_start_time&order=asc&limit=OONI_PAGE_LIMIT
 *
 * - Why per test rather than all tests: the tracker interprets these five,
 *   and a query per test keeps every other test's volume (ndt, dash, tor …)
 *   out of the pull; the cursor names the test it is in.
 * - Pages follow `metadata.next_url` (count and pages may be -1, so they are
 *   never used) until next_url is null or a page has no results. next_url is
 *   rewritten onto options.baseUrl, so a local server in tests, or a mirror,
 *   is followed rather than api.ooni.io.
 * - After each page: its items, then a CheckpointItem whose cursor
 *   (OoniPullCursor) is the next page of the same query, or `nextUrl: null`
 *   once that query is done. A resumed run (options.resumeFrom) starts there.
 * - A page that is not `{metadata:{…, next_url}, results:[…]}` throws
 *   OoniPageError: the run fails and the cursor of the last good page lets the
 *   next run resume. A bad record inside a good page is a RejectItem at
 *   position metadata.offset + index.
 * - HTTP: fetchJson (back-off on 429 and 5xx, options.fetchOptions passed on).
 */
export const OONI_PULL_TESTS = INTERPRETED_TESTS;

/** Measurements per page requested (the API's next_url keeps it). */
export const OONI_PAGE_LIMIT = 1000;

const ZOoniPullCursor = z.object({
  test: z.enum(OONI_PULL_TESTS),
  asn: z.number().int().positive().nullable(),
  /** The next page of this query, or null when the query is complete. */
  nextUrl: z.string().nullable(),
});
export type OoniPullCursor = z.infer<typeof ZOoniPullCursor>;

/** A page of the OONI API that is not what the pull reads: the run fails, and the next resumes from the last good page. */
export class OoniPageError extends AppError {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super("FEED", `${message} (${url})`);
    this.name = "OoniPageError";
  }
}

type PullQuery = { test: (typeof OONI_PULL_TESTS)[number]; asn: number | null };

function pullQueries(options: PullOptions): PullQuery[] {
  const asns = options.asns && options.asns.length > 0 ? options.asns : [null];
  return OONI_PULL_TESTS.flatMap((test) => asns.map((asn) => ({ test, asn })));
}

/** OONI accepts dates and zone-less UTC times: midnight is sent as the day alone. */
export function formatOoniQueryTime(at: Date): string {
  const iso = at.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

function trimSlashes(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

export function firstPageUrl(options: PullOptions, query: PullQuery): string {
  const params = new URLSearchParams({ test_name: query.test });
  if (options.country) params.set("probe_cc", options.country.toUpperCase());
  if (query.asn !== null) params.set("probe_asn", `AS${query.asn}`);
  params.set("since", formatOoniQueryTime(options.since));
  params.set("until", formatOoniQueryTime(options.until));
  params.set("order_by", "measurement_start_time");
  params.set("order", "asc");
  params.set("limit", String(OONI_PAGE_LIMIT));
  return `${trimSlashes(options.baseUrl)}/api/v1/measurements?${params}`;
}

/**
 * next_url as served (usually https://api.ooni.io/api/v1/…), moved onto the
 * configured base URL: same path and query, the base's origin and path prefix.
 * A URL already on the base's origin is kept as it is.
 */
export function rewriteOntoBaseUrl(nextUrl: string, baseUrl: string): string {
  const base = new URL(trimSlashes(baseUrl));
  const target = new URL(nextUrl, `${base.origin}/`);
  if (target.origin === base.origin) return target.href;
  const prefix = base.pathname === "/" ? "" : base.pathname;
  return `${base.origin}${prefix}${target.pathname}${target.search}`;
}

type MeasurementsPage = { results: unknown[]; nextUrl: string | null; offset: number };

function readMeasurementsPage(body: unknown, url: string): MeasurementsPage {
  if (!isRecord(body) || !Array.isArray(body.results) || !isRecord(body.metadata)) {
    throw new OoniPageError("The OONI measurements page is malformed: expected {metadata: {...}, results: [...]}", url);
  }
  const nextUrl = body.metadata.next_url;
  if (nextUrl !== null && nextUrl !== undefined && typeof nextUrl !== "string") {
    throw new OoniPageError("The OONI measurements page is malformed: metadata.next_url must be a URL or null", url);
  }
  const offset = body.metadata.offset;
  return {
    results: body.results,
    nextUrl: typeof nextUrl === "string" && nextUrl !== "" ? nextUrl : null,
    offset: typeof offset === "number" && Number.isInteger(offset) && offset >= 0 ? offset : 0,
  };
}

function* pageItems(page: MeasurementsPage): Generator<IngestItem> {
  for (const [index, record] of page.results.entries()) {
    const mapped = mapListMeasurement(record);
    if (mapped.ok) {
      yield mapped.item;
      continue;
    }
    yield {
      kind: "reject",
      position: page.offset + index,
      field: mapped.field,
      reason: `results[${index}]: ${mapped.reason}`,
      raw: JSON.stringify(record) ?? "",
    };
  }
}

function checkPullOptions(options: PullOptions): void {
  if (Number.isNaN(options.since.getTime()) || Number.isNaN(options.until.getTime())) {
    throw new AppError("VALIDATION", "OONI pull: since and until must be valid dates");
  }
  if (options.since >= options.until) throw new AppError("VALIDATION", "OONI pull: since must be before until");
  if (options.country !== undefined && !/^[A-Za-z]{2}$/.test(options.country)) {
    throw new AppError("VALIDATION", `OONI pull: country must be a two-letter code (got "${options.country}")`);
  }
  if (!options.country && !(options.asns && options.asns.length > 0)) {
    throw new AppError("VALIDATION", "OONI pull: give a country or at least one ASN (a worldwide pull is not supported)");
  }
  if (!URL.canParse(options.baseUrl)) throw new AppError("VALIDATION", `OONI pull: the base URL is not a URL ("${options.baseUrl}")`);
}

/** Where to start: the first query, or the query and page the saved cursor names. */
function startingPoint(options: PullOptions, queries: PullQuery[]): { index: number; url: string | null } {
  if (options.resumeFrom === null || options.resumeFrom === undefined) return { index: 0, url: null };
  const parsed = ZOoniPullCursor.safeParse(options.resumeFrom);
  if (!parsed.success) throw new AppError("FEED", `OONI pull: the saved cursor is not an OONI cursor (${JSON.stringify(options.resumeFrom)})`);
  const cursor = parsed.data;
  const index = queries.findIndex((query) => query.test === cursor.test && query.asn === cursor.asn);
  if (index === -1) {
    throw new AppError("FEED", `OONI pull: the saved cursor (${cursor.test}, ASN ${cursor.asn ?? "any"}) is not part of this request`);
  }
  if (cursor.nextUrl === null) return { index: index + 1, url: null };
  return { index, url: rewriteOntoBaseUrl(cursor.nextUrl, options.baseUrl) };
}

export async function* pullOoni(options: PullOptions): AsyncIterable<IngestItem> {
  checkPullOptions(options);
  const queries = pullQueries(options);
  const start = startingPoint(options, queries);
  for (const [index, query] of queries.entries()) {
    if (index < start.index) continue;
    let url: string | null = index === start.index && start.url !== null ? start.url : firstPageUrl(options, query);
    while (url !== null) {
      const page = readMeasurementsPage(await fetchJson(url, options.fetchOptions), url);
      yield* pageItems(page);
      const nextUrl: string | null =
        page.results.length === 0 || page.nextUrl === null ? null : rewriteOntoBaseUrl(page.nextUrl, options.baseUrl);
      if (nextUrl === url) throw new OoniPageError("The OONI measurements page names itself as next_url", url);
      const cursor: OoniPullCursor = { test: query.test, asn: query.asn, nextUrl };
      yield { kind: "checkpoint", cursor } satisfies CheckpointItem;
      url = nextUrl;
    }
  }
}
