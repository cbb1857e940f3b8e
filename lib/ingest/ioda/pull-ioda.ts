import { AppError } from "@/lib/errors";
import { fetchJson } from "../http/fetch-json";
import type { IngestItem, PullOptions } from "../types";
import { iodaEnvelopeItems } from "./parse-ioda";

/**
 * Live pull from IODA API v2 (`options.baseUrl`, e.g.
 * https://api.ioda.inetintel.cc.gatech.edu/v2).
 *
 * Entities: every `options.asns` ASN, then `options.country`. For each
 * entity, in this order:
 * 1. `GET /signals/raw/{asn|country}/{code}?from&until&datasource` for each
 *    datasource — bgp, ping-slash24, merit-nt, ucsd-nt, and for a country
 *    also gtr (Google's transparency report is per country, not per ASN);
 * 2. `GET /outages/events?entityType&entityCode&from&until&format=codf`;
 * 3. `GET /outages/alerts?entityType&entityCode&from&until`.
 *
 * Each request covers one window of WINDOW_SECONDS (7 days): at the native
 * 5- and 10-minute steps that is at most 2,016 points a series, under IODA's
 * default `maxPoints` of 3,000, so IODA never coarsens the step. Windows are
 * half-open [from, until); a point on a boundary that IODA returns in both
 * windows is stored once (the writer is idempotent).
 *
 * After each request's items comes a CheckpointItem whose cursor names the
 * *next* request ({entity, endpoint, datasource, from}, or {done: true});
 * `options.resumeFrom` skips every request before it. An unknown cursor is
 * fatal rather than silently starting over. HTTP failures (after fetchJson's
 * back-off on 429 and 5xx), non-JSON bodies and IODA `error` envelopes stop
 * the pull; the last checkpoint lets the next run carry on.
 */

export const IODA_SCALAR_DATASOURCES = ["bgp", "ping-slash24", "merit-nt", "ucsd-nt", "gtr"] as const;
const COUNTRY_ONLY_DATASOURCES = new Set(["gtr"]);
export const IODA_WINDOW_SECONDS = 7 * 24 * 3600;

type IodaEndpoint = "signals" | "events" | "alerts";

export type IodaPullCursor =
  | { entity: string; endpoint: IodaEndpoint; datasource?: string; from: number }
  | { done: true };

type IodaRequest = { entityType: "asn" | "country"; entityCode: string; endpoint: IodaEndpoint; datasource?: string; from: number; until: number };

function cursorOf(request: IodaRequest): IodaPullCursor {
  return {
    entity: `${request.entityType}/${request.entityCode}`,
    endpoint: request.endpoint,
    ...(request.datasource ? { datasource: request.datasource } : {}),
    from: request.from,
  };
}

function sameCursor(a: IodaPullCursor, b: IodaPullCursor): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function windows(since: Date, until: Date): { from: number; until: number }[] {
  const start = Math.floor(since.getTime() / 1000);
  const end = Math.ceil(until.getTime() / 1000);
  const result: { from: number; until: number }[] = [];
  for (let from = start; from < end; from += IODA_WINDOW_SECONDS) result.push({ from, until: Math.min(from + IODA_WINDOW_SECONDS, end) });
  return result;
}

/** Every request of the pull, in order. */
export function plannedIodaRequests(options: Pick<PullOptions, "since" | "until" | "asns" | "country">): IodaRequest[] {
  const entities: { entityType: "asn" | "country"; entityCode: string }[] = [
    ...(options.asns ?? []).map((asn) => ({ entityType: "asn" as const, entityCode: String(asn) })),
    ...(options.country ? [{ entityType: "country" as const, entityCode: options.country.toUpperCase() }] : []),
  ];
  const spans = windows(options.since, options.until);
  const requests: IodaRequest[] = [];
  for (const entity of entities) {
    for (const datasource of IODA_SCALAR_DATASOURCES) {
      if (entity.entityType === "asn" && COUNTRY_ONLY_DATASOURCES.has(datasource)) continue;
      for (const span of spans) requests.push({ ...entity, endpoint: "signals", datasource, ...span });
    }
    for (const endpoint of ["events", "alerts"] as const) {
      for (const span of spans) requests.push({ ...entity, endpoint, ...span });
    }
  }
  return requests;
}

function requestUrl(baseUrl: string, request: IodaRequest): string {
  const base = baseUrl.replace(/\/+$/, "");
  const range = `from=${request.from}&until=${request.until}`;
  const entity = `entityType=${request.entityType}&entityCode=${encodeURIComponent(request.entityCode)}`;
  if (request.endpoint === "signals") {
    return `${base}/signals/raw/${request.entityType}/${encodeURIComponent(request.entityCode)}?${range}&datasource=${encodeURIComponent(request.datasource ?? "")}`;
  }
  if (request.endpoint === "events") return `${base}/outages/events?${entity}&${range}&format=codf`;
  return `${base}/outages/alerts?${entity}&${range}`;
}

export async function* pullIoda(options: PullOptions): AsyncGenerator<IngestItem> {
  if ((options.asns ?? []).length === 0 && !options.country) throw new AppError("VALIDATION", "An IODA pull needs at least one ASN or a country");
  if (!(options.since.getTime() < options.until.getTime())) throw new AppError("VALIDATION", "An IODA pull needs since before until");
  const requests = plannedIodaRequests(options);
  const resume = options.resumeFrom as IodaPullCursor | null;
  let first = 0;
  if (resume) {
    if ("done" in resume && resume.done) return;
    first = requests.findIndex((request) => sameCursor(cursorOf(request), resume));
    if (first < 0) throw new AppError("FEED", `The saved IODA cursor ${JSON.stringify(resume)} does not match this pull's requests`);
  }
  for (const [index, request] of requests.entries()) {
    if (index < first) continue;
    const envelope = await fetchJson(requestUrl(options.baseUrl, request), options.fetchOptions);
    yield* iodaEnvelopeItems(envelope);
    const next = requests[index + 1];
    yield { kind: "checkpoint", cursor: next ? cursorOf(next) : { done: true } };
  }
}
