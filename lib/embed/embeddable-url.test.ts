import { describe, expect, it } from "vitest";
import { parseEmbeddableUrl } from "./embeddable-url";

const SITE = "https://tracker.example";

describe("parseEmbeddableUrl", () => {
  it("reads full views and their embeds, in English and Russian", () => {
    expect(parseEmbeddableUrl(`${SITE}/isps/kcell?from=2022-01-01&to=2022-01-31`, SITE)).toEqual({
      kind: "isp",
      slug: "kcell",
      query: { from: "2022-01-01", to: "2022-01-31" },
      locale: "en",
    });
    expect(parseEmbeddableUrl(`${SITE}/ru/embed/isp/kcell?theme=dark`, SITE)).toEqual({ kind: "isp", slug: "kcell", query: { theme: "dark" }, locale: "ru" });
    expect(parseEmbeddableUrl(`${SITE}/timeline`, SITE)).toEqual({ kind: "timeline", query: {}, locale: "en" });
    expect(parseEmbeddableUrl(`${SITE}/ru/map/`, SITE)).toEqual({ kind: "map", query: {}, locale: "ru" });
    expect(parseEmbeddableUrl(`${SITE}/embed/isps?by=year`, SITE)).toEqual({ kind: "isps", query: { by: "year" }, locale: "en" });
    expect(parseEmbeddableUrl(`${SITE}/incidents/2022-01-qantar-shutdowns?tz=utc`, SITE)).toEqual({
      kind: "incident",
      slug: "2022-01-qantar-shutdowns",
      query: { tz: "utc" },
      locale: "en",
    });
    expect(parseEmbeddableUrl(`${SITE}/embed/incident/x1`, SITE)?.kind).toBe("incident");
  });

  it("reads the overview's embed (not the overview page itself) as the incidents-per-year embed", () => {
    expect(parseEmbeddableUrl(`${SITE}/embed/overview`, SITE)).toEqual({ kind: "overview", query: {}, locale: "en" });
    expect(parseEmbeddableUrl(`${SITE}/ru/embed/overview?chart=per-year`, SITE)).toEqual({ kind: "overview", query: {}, locale: "ru", chart: "per-year" });
  });

  it("reads an embed address's chart as the chart to embed alone, and refuses a chart the view does not have", () => {
    expect(parseEmbeddableUrl(`${SITE}/embed/isp/kcell?from=2022-01-01&chart=signals`, SITE)).toEqual({
      kind: "isp",
      slug: "kcell",
      query: { from: "2022-01-01" },
      locale: "en",
      chart: "signals",
    });
    expect(parseEmbeddableUrl(`${SITE}/ru/embed/map?chart=map`, SITE)).toEqual({ kind: "map", query: {}, locale: "ru", chart: "map" });
    expect(parseEmbeddableUrl(`${SITE}/embed/isp/kcell?chart=map`, SITE)).toBeNull();
    expect(parseEmbeddableUrl(`${SITE}/embed/timeline?chart=timeline&chart=timeline`, SITE)).toBeNull();
  });

  it("embeds the incident list as the timeline with the same filters, without the page", () => {
    expect(parseEmbeddableUrl(`${SITE}/incidents?operator=kcell&operator=beeline&page=2`, SITE)).toEqual({
      kind: "timeline",
      query: { operator: ["kcell", "beeline"] },
      locale: "en",
    });
  });

  it("leaves out the trackers a shared link picks up", () => {
    expect(parseEmbeddableUrl(`${SITE}/isps/kcell?from=2022-01-01&utm_source=x&utm_medium=social&fbclid=abc&gclid=d`, SITE)?.query).toEqual({ from: "2022-01-01" });
  });

  it("refuses other origins, relative addresses and paths without an embed", () => {
    expect(parseEmbeddableUrl("https://evil.example/isps/kcell", SITE)).toBeNull();
    expect(parseEmbeddableUrl("http://tracker.example/isps/kcell", SITE)).toBeNull();
    expect(parseEmbeddableUrl("https://tracker.example:8443/isps/kcell", SITE)).toBeNull();
    expect(parseEmbeddableUrl("https://user:pw@tracker.example/isps/kcell", SITE)).toBeNull();
    expect(parseEmbeddableUrl("/isps/kcell", SITE)).toBeNull();
    expect(parseEmbeddableUrl("not a url", SITE)).toBeNull();
    for (const path of ["/", "/api-docs", "/staff", "/isps/kcell/extra", "/isps/Kcell", "/kk/timeline", "/ru", "/embed", "/embed/isp", "/isps/..%2Fstaff"]) {
      expect(parseEmbeddableUrl(`${SITE}${path}`, SITE), path).toBeNull();
    }
  });
});
