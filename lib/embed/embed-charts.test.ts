import { describe, expect, it } from "vitest";
import { VIEW_PARAMS } from "@/lib/schemas/view-params";
import { chartsOf, EMBED_CHARTS, EMBED_KINDS, EMBED_VIEW_PARAMS, isChartOf, paramsNotRead } from "./embed-charts";
import { readEmbedChart } from "./read-embed-chart";

describe("the charts each embed offers", () => {
  it("lists every chart of the public views, each reading only its view's parameters", () => {
    expect(Object.fromEntries(EMBED_KINDS.map((kind) => [kind, chartsOf(kind)]))).toEqual({
      overview: ["per-year"],
      timeline: ["timeline"],
      map: ["map"],
      isps: ["comparison"],
      isp: ["hours", "signals"],
      incident: ["phases"],
    });
    for (const kind of EMBED_KINDS) {
      for (const params of Object.values(EMBED_CHARTS[kind]) as readonly string[][]) {
        for (const name of params) expect(EMBED_VIEW_PARAMS[kind], `${kind}: ${name}`).toContain(name);
      }
    }
  });

  it("reads, across its charts, exactly the parameters of the view it frames (lib/schemas/view-params.ts)", () => {
    expect(EMBED_VIEW_PARAMS).toEqual({
      overview: [],
      timeline: [],
      map: VIEW_PARAMS.map,
      isps: VIEW_PARAMS.operators,
      isp: VIEW_PARAMS.operator,
      incident: VIEW_PARAMS.incident,
    });
  });

  it("knows which of a view's parameters a chart does not read", () => {
    expect(paramsNotRead("isp", "hours")).toEqual(["signals", "asns", "norm"]);
    expect(paramsNotRead("isp", "signals")).toEqual(["by"]);
    expect(paramsNotRead("map", "map")).toEqual([]);
    expect(isChartOf("isp", "hours")).toBe(true);
    expect(isChartOf("isps", "hours")).toBe(false);
    expect(isChartOf("isp", "toString")).toBe(false);
  });
});

describe("readEmbedChart", () => {
  it("reads no chart as the whole view, and a chart of the embed as itself", () => {
    expect(readEmbedChart("isp", { from: "2022-01-01" })).toEqual({ ok: true, chart: null });
    expect(readEmbedChart("isp", { chart: "hours", by: "year" })).toEqual({ ok: true, chart: "hours" });
    expect(readEmbedChart("isp", { chart: "signals", signals: "ioda.bgp", norm: "1" })).toEqual({ ok: true, chart: "signals" });
    expect(readEmbedChart("incident", { chart: "phases", tz: "utc" })).toEqual({ ok: true, chart: "phases" });
  });

  it("names the problem for the error card: another view's chart, a repeated chart, or a parameter the chart does not read", () => {
    expect(readEmbedChart("isp", { chart: "map" })).toEqual({ ok: false, problem: { param: "chart", value: "map" } });
    expect(readEmbedChart("timeline", { chart: ["timeline", "timeline"] })).toEqual({ ok: false, problem: { param: "chart", value: "timeline,timeline" } });
    expect(readEmbedChart("isp", { chart: "hours", signals: ["ioda.bgp", "ooni.anomaly_rate"] })).toEqual({
      ok: false,
      problem: { param: "signals", value: "ioda.bgp,ooni.anomaly_rate" },
    });
    expect(readEmbedChart("isp", { chart: "signals", by: "month" })).toEqual({ ok: false, problem: { param: "by", value: "month" } });
  });
});
