import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { FeedHttpError } from "../http/fetch-json";
import type { IngestItem, PullOptions } from "../types";
import { formatOoniQueryTime, OoniPageError, pullOoni, rewriteOntoBaseUrl, type OoniPullCursor } from "./pull";
import { collect, collectUntilFailure } from "../testing/feed-test-server";

/** A response the local server sends: status, headers and a body (an object is sent as JSON). */
type Reply = { status?: number; headers?: Record<string, string>; body: unknown };
/** Decides the reply from the test_name and offset asked for, and how many times that page was asked. */
type Route = (request: { test: string; offset: number; attempt: number }) => Reply;

let server: Server | null = null;

async function startOoniServer(route: Route): Promise<{ baseUrl: string; requests: URL[] }> {
  const requests: URL[] = [];
  const attempts = new Map<string, number>();
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(url);
    const test = url.searchParams.get("test_name") ?? "";
    const offset = Number(url.searchParams.get("offset") ?? "0");
    const key = `${test}@${offset}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const reply = url.pathname === "/api/v1/measurements" ? route({ test, offset, attempt }) : { status: 404, body: {} };
    response.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    response.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, requests };
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

function listRecord(test: string, serial: number, overrides: Record<string, unknown> = {}) {
  const compact = test.replace(/_/g, "");
  return {
    anomaly: serial % 2 === 0,
    confirmed: false,
    failure: false,
    input: test === "web_connectivity" ? `https://site-${serial}.example/` : null,
    probe_asn: "AS9198",
    probe_cc: "KZ",
    report_id: `20220110T1000${String(serial).padStart(2, "0")}Z_${compact}_KZ_9198_n1_Fixture${serial}`,
    scores: { blocking_general: 0.0, blocking_global: 0.0, blocking_country: 0.0, blocking_isp: 0.0, blocking_local: 0.0 },
    test_name: test,
    measurement_start_time: `2022-01-10T10:00:${String(serial).padStart(2, "0")}.000000Z`,
    measurement_uid: `202201101000${String(serial).padStart(2, "0")}.000001_KZ_${compact}_${String(serial).padStart(16, "0")}`,
    ...overrides,
  };
}

/** A page whose next_url points at api.ooni.io, as the real API's does. */
function page(results: unknown[], offset: number, next: { test: string; offset: number } | null) {
  return {
    metadata: {
      count: -1,
      pages: -1,
      limit: 1000,
      offset,
      current_page: offset === 0 ? 1 : 2,
      query_time: 0.01,
      next_url: next
        ? `https://api.ooni.io/api/v1/measurements?test_name=${next.test}&probe_cc=KZ&since=2022-01-01&until=2022-01-31&limit=1000&offset=${next.offset}`
        : null,
    },
    results,
  };
}

/** Two pages of web_connectivity (the second after a 429), a 500 before telegram, a reject in whatsapp. */
const happyRoute: Route = ({ test, offset, attempt }) => {
  if (test === "web_connectivity" && offset === 0) {
    return { body: page([listRecord(test, 1), listRecord(test, 2)], 0, { test, offset: 2 }) };
  }
  if (test === "web_connectivity" && offset === 2) {
    if (attempt === 1) return { status: 429, headers: { "retry-after": "7" }, body: { error: "rate limited" } };
    return { body: page([listRecord(test, 3)], 2, null) };
  }
  if (test === "telegram" && offset === 0) {
    if (attempt === 1) return { status: 500, body: "upstream exploded" };
    return { body: page([listRecord(test, 4)], 0, { test, offset: 1 }) };
  }
  // An empty page ends the query even though next_url is set.
  if (test === "telegram" && offset === 1) return { body: page([], 1, { test, offset: 2 }) };
  if (test === "whatsapp") return { body: page([listRecord(test, 5), listRecord(test, 6, { probe_cc: 7 })], 0, null) };
  if (test === "signal") return { body: page([], 0, null) };
  if (test === "facebook_messenger") return { body: page([listRecord(test, 8)], 0, null) };
  return { status: 400, body: { error: `unexpected ${test}@${offset}` } };
};


const summarise = (items: IngestItem[]) =>
  items.map((item) => {
    if (item.kind === "ooni") return `ooni ${item.testName} ${item.uid.slice(0, 14)}`;
    if (item.kind === "reject") return `reject ${item.position} ${item.field}`;
    if (item.kind === "checkpoint") {
      const cursor = item.cursor as OoniPullCursor;
      const offset = cursor.nextUrl ? new URL(cursor.nextUrl).searchParams.get("offset") : null;
      return `checkpoint ${cursor.test} ${offset ?? "done"}`;
    }
    return item.kind;
  });

