import { describe, expect, it } from "vitest";
import { measuredPeriod, measuredWindow, parseOperatorViewParams, viewParamsToQuery, ZOperatorParams, ZOperatorsEmbedParams, ZOperatorsParams } from "./operator-view";

describe("operator view parameters", () => {
  it("reads granularity, signals (listed or repeated), ASN split and normalisation", () => {
    const { view, ignored } = parseOperatorViewParams({ by: "year", signals: ["ioda.bgp,ooni.anomaly_rate", "ioda.bgp"], asns: "split", norm: "1" }, ZOperatorParams);
    expect(view).toEqual({ granularity: "year", signals: ["ioda.bgp", "ooni.anomaly_rate"], split: true, normalised: true });
    expect(ignored).toEqual([]);
    expect(viewParamsToQuery(view)).toEqual({ by: "year", signals: "ioda.bgp,ooni.anomaly_rate", asns: "split", norm: "1" });
  });

  it("reads the measure the comparison shows, and refuses a summed 'hours'", () => {
    const { view, ignored } = parseOperatorViewParams({ compare: ["service_blocking", "hours"] }, ZOperatorsParams);
    expect(view.compare).toBe("service_blocking");
    expect(ignored).toEqual([{ param: "compare", value: "hours" }]);
    expect(viewParamsToQuery(view)).toEqual({ compare: "service_blocking" });
  });

  it("ignores and reports values it does not know (in the address's order), and keeps defaults out of links", () => {
    const { view, ignored } = parseOperatorViewParams({ by: "week", signals: "ioda.bgp,nope", asns: ["combined", "both"], norm: "yes" }, ZOperatorParams);
    expect(view).toEqual({ granularity: undefined, signals: ["ioda.bgp"], split: false, normalised: false });
    expect(ignored).toEqual([
      { param: "by", value: "week" },
      { param: "signals", value: "nope" },
      { param: "asns", value: "both" },
      { param: "norm", value: "yes" },
    ]);
    expect(viewParamsToQuery(view)).toEqual({ signals: "ioda.bgp" });
  });

  it("reads values in any letter case, as the filters do", () => {
    expect(parseOperatorViewParams({ by: "YEAR", asns: "Split" }, ZOperatorParams).view).toMatchObject({ granularity: "year", split: true });
  });

  it("on the comparison's embed, refuses the measured chart's parameters instead of dropping them", () => {
    expect(parseOperatorViewParams({ by: "month", signals: "ioda.bgp", norm: "1" }, ZOperatorsEmbedParams).ignored).toEqual([
      { param: "signals", value: "ioda.bgp" },
      { param: "norm", value: "1" },
    ]);
    expect(parseOperatorViewParams({ by: "month", compare: "service_blocking" }, ZOperatorsEmbedParams).ignored).toEqual([]);
  });
});

describe("the measured chart's period", () => {
  const now = new Date("2022-06-01T00:00:00Z");
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("is the last 90 days without dates, and 90 days from an open end's other side", () => {
    expect(measuredWindow(undefined, undefined, now)).toEqual({ from: day("2022-03-03"), to: now });
    expect(measuredWindow(undefined, day("2022-01-31"), now)).toEqual({ from: day("2021-11-02"), to: day("2022-01-31") });
    expect(measuredWindow(day("2022-01-01"), undefined, now)).toEqual({ from: day("2022-01-01"), to: day("2022-04-01") });
    expect(measuredWindow(day("2022-05-20"), undefined, now)).toEqual({ from: day("2022-05-20"), to: now });
  });

  it("may be empty (the API refuses it), never on a page (a day from the start)", () => {
    expect(measuredWindow(day("2022-07-01"), undefined, now)).toEqual({ from: day("2022-07-01"), to: now });
    expect(measuredPeriod(day("2022-07-01"), undefined, now)).toEqual({ from: day("2022-07-01"), to: day("2022-07-02") });
  });
});
