import { afterEach, describe, expect, it } from "vitest";
import { FeedHttpError } from "../http/fetch-json";
import type { PullOptions, SeriesPointItem } from "../types";
import { checkpoints, collect, collectUntilFailure, startFeedTestServer, withoutCheckpoints, type FeedReply, type FeedTestServer } from "../testing/feed-test-server";
import { IodaApiError, IODA_WINDOW_SECONDS, pullIoda, type IodaPullCursor } from "./index";

const SINCE = new Date("2022-01-01T00:00:00Z");
const UNTIL = new Date("2022-01-10T00:00:00Z"); // one full 7-day window and one of 2 days
const SINCE_EPOCH = SINCE.getTime() / 1000;
const SECOND_WINDOW = SINCE_EPOCH + IODA_WINDOW_SECONDS;

/** What an IODA server would answer, built from the request (a series of 3 buckets with a gap). */
function iodaReply(url: URL): FeedReply {
  const from = Number(url.searchParams.get("from"));
  const envelope = (type: string, data: unknown[]) => ({ type, metadata: {}, requestParameters: {}, error: null, perf: null, data, copyright: "test" });
  if (url.pathname.startsWith("/v2/signals/raw/")) {
    const [, , , , entityType, entityCode] = url.pathname.split("/");
    const datasource = url.searchParams.get("datasource");
    const series = { entityType, entityCode, entityName: "test", datasource, from, until: from + 900, step: 300, nativeStep: 300, values: [10, null, 30] };
    return { body: JSON.stringify(envelope("signals", [[series]])) };
  }
  if (url.pathname === "/v2/outages/events") {
    const location = `${url.searchParams.get("entityType")}/${url.searchParams.get("entityCode")}`;
    return { body: JSON.stringify(envelope("events", [{ location, start: from + 60, duration: 600, datasource: "bgp", method: "bgp", score: 1 }])) };
  }
  if (url.pathname === "/v2/outages/alerts") {
    const entity = { type: url.searchParams.get("entityType"), code: url.searchParams.get("entityCode"), name: "test" };
    return { body: JSON.stringify(envelope("alerts", [{ datasource: "bgp", entity, time: from + 120, level: "critical", condition: "<", value: 1, historyValue: 2, method: "m" }])) };
  }
  return { status: 404, body: "{}" };
}

let server: FeedTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function options(baseUrl: string, extra: Partial<PullOptions> = {}): PullOptions {
  return {
    since: SINCE,
    until: UNTIL,
    asns: [9198],
    baseUrl: `${baseUrl}/v2`,
    resumeFrom: null,
    fetchOptions: { sleep: async () => {}, backoffMs: 1 },
    ...extra,
  };
}


