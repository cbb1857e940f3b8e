import { describe, expect, it } from "vitest";
import { STAFF_SPELLINGS } from "@/lib/testing/address-spellings";
import { planRequest, type PlanSettings, type PlannedRequest, type RequestPlan } from "./plan-request";

const DIRECT: PlanSettings = { trustedProxies: 0, staticPaths: new Set(["/embed.js", "/icon.svg"]) };
const get = (url: string, headers: PlannedRequest["headers"] = {}): PlannedRequest => ({ method: "GET", url, headers: { host: "127.0.0.1:3000", ...headers } });
const rendered = (plan: RequestPlan) => {
  if (plan.kind !== "render") throw new Error(`expected a render, got ${plan.kind}`);
  return plan;
};
const keyOf = (plan: RequestPlan) => rendered(plan).serve.key;

describe("planRequest: public is an allow-list", () => {
  it.each(STAFF_SPELLINGS)("%s is rendered privately and never kept", (path) => {
    const plan = rendered(planRequest(get(path), DIRECT));
    expect(plan.serve).toEqual({ key: null, forcePrivate: true });
    expect(plan.renderUrl).toBeNull();
  });

  it("keys public routes by origin and canonical address, whatever the spelling", () => {
    const canonical = keyOf(planRequest(get("/incidents?year=2019"), DIRECT));
    expect(canonical).toContain("http://127.0.0.1:3000\n/incidents?year=2019\n");
    for (const path of ["/%69ncidents?year=2019", "/incidents/?year=2019", "//incidents?year=2019", "/./incidents?year=2019&utm_source=x", "/isps/../incidents?year=2019"]) {
      expect(keyOf(planRequest(get(path), DIRECT)), path).toBe(canonical);
    }
    expect(rendered(planRequest(get("/%72u/%69sps/%6bcell"), DIRECT)).renderUrl).toBe("/ru/isps/kcell");
    expect(rendered(planRequest(get("/ru/"), DIRECT)).renderUrl).toBe("/ru");
  });

  it("keeps only the parameters a route reads, in the route's order, values of one name in order", () => {
    const plan = rendered(planRequest(get("/isps/kcell?utm_source=mail&to=2022-01-31&signals=ioda.bgp&from=2022-01-01&fbclid=1&year=2022&year=2021"), DIRECT));
    expect(plan.renderUrl).toBe("/isps/kcell?year=2022&year=2021&from=2022-01-01&to=2022-01-31&signals=ioda.bgp");
    expect(keyOf(planRequest(get("/isps/kcell?year=2022&year=2021&signals=ioda.bgp&to=2022-01-31&from=2022-01-01"), DIRECT))).toBe(plan.serve.key);
    expect(rendered(planRequest(get("/incidents/2022-01-qantar-shutdowns?year=2019&tz=utc"), DIRECT)).renderUrl).toBe("/incidents/2022-01-qantar-shutdowns?tz=utc");
    expect(rendered(planRequest(get("/?from=2022-01-01"), DIRECT)).renderUrl).toBe("/");
    // Next.js's own router parameter stays: it checks it against its router headers.
    expect(rendered(planRequest(get("/map?_rsc=abc&measure=full_blackout"), DIRECT)).renderUrl).toBe("/map?measure=full_blackout&_rsc=abc");
    // The measure the comparison of all operators shows is its own; one operator's page does not read it.
    expect(rendered(planRequest(get("/isps?compare=service_blocking&by=year&ref=1"), DIRECT)).renderUrl).toBe("/isps?by=year&compare=service_blocking");
    expect(rendered(planRequest(get("/embed/isps?compare=partial_disruption&norm=1"), DIRECT)).renderUrl).toBe("/embed/isps?compare=partial_disruption&norm=1");
    expect(rendered(planRequest(get("/isps/kcell?compare=service_blocking&by=year"), DIRECT)).renderUrl).toBe("/isps/kcell?by=year");
  });

  it("keeps a bad value of a parameter the route reads, so the page can still say so", () => {
    expect(rendered(planRequest(get("/embed/timeline?theme=sepia"), DIRECT)).renderUrl).toBe("/embed/timeline?theme=sepia");
    expect(rendered(planRequest(get("/embed/isps?signals=nope"), DIRECT)).renderUrl).toBe("/embed/isps?signals=nope");
  });

  it("renders, never keeps, an address with a parameter its route refuses", () => {
    for (const path of ["/embed/incident/2022-01-qantar-shutdowns?last=30", "/api/v1/incidents?bogus=1", "/api/og/timeline?utm=1"]) {
      expect(rendered(planRequest(get(path), DIRECT)).serve, path).toEqual({ key: null, forcePrivate: true });
    }
    expect(rendered(planRequest(get("/api/v1/incidents?lang=ru&type=full_blackout"), DIRECT)).renderUrl).toBe("/api/v1/incidents?type=full_blackout&lang=ru");
    expect(rendered(planRequest(get("/api/v1/disruption?by=year&region=almaty&to=2022-12-31&from=2022-01-01&format=csv"), DIRECT)).renderUrl).toBe(
      "/api/v1/disruption?region=almaty&from=2022-01-01&to=2022-12-31&by=year&format=csv",
    );
    expect(rendered(planRequest(get("/api/v1/disruption?operator=kcell&measure=hours"), DIRECT)).serve).toEqual({ key: null, forcePrivate: true });
    expect(rendered(planRequest(get("/embed/incident/2022-01-qantar-shutdowns?tz=utc&theme=dark"), DIRECT)).renderUrl).toBe(
      "/embed/incident/2022-01-qantar-shutdowns?theme=dark&tz=utc",
    );
  });

  it("takes the API, cards and feeds as they are spelled, never decoded", () => {
    expect(rendered(planRequest(get("/api/v1/operators"), DIRECT)).renderUrl).toBe("/api/v1/operators");
    expect(rendered(planRequest(get("/feeds/operators/kcell.atom?locale=ru&x=1"), DIRECT)).renderUrl).toBe("/feeds/operators/kcell.atom?locale=ru");
    for (const path of ["/api/v1/%6fperators", "/feeds/%69ncidents.xml", "/api/auth/get-session", "/api/health", "/api/export/stop"]) {
      expect(rendered(planRequest(get(path), DIRECT)).serve, path).toEqual({ key: null, forcePrivate: true });
    }
  });

  it("passes the build's files and public/ through untouched", () => {
    expect(planRequest(get("/_next/static/chunks/app.js"), DIRECT)).toEqual({ kind: "static" });
    expect(planRequest(get("/embed.js"), DIRECT)).toEqual({ kind: "static" });
    expect(planRequest(get("/icon.svg?abc"), DIRECT)).toEqual({ kind: "static" });
    expect(planRequest(get("/_next/static/../../staff/audit"), DIRECT).kind).toBe("render");
  });
});

