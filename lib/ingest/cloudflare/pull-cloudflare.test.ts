import { afterEach, describe, expect, it } from "vitest";
import { FeedHttpError } from "../http/fetch-json";
import type { OutageEventItem, PullOptions } from "../types";
import { checkpoints, collect, collectUntilFailure, startFeedTestServer, withoutCheckpoints, type FeedReply, type FeedTestServer } from "../testing/feed-test-server";
import { CLOUDFLARE_PAGE_SIZE, CloudflareApiError, pullCloudflare, type CloudflarePullCursor } from "./index";

const SINCE = new Date("2022-01-01T00:00:00.000Z");
const UNTIL = new Date("2022-01-31T00:00:00.000Z");
/** Annotations for location=KZ: one full page and a short one. */
const KZ_ANNOTATIONS = CLOUDFLARE_PAGE_SIZE + 3;

function annotation(index: number) {
  return {
    id: `kz-${index}`,
    dataSource: "ALL",
    description: null,
    scope: null,
    startDate: new Date(SINCE.getTime() + index * 3600_000).toISOString(),
    endDate: null,
    locations: ["KZ"],
    asns: [],
    eventType: "OUTAGE",
    linkedUrl: null,
    outage: { outageCause: "GOVERNMENT_DIRECTED", outageType: "NATIONWIDE" },
  };
}

/** What Radar would answer, built from the request. */
function radarReply(url: URL): FeedReply {
  const offset = Number(url.searchParams.get("offset"));
  const limit = Number(url.searchParams.get("limit"));
  const ok = (result: unknown) => ({ body: JSON.stringify({ success: true, errors: [], messages: [], result }) });
  if (url.pathname === "/client/v4/radar/annotations/outages") {
    if (url.searchParams.get("location") === "KZ") {
      const all = Array.from({ length: KZ_ANNOTATIONS }, (_, index) => annotation(index));
      return ok({ annotations: all.slice(offset, offset + limit) });
    }
    return ok({ annotations: [{ ...annotation(0), id: "asn-1", locations: [], asns: [Number(url.searchParams.get("asn"))] }] });
  }
  if (url.pathname === "/client/v4/radar/traffic_anomalies") {
    const filter = url.searchParams.get("location") ?? url.searchParams.get("asn");
    return ok({ trafficAnomalies: [{ uuid: `anomaly-${filter}`, startDate: "2022-01-05T11:00:00Z", status: "VERIFIED", type: "LOCATION", locationDetails: { code: "KZ", name: "Kazakhstan" } }] });
  }
  return { status: 404, body: JSON.stringify({ success: false, errors: [{ code: 404, message: "no route" }] }) };
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
    country: "KZ",
    asns: [9198],
    baseUrl: `${baseUrl}/client/v4`,
    token: "test-token",
    resumeFrom: null,
    fetchOptions: { sleep: async () => {}, backoffMs: 1 },
    ...extra,
  };
}