describe("pullIoda", () => {
  it("requests every datasource, window, events and alerts in order, with a checkpoint after each", async () => {
    server = await startFeedTestServer(iodaReply);
    const items = await collect(pullIoda(options(server.baseUrl)));

    const paths = server.requests.map(({ url }) => `${url.pathname}?${url.searchParams}`);
    expect(paths).toEqual([
      ...["bgp", "ping-slash24", "merit-nt", "ucsd-nt"].flatMap((datasource) => [
        `/v2/signals/raw/asn/9198?from=${SINCE_EPOCH}&until=${SECOND_WINDOW}&datasource=${datasource}`,
        `/v2/signals/raw/asn/9198?from=${SECOND_WINDOW}&until=${UNTIL.getTime() / 1000}&datasource=${datasource}`,
      ]),
      `/v2/outages/events?entityType=asn&entityCode=9198&from=${SINCE_EPOCH}&until=${SECOND_WINDOW}&format=codf`,
      `/v2/outages/events?entityType=asn&entityCode=9198&from=${SECOND_WINDOW}&until=${UNTIL.getTime() / 1000}&format=codf`,
      `/v2/outages/alerts?entityType=asn&entityCode=9198&from=${SINCE_EPOCH}&until=${SECOND_WINDOW}`,
      `/v2/outages/alerts?entityType=asn&entityCode=9198&from=${SECOND_WINDOW}&until=${UNTIL.getTime() / 1000}`,
    ]);

    // Each window's series gives 2 points (one gap), at from + step * i.
    const points = items.filter((item): item is SeriesPointItem => item.kind === "point");
    expect(points).toHaveLength(16);
    expect(points.slice(0, 2).map((point) => [point.signal, point.at.toISOString(), point.value, point.asn])).toEqual([
      ["bgp", "2022-01-01T00:00:00.000Z", 10, 9198],
      ["bgp", "2022-01-01T00:10:00.000Z", 30, 9198],
    ]);
    expect(items.filter((item) => item.kind === "event")).toHaveLength(4);

    // The checkpoint after a request names the next one; the last says done.
    const cursors = checkpoints(items);
    expect(cursors).toHaveLength(12);
    expect(cursors[0]).toEqual({ entity: "asn/9198", endpoint: "signals", datasource: "bgp", from: SECOND_WINDOW });
    expect(cursors[1]).toEqual({ entity: "asn/9198", endpoint: "signals", datasource: "ping-slash24", from: SINCE_EPOCH });
    expect(cursors[7]).toEqual({ entity: "asn/9198", endpoint: "events", from: SINCE_EPOCH });
    expect(cursors[11]).toEqual({ done: true });
    // Items of a request come before its checkpoint.
    expect(items[0]!.kind).toBe("point");
    expect(items[2]).toEqual({ kind: "checkpoint", cursor: cursors[0] });
  });

  it("adds gtr for a country and pulls ASNs before the country", async () => {
    server = await startFeedTestServer(iodaReply);
    const items = await collect(pullIoda(options(server.baseUrl, { until: new Date("2022-01-02T00:00:00Z"), country: "kz" })));
    const signals = server.requests.filter(({ url }) => url.pathname.startsWith("/v2/signals/raw/")).map(({ url }) => `${url.pathname} ${url.searchParams.get("datasource")}`);
    expect(signals).toEqual([
      "/v2/signals/raw/asn/9198 bgp",
      "/v2/signals/raw/asn/9198 ping-slash24",
      "/v2/signals/raw/asn/9198 merit-nt",
      "/v2/signals/raw/asn/9198 ucsd-nt",
      "/v2/signals/raw/country/KZ bgp",
      "/v2/signals/raw/country/KZ ping-slash24",
      "/v2/signals/raw/country/KZ merit-nt",
      "/v2/signals/raw/country/KZ ucsd-nt",
      "/v2/signals/raw/country/KZ gtr",
    ]);
    const countryPoints = items.filter((item): item is SeriesPointItem => item.kind === "point" && item.entityType === "COUNTRY");
    expect(countryPoints[0]).toMatchObject({ entityCode: "KZ", asn: undefined });
  });

  it("backs off on a 429 and a 500 and then gets the same items", async () => {
    server = await startFeedTestServer(iodaReply);
    const clean = await collect(pullIoda(options(server.baseUrl)));
    await server.close();

    server = await startFeedTestServer((url, attempt) => {
      const datasource = url.searchParams.get("datasource");
      if (datasource === "bgp" && attempt === 1) return { status: 429, body: '{"error":"slow down"}', headers: { "retry-after": "0" } };
      if (datasource === "merit-nt" && attempt === 1) return { status: 500, body: "oops" };
      return iodaReply(url);
    });
    const retries: (number | undefined)[] = [];
    const items = await collect(
      pullIoda(options(server.baseUrl, { fetchOptions: { sleep: async () => {}, backoffMs: 1, onRetry: ({ status }) => retries.push(status) } })),
    );
    expect(retries).toEqual([429, 429, 500, 500]); // two windows each
    expect(items).toEqual(clean);
  });

  it("stops on a malformed page and resumes from the last checkpoint without losing anything", async () => {
    server = await startFeedTestServer(iodaReply);
    const clean = await collect(pullIoda(options(server.baseUrl)));
    await server.close();

    let broken = true;
    server = await startFeedTestServer((url) => {
      if (broken && url.searchParams.get("datasource") === "merit-nt") return { body: '{"type":"signals","data":[[{"entityType' };
      return iodaReply(url);
    });
    const first = await collectUntilFailure(pullIoda(options(server.baseUrl)));
    expect(first.error).toBeInstanceOf(FeedHttpError);
    const lastCursor = checkpoints(first.items).at(-1) as IodaPullCursor;
    expect(lastCursor).toEqual({ entity: "asn/9198", endpoint: "signals", datasource: "merit-nt", from: SINCE_EPOCH });

    broken = false;
    const requestsBefore = server.requests.length;
    const second = await collect(pullIoda(options(server.baseUrl, { resumeFrom: lastCursor })));
    // The resumed run starts at the failed request, not at the beginning.
    expect(server.requests[requestsBefore]!.url.searchParams.get("datasource")).toBe("merit-nt");
    expect([...withoutCheckpoints(first.items), ...withoutCheckpoints(second)]).toEqual(withoutCheckpoints(clean));
    expect(checkpoints(second).at(-1)).toEqual({ done: true });
  });

  it("does nothing after a finished cursor and refuses a cursor from another pull", async () => {
    server = await startFeedTestServer(iodaReply);
    expect(await collect(pullIoda(options(server.baseUrl, { resumeFrom: { done: true } })))).toEqual([]);
    await expect(collect(pullIoda(options(server.baseUrl, { resumeFrom: { entity: "asn/1", endpoint: "signals", datasource: "bgp", from: 0 } })))).rejects.toThrow(
      "does not match this pull's requests",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("fails on an error envelope served with HTTP 200, and without an entity", async () => {
    server = await startFeedTestServer(() => ({ body: JSON.stringify({ type: "signals", error: "Invalid entity", data: null }) }));
    await expect(collect(pullIoda(options(server.baseUrl)))).rejects.toThrow(IodaApiError);
    await expect(collect(pullIoda(options(server.baseUrl, { asns: [] })))).rejects.toThrow("needs at least one ASN or a country");
  });
});
