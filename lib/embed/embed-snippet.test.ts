import { describe, expect, it } from "vitest";
import { MAX_ROLLING_DAYS as SCHEMA_MAX_ROLLING_DAYS } from "@/lib/schemas/embed";
import { DEFAULT_CHART_HEIGHTS, DEFAULT_EMBED_HEIGHTS, defaultEmbedChoices, embedPath, embedSnippet, embedUrl, escapeAttribute, fullViewPath, MAX_ROLLING_DAYS, type EmbedChoices, type EmbedView } from "./embed-snippet";

const ORIGIN = "https://tracker.example";
const KCELL: EmbedView = { kind: "isp", slug: "kcell", query: { from: "2022-01-01", to: "2022-01-31" } };
const FIXED: EmbedChoices = { width: "100%", height: 600, theme: "light", locale: "en", window: { kind: "fixed" }, autoHeight: false };

describe("embed paths", () => {
  it("maps each view to its embed and back to its full view, in either locale", () => {
    expect(embedPath({ kind: "timeline", query: {} }, "en")).toBe("/embed/timeline");
    expect(embedPath({ kind: "map", query: {} }, "ru")).toBe("/ru/embed/map");
    expect(embedPath({ kind: "isps", query: {} }, "en")).toBe("/embed/isps");
    expect(embedPath(KCELL, "ru")).toBe("/ru/embed/isp/kcell");
    expect(embedPath({ kind: "incident", slug: "2022-01-qantar", query: {} }, "en")).toBe("/embed/incident/2022-01-qantar");
    expect(fullViewPath(KCELL, "en")).toBe("/isps/kcell");
    expect(fullViewPath({ kind: "incident", slug: "a-b", query: {} }, "ru")).toBe("/ru/incidents/a-b");
    expect(fullViewPath({ kind: "map", query: {} }, "en")).toBe("/map");
    expect(embedPath({ kind: "overview", query: {} }, "ru")).toBe("/ru/embed/overview");
    expect(fullViewPath({ kind: "overview", query: {} }, "en")).toBe("/");
    expect(fullViewPath({ kind: "overview", query: {} }, "ru")).toBe("/ru");
  });
});

describe("a chart alone", () => {
  const kcellView: EmbedView = { kind: "isp", slug: "kcell", query: { from: "2022-01-01", to: "2022-01-31", by: "year", signals: "ioda.bgp", norm: "1" } };

  it("keeps the filters and only the parameters the chart reads, and names the chart", () => {
    expect(embedUrl({ ...kcellView, chart: "hours" }, { ...FIXED, theme: "dark" }, ORIGIN)).toBe(
      `${ORIGIN}/embed/isp/kcell?from=2022-01-01&to=2022-01-31&by=year&theme=dark&chart=hours`,
    );
    expect(embedUrl({ ...kcellView, chart: "signals" }, FIXED, ORIGIN)).toBe(`${ORIGIN}/embed/isp/kcell?from=2022-01-01&to=2022-01-31&signals=ioda.bgp&norm=1&chart=signals`);
    // The whole view keeps everything, and never a stale chart from the address it came from.
    expect(embedUrl({ ...kcellView, query: { ...kcellView.query, chart: "hours" } }, FIXED, ORIGIN)).toBe(
      `${ORIGIN}/embed/isp/kcell?from=2022-01-01&to=2022-01-31&by=year&signals=ioda.bgp&norm=1`,
    );
  });

  it("never rolls the overview, which counts every year", () => {
    expect(embedUrl({ kind: "overview", query: {}, chart: "per-year" }, { ...FIXED, window: { kind: "rolling", days: 30 } }, ORIGIN)).toBe(
      `${ORIGIN}/embed/overview?chart=per-year`,
    );
  });

  it("starts at a compact height of its own, in the snippet too", () => {
    expect(defaultEmbedChoices({ ...kcellView, chart: "hours" }, "en").height).toBe(DEFAULT_CHART_HEIGHTS.hours);
    expect(DEFAULT_CHART_HEIGHTS.hours).toBeLessThan(DEFAULT_EMBED_HEIGHTS.isp);
    const snippet = embedSnippet({ view: { ...kcellView, chart: "hours" }, choices: defaultEmbedChoices({ ...kcellView, chart: "hours" }, "en"), origin: ORIGIN, title: "Kcell" });
    expect(snippet).toContain(`chart=hours" title="Kcell" height="${DEFAULT_CHART_HEIGHTS.hours}"`);
  });
});