describe("pullCloudflare", () => {
  it("pages annotations by offset, then traffic anomalies, for the location and each ASN, with a token", async () => {
    server = await startFeedTestServer(radarReply);
    const items = await collect(pullCloudflare(options(server.baseUrl)));

    expect(server.requests.map(({ url }) => `${url.pathname}?${url.searchParams}`)).toEqual([
      `/client/v4/radar/annotations/outages?location=KZ&dateStart=2022-01-01T00%3A00%3A00Z&dateEnd=2022-01-31T00%3A00%3A00Z&limit=${CLOUDFLARE_PAGE_SIZE}&offset=0&format=json`,
      `/client/v4/radar/annotations/outages?location=KZ&dateStart=2022-01-01T00%3A00%3A00Z&dateEnd=2022-01-31T00%3A00%3A00Z&limit=${CLOUDFLARE_PAGE_SIZE}&offset=${CLOUDFLARE_PAGE_SIZE}&format=json`,
      `/client/v4/radar/traffic_anomalies?location=KZ&dateStart=2022-01-01T00%3A00%3A00Z&dateEnd=2022-01-31T00%3A00%3A00Z&limit=${CLOUDFLARE_PAGE_SIZE}&offset=0&format=json`,
      `/client/v4/radar/annotations/outages?asn=9198&dateStart=2022-01-01T00%3A00%3A00Z&dateEnd=2022-01-31T00%3A00%3A00Z&limit=${CLOUDFLARE_PAGE_SIZE}&offset=0&format=json`,
      `/client/v4/radar/traffic_anomalies?asn=9198&dateStart=2022-01-01T00%3A00%3A00Z&dateEnd=2022-01-31T00%3A00%3A00Z&limit=${CLOUDFLARE_PAGE_SIZE}&offset=0&format=json`,
    ]);
    expect(server.requests.every(({ headers }) => headers.authorization === "Bearer test-token")).toBe(true);

    const events = items.filter((item): item is OutageEventItem => item.kind === "event");
    expect(events).toHaveLength(KZ_ANNOTATIONS + 3);
    expect(new Set(events.map((event) => event.key)).size).toBe(events.length);
    expect(events.filter((event) => event.eventKind === "CLOUDFLARE_TRAFFIC_ANOMALY").map((event) => event.key)).toEqual(["anomaly-KZ", "anomaly-9198"]);
    expect(events.find((event) => event.key === "asn-1")).toMatchObject({ entityType: "ASN", entityCode: "9198", asns: [9198] });

    expect(checkpoints(items)).toEqual([
      { endpoint: "annotations/outages", filter: "location", value: "KZ", offset: CLOUDFLARE_PAGE_SIZE },
      { endpoint: "traffic_anomalies", filter: "location", value: "KZ", offset: 0 },
      { endpoint: "annotations/outages", filter: "asn", value: "9198", offset: 0 },
      { endpoint: "traffic_anomalies", filter: "asn", value: "9198", offset: 0 },
      { done: true },
    ]);
    // A page's items come before its checkpoint.
    expect(items[CLOUDFLARE_PAGE_SIZE]!.kind).toBe("checkpoint");
  });

  it("backs off on a 429 and a 500 and then gets the same items", async () => {
    server = await startFeedTestServer(radarReply);
    const clean = await collect(pullCloudflare(options(server.baseUrl)));
    await server.close();

    server = await startFeedTestServer((url, attempt) => {
      if (url.searchParams.get("offset") === String(CLOUDFLARE_PAGE_SIZE) && attempt === 1) return { status: 429, body: "", headers: { "retry-after": "0" } };
      if (url.pathname.endsWith("traffic_anomalies") && url.searchParams.get("asn") && attempt === 1) return { status: 500, body: "" };
      return radarReply(url);
    });
    const retries: (number | undefined)[] = [];
    const items = await collect(
      pullCloudflare(options(server.baseUrl, { fetchOptions: { sleep: async () => {}, backoffMs: 1, onRetry: ({ status }) => retries.push(status) } })),
    );
    expect(retries).toEqual([429, 500]);
    expect(items).toEqual(clean);
  });

  it("stops on a malformed page and resumes from the last checkpoint without losing anything", async () => {
    server = await startFeedTestServer(radarReply);
    const clean = await collect(pullCloudflare(options(server.baseUrl)));
    await server.close();

    let broken = true;
    server = await startFeedTestServer((url) =>
      broken && url.searchParams.get("offset") === String(CLOUDFLARE_PAGE_SIZE) ? { body: '{"success":true,"result":{"annotations":[' } : radarReply(url),
    );
    const first = await collectUntilFailure(pullCloudflare(options(server.baseUrl)));
    expect(first.error).toBeInstanceOf(FeedHttpError);
    const lastCursor = checkpoints(first.items).at(-1) as CloudflarePullCursor;
    expect(lastCursor).toEqual({ endpoint: "annotations/outages", filter: "location", value: "KZ", offset: CLOUDFLARE_PAGE_SIZE });

    broken = false;
    const requestsBefore = server.requests.length;
    const second = await collect(pullCloudflare(options(server.baseUrl, { resumeFrom: lastCursor })));
    expect(server.requests[requestsBefore]!.url.searchParams.get("offset")).toBe(String(CLOUDFLARE_PAGE_SIZE));
    expect([...withoutCheckpoints(first.items), ...withoutCheckpoints(second)]).toEqual(withoutCheckpoints(clean));
  });

  it("fails on success: false, without a token, and on a cursor from another pull", async () => {
    server = await startFeedTestServer(() => ({ body: JSON.stringify({ success: false, errors: [{ code: 10000, message: "Authentication error" }], result: null }) }));
    await expect(collect(pullCloudflare(options(server.baseUrl)))).rejects.toThrow(CloudflareApiError);
    await expect(collect(pullCloudflare(options(server.baseUrl, { token: undefined })))).rejects.toThrow("needs an API token");
    await expect(
      collect(pullCloudflare(options(server.baseUrl, { resumeFrom: { endpoint: "annotations/outages", filter: "asn", value: "1", offset: 0 } }))),
    ).rejects.toThrow("does not match this pull's queries");
    expect(await collect(pullCloudflare(options(server.baseUrl, { resumeFrom: { done: true } })))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