describe("planRequest: a session cookie bypasses the cache", () => {
  it.each(["kst.session_token=abc", "__Secure-kst.session_token=abc.def", "theme=dark; __Secure-kst.session_token=x", "__Host-kst.session_token=y"])("%s", (cookie) => {
    const plan = rendered(planRequest(get("/incidents?year=2019", { cookie }), DIRECT));
    expect(plan.serve).toEqual({ key: null, forcePrivate: true });
    expect(plan.countsAsRender).toBe(true);
  });

  it("ignores other cookies", () => {
    expect(keyOf(planRequest(get("/incidents", { cookie: "theme=dark; kst_other=1" }), DIRECT))).not.toBeNull();
  });
});

describe("planRequest: the site's address never comes from the client", () => {
  const spoofed = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  it("ignores forwarded headers unless proxies are trusted", () => {
    expect(keyOf(planRequest(get("/isps/kcell", spoofed), DIRECT))).toBe(keyOf(planRequest(get("/isps/kcell"), DIRECT)));
    expect(keyOf(planRequest(get("/isps/kcell", spoofed), DIRECT))).toMatch(/^http:\/\/127\.0\.0\.1:3000\n/);
  });

  it("uses SITE_URL whatever the request says, so Host cannot split the cache either", () => {
    const settings = { ...DIRECT, siteUrl: "https://tracker.example.org/" };
    const key = keyOf(planRequest(get("/isps/kcell"), settings));
    expect(key).toMatch(/^https:\/\/tracker\.example\.org\n/);
    expect(keyOf(planRequest(get("/isps/kcell", { ...spoofed, host: "evil.example" }), settings))).toBe(key);
  });

  it("keys by the forwarded origin when a proxy is trusted to set it", () => {
    const behindProxy = { ...DIRECT, trustedProxies: 1 };
    expect(keyOf(planRequest(get("/isps/kcell", { "x-forwarded-host": "tracker.example.org", "x-forwarded-proto": "https" }), behindProxy))).toMatch(
      /^https:\/\/tracker\.example\.org\n/,
    );
    // A client's own value before the proxy's is ignored.
    expect(keyOf(planRequest(get("/isps/kcell", { "x-forwarded-host": "evil.example, tracker.example.org", "x-forwarded-proto": "http, https" }), behindProxy))).toMatch(
      /^https:\/\/tracker\.example\.org\n/,
    );
  });

  it("refuses a Host that is no host name", () => {
    for (const host of ["evil.example/x", 'a"><script>', "a b", ""]) expect(planRequest(get("/isps/kcell", { host }), DIRECT), host).toEqual({ kind: "bad-host" });
  });
});

describe("planRequest: what counts as a render", () => {
  it("counts every GET that is not the staff console or a file", () => {
    expect(rendered(planRequest(get("/incidents"), DIRECT)).countsAsRender).toBe(true);
    expect(rendered(planRequest(get("/no-such-page-1"), DIRECT)).countsAsRender).toBe(true);
    expect(rendered(planRequest(get("/staff/audit"), DIRECT)).countsAsRender).toBe(false);
    expect(rendered(planRequest(get("/%73taff/users"), DIRECT)).countsAsRender).toBe(false);
    expect(rendered(planRequest({ method: "POST", url: "/incidents", headers: { host: "x" } }, DIRECT)).countsAsRender).toBe(false);
  });

  it("answers in the address's language", () => {
    expect(rendered(planRequest(get("/ru/no-such-page"), DIRECT)).locale).toBe("ru");
    expect(rendered(planRequest(get("/%72u/isps"), DIRECT)).locale).toBe("ru");
    expect(rendered(planRequest(get("/isps"), DIRECT)).locale).toBe("en");
  });
});