describe("embedUrl", () => {
  it("keeps the view's filters for a fixed window and adds only a dark theme", () => {
    expect(embedUrl(KCELL, FIXED, ORIGIN)).toBe(`${ORIGIN}/embed/isp/kcell?from=2022-01-01&to=2022-01-31`);
    expect(embedUrl(KCELL, { ...FIXED, theme: "dark", locale: "ru" }, ORIGIN)).toBe(
      `${ORIGIN}/ru/embed/isp/kcell?from=2022-01-01&to=2022-01-31&theme=dark`,
    );
  });

  it("replaces the period by `last` for a rolling window, keeping the other filters", () => {
    const view: EmbedView = { kind: "timeline", query: { from: "2022-01-01", to: "2022-01-31", year: ["2021", "2022"], operator: ["kcell", "beeline"], page: "3" } };
    expect(embedUrl(view, { ...FIXED, window: { kind: "rolling", days: 30 } }, ORIGIN)).toBe(
      `${ORIGIN}/embed/timeline?operator=kcell&operator=beeline&last=30`,
    );
    expect(embedUrl(view, { ...FIXED, window: { kind: "rolling", days: 99_999 } }, ORIGIN)).toContain(`last=${MAX_ROLLING_DAYS}`);
    expect(MAX_ROLLING_DAYS).toBe(SCHEMA_MAX_ROLLING_DAYS);
  });

  it("never rolls an incident, and drops a view's stale theme, last and page", () => {
    const incident: EmbedView = { kind: "incident", slug: "x", query: { tz: "utc", theme: "dark", last: "7", page: "2" } };
    expect(embedUrl(incident, { ...FIXED, window: { kind: "rolling", days: 7 } }, ORIGIN)).toBe(`${ORIGIN}/embed/incident/x?tz=utc`);
  });

  it("encodes values", () => {
    expect(embedUrl({ kind: "map", query: { region: "a&b c" } }, FIXED, ORIGIN)).toBe(`${ORIGIN}/embed/map?region=a%26b+c`);
  });
});

describe("embedSnippet", () => {
  it("is a lazy, borderless iframe with a title, and no script without auto-height", () => {
    const html = embedSnippet({ view: KCELL, choices: FIXED, origin: ORIGIN, title: "Kcell: disruptions" });
    expect(html).toBe(
      `<iframe src="${ORIGIN}/embed/isp/kcell?from=2022-01-01&amp;to=2022-01-31" title="Kcell: disruptions" height="600" loading="lazy" style="border:0;width:100%" referrerpolicy="strict-origin-when-cross-origin"></iframe>`,
    );
    expect(html).not.toMatch(/sandbox|allow=/);
  });

  it("uses a pixel width and clamps sizes", () => {
    const html = embedSnippet({ view: KCELL, choices: { ...FIXED, width: 640, height: 99_999 }, origin: ORIGIN, title: "t" });
    expect(html).toContain(' width="640" height="5000" ');
    expect(html).toContain('style="border:0;max-width:100%"');
    expect(embedSnippet({ view: KCELL, choices: { ...FIXED, width: 3, height: 3 }, origin: ORIGIN, title: "t" })).toContain(' width="100" height="100" ');
  });

  it("adds the resizing script from the site's origin with auto-height", () => {
    const html = embedSnippet({ view: KCELL, choices: { ...FIXED, autoHeight: true }, origin: ORIGIN, title: "t" });
    expect(html.split("\n")[1]).toBe(`<script async src="${ORIGIN}/embed.js"></script>`);
  });

  it("escapes attribute values", () => {
    const title = `"><script>alert(1)</script>&`;
    const html = embedSnippet({ view: { kind: "map", query: { region: `"><b>` } }, choices: FIXED, origin: ORIGIN, title });
    expect(html).toContain(`title="${escapeAttribute(title)}"`);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(escapeAttribute(`a"b<c>&`)).toBe("a&quot;b&lt;c&gt;&amp;");
  });

  it("starts from sensible defaults", () => {
    expect(defaultEmbedChoices(KCELL, "ru")).toEqual({ width: "100%", height: 900, theme: "light", locale: "ru", window: { kind: "fixed" }, autoHeight: true });
  });
});