function pullOptions(baseUrl: string, overrides: Partial<PullOptions> = {}): PullOptions {
  return {
    since: new Date("2022-01-01T00:00:00Z"),
    until: new Date("2022-01-31T00:00:00Z"),
    country: "KZ",
    baseUrl,
    resumeFrom: null,
    fetchOptions: { sleep: async () => {}, backoffMs: 1 },
    ...overrides,
  };
}

describe("pullOoni against a local OONI API", () => {
  it("pages each test through next_url, backs off on 429 and 500, and checkpoints after every page", async () => {
    const { baseUrl, requests } = await startOoniServer(happyRoute);
    const waits: number[] = [];
    const retries: (number | undefined)[] = [];
    const items = await collect(
      pullOoni(
        pullOptions(baseUrl, {
          fetchOptions: { sleep: async (ms) => void waits.push(ms), backoffMs: 1, onRetry: ({ status }) => void retries.push(status) },
        }),
      ),
    );
    expect(summarise(items)).toEqual([
      "ooni web_connectivity 20220110100001",
      "ooni web_connectivity 20220110100002",
      "checkpoint web_connectivity 2",
      "ooni web_connectivity 20220110100003",
      "checkpoint web_connectivity done",
      "ooni telegram 20220110100004",
      "checkpoint telegram 1",
      "checkpoint telegram done",
      "ooni whatsapp 20220110100005",
      "reject 1 probe_cc",
      "checkpoint whatsapp done",
      "checkpoint signal done",
      "ooni facebook_messenger 20220110100008",
      "checkpoint facebook_messenger done",
    ]);
    // The 429's Retry-After (7 s) is honoured; the 500 gets the exponential back-off.
    expect(retries).toEqual([429, 500]);
    expect(waits[0]).toBe(7000);
    // Every request, next_url pages included, went to the local server.
    expect(requests).toHaveLength(9);
    const first = requests[0];
    expect(first?.pathname).toBe("/api/v1/measurements");
    expect(Object.fromEntries(first?.searchParams ?? [])).toEqual({
      test_name: "web_connectivity",
      probe_cc: "KZ",
      since: "2022-01-01",
      until: "2022-01-31",
      order_by: "measurement_start_time",
      order: "asc",
      limit: "1000",
    });
    const checkpoint = items.find((item) => item.kind === "checkpoint");
    expect(checkpoint?.kind === "checkpoint" && (checkpoint.cursor as OoniPullCursor).nextUrl?.startsWith(baseUrl)).toBe(true);
  });

  it("asks per ASN when ASNs are given", async () => {
    const { baseUrl, requests } = await startOoniServer(({ test }) => ({ body: page([listRecord(test, 1)], 0, null) }));
    const items = await collect(pullOoni(pullOptions(baseUrl, { country: undefined, asns: [9198, 21299] })));
    expect(requests.map((url) => `${url.searchParams.get("test_name")} ${url.searchParams.get("probe_asn")}`)).toEqual([
      "web_connectivity AS9198",
      "web_connectivity AS21299",
      "telegram AS9198",
      "telegram AS21299",
      "whatsapp AS9198",
      "whatsapp AS21299",
      "signal AS9198",
      "signal AS21299",
      "facebook_messenger AS9198",
      "facebook_messenger AS21299",
    ]);
    expect(requests[0]?.searchParams.has("probe_cc")).toBe(false);
    expect(items.filter((item) => item.kind === "checkpoint").map((item) => (item as { cursor: OoniPullCursor }).cursor.asn)).toEqual([
      9198, 21299, 9198, 21299, 9198, 21299, 9198, 21299, 9198, 21299,
    ]);
  });

  it("fails on a malformed page after checkpointing the good ones, and resumes from that checkpoint", async () => {
    let broken = true;
    const route: Route = (request) => {
      if (broken && request.test === "web_connectivity" && request.offset === 2) {
        return { body: { error: "Query took too long", results: "unavailable" } };
      }
      return happyRoute({ ...request, attempt: 2 });
    };
    const { baseUrl, requests } = await startOoniServer(route);
    const failed = await collectUntilFailure(pullOoni(pullOptions(baseUrl)));
    expect(failed.error).toBeInstanceOf(OoniPageError);
    expect((failed.error as Error).message).toContain("malformed");
    // An expected feed failure: an AppError with its code, printed as itself.
    expect(isAppError(failed.error, "FEED")).toBe(true);
    expect(summarise(failed.items)).toEqual([
      "ooni web_connectivity 20220110100001",
      "ooni web_connectivity 20220110100002",
      "checkpoint web_connectivity 2",
    ]);

    broken = false;
    const lastCheckpoint = failed.items.at(-1);
    const resumeFrom = lastCheckpoint?.kind === "checkpoint" ? lastCheckpoint.cursor : null;
    requests.length = 0;
    const resumed = await collect(pullOoni(pullOptions(baseUrl, { resumeFrom })));
    expect(summarise(resumed).slice(0, 3)).toEqual([
      "ooni web_connectivity 20220110100003",
      "checkpoint web_connectivity done",
      "ooni telegram 20220110100004",
    ]);
    // The first page was not fetched again.
    expect(requests[0]?.searchParams.get("offset")).toBe("2");
  });

  it("resumes after a finished query with the next test, and from a cursor saved against api.ooni.io", async () => {
    const { baseUrl, requests } = await startOoniServer((request) => happyRoute({ ...request, attempt: 2 }));
    const afterWhatsapp = await collect(
      pullOoni(pullOptions(baseUrl, { resumeFrom: { test: "whatsapp", asn: null, nextUrl: null } satisfies OoniPullCursor })),
    );
    expect(summarise(afterWhatsapp)).toEqual([
      "checkpoint signal done",
      "ooni facebook_messenger 20220110100008",
      "checkpoint facebook_messenger done",
    ]);

    requests.length = 0;
    const cursor: OoniPullCursor = {
      test: "telegram",
      asn: null,
      nextUrl: "https://api.ooni.io/api/v1/measurements?test_name=telegram&probe_cc=KZ&since=2022-01-01&until=2022-01-31&limit=1000&offset=1",
    };
    const midTelegram = await collect(pullOoni(pullOptions(baseUrl, { resumeFrom: cursor })));
    expect(summarise(midTelegram)[0]).toBe("checkpoint telegram done");
    expect(`${requests[0]?.pathname}${requests[0]?.search}`).toBe(new URL(cursor.nextUrl ?? "").pathname + new URL(cursor.nextUrl ?? "").search);
  });

  it("refuses a cursor that is not an OONI cursor of this request", async () => {
    const { baseUrl } = await startOoniServer(happyRoute);
    await expect(collect(pullOoni(pullOptions(baseUrl, { resumeFrom: { window: 3 } })))).rejects.toThrow(/not an OONI cursor/);
    await expect(
      collect(pullOoni(pullOptions(baseUrl, { resumeFrom: { test: "signal", asn: 9198, nextUrl: null } }))),
    ).rejects.toThrow(/not part of this request/);
  });

  it("fails with FeedHttpError when the body is not JSON or the API refuses the request", async () => {
    const notJson = await startOoniServer(() => ({ body: "<html>maintenance</html>" }));
    await expect(collect(pullOoni(pullOptions(notJson.baseUrl)))).rejects.toThrow(FeedHttpError);
  });

  it("checks its options before any request", async () => {
    const options = pullOptions("http://127.0.0.1:9");
    await expect(collect(pullOoni({ ...options, since: options.until }))).rejects.toThrow(/since must be before until/);
    await expect(collect(pullOoni({ ...options, country: undefined }))).rejects.toThrow(/country or at least one ASN/);
    await expect(collect(pullOoni({ ...options, country: "Kazakhstan" }))).rejects.toThrow(/two-letter/);
  });
});

