import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { INCIDENT_LIST_DOWNLOAD_PARAMS } from "@/lib/schemas/incident-list-download";
import { CARD_PARAMS } from "@/lib/schemas/social-card";
import { VIEW_PARAMS } from "@/lib/schemas/view-params";
import { publicRouteFor } from "./public-routes";

/**
 * Every endpoint of the public API is on the allow-list (else its answers are
 * private and never kept), and its cache key holds every parameter its query
 * schema reads (else a parameter would be dropped, and two different answers
 * would share one key). Unknown parameters are refused, as the schemas do.
 */
describe("PUBLIC_ROUTES and the API's endpoints", () => {
  it.each(API_ENDPOINTS.map((endpoint) => [endpoint.path, endpoint] as const))("%s is public, keyed by exactly the parameters its query reads", (_path, endpoint) => {
    const match = publicRouteFor(new URL(endpoint.example, "http://tracker.test").pathname);
    expect(match, endpoint.example).not.toBeNull();
    expect([...match!.route.params].sort()).toEqual(Object.keys(endpoint.query.shape).sort());
    expect(match!.route.undeclared).toBe("refused");
  });
});

describe("PUBLIC_ROUTES and the other public files and pages", () => {
  it("the incident list's download is public, keyed by the list's filters, lang and format, and refuses the rest", () => {
    const match = publicRouteFor("/api/export/incidents");
    expect(match?.route.params).toEqual(INCIDENT_LIST_DOWNLOAD_PARAMS);
    expect(match?.route.undeclared).toBe("refused");
  });

  it("the data page and the overview's embed are public; the staff check is not", () => {
    expect(publicRouteFor("/about-data")?.route.name).toBe("about-data");
    expect(publicRouteFor("/ru/about-data")?.route.name).toBe("about-data");
    expect(publicRouteFor("/embed/overview")?.route.undeclared).toBe("refused");
    expect(publicRouteFor("/api/staff/me")).toBeNull();
  });

  it("an embed's cache key keeps `chart`, which picks what it draws", () => {
    for (const path of ["/embed/timeline", "/embed/map", "/embed/isps", "/embed/isp/kcell", "/embed/incident/x", "/embed/overview"]) {
      expect(publicRouteFor(path)?.route.params, path).toContain("chart");
    }
  });

  it("the social cards are keyed by every parameter a card reads, and refuse the rest", () => {
    for (const path of ["/api/og/timeline", "/api/og/incident/x", "/api/og/isp/kcell"]) {
      expect(publicRouteFor(path)?.route.params, path).toEqual(CARD_PARAMS);
      expect(publicRouteFor(path)?.route.undeclared, path).toBe("refused");
    }
  });

  it("the series endpoint is keyed by the operator page's names and by their old names", () => {
    const params = publicRouteFor("/api/v1/series")?.route.params ?? [];
    for (const name of [...VIEW_PARAMS.operator.filter((param) => param !== "by"), "signal", "split", "normalised"]) expect(params, name).toContain(name);
  });

  it("a page's cache key holds its views' parameters, from their schemas, in their order", () => {
    expect(publicRouteFor("/isps/kcell")?.route.params).toEqual([...VIEW_PARAMS.filters, ...VIEW_PARAMS.operator, "_rsc"]);
    expect(publicRouteFor("/ru/embed/incident/x")?.route.params).toEqual([...VIEW_PARAMS.incidentEmbed, "_rsc"]);
  });
});