describe("OONI pull helpers", () => {
  it("moves next_url onto the configured base URL, keeping path and query", () => {
    const next = "https://api.ooni.io/api/v1/measurements?probe_cc=KZ&offset=100";
    expect(rewriteOntoBaseUrl(next, "http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000/api/v1/measurements?probe_cc=KZ&offset=100");
    expect(rewriteOntoBaseUrl(next, "https://mirror.example/ooni/")).toBe("https://mirror.example/ooni/api/v1/measurements?probe_cc=KZ&offset=100");
    expect(rewriteOntoBaseUrl("https://mirror.example/ooni/api/v1/measurements?offset=2", "https://mirror.example/ooni")).toBe(
      "https://mirror.example/ooni/api/v1/measurements?offset=2",
    );
    expect(rewriteOntoBaseUrl("/api/v1/measurements?offset=3", "http://127.0.0.1:4000")).toBe("http://127.0.0.1:4000/api/v1/measurements?offset=3");
  });

  it("sends midnight as a day and other instants as zone-less UTC", () => {
    expect(formatOoniQueryTime(new Date("2022-01-05T00:00:00Z"))).toBe("2022-01-05");
    expect(formatOoniQueryTime(new Date("2022-01-05T06:30:00Z"))).toBe("2022-01-05T06:30:00");
  });
});
