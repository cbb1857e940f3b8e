import { describe, expect, it } from "vitest";
import { parseOperatorViewParams, viewParamsToQuery } from "./view-params";

describe("operator view parameters", () => {
  it("reads granularity, signals (listed or repeated), ASN split and normalisation", () => {
    const { view, ignored } = parseOperatorViewParams({ by: "year", signals: ["ioda.bgp,ooni.anomaly_rate", "ioda.bgp"], asns: "split", norm: "1" });
    expect(view).toEqual({ granularity: "year", signals: ["ioda.bgp", "ooni.anomaly_rate"], split: true, normalised: true });
    expect(ignored).toEqual([]);
    expect(viewParamsToQuery(view)).toEqual({ by: "year", signals: "ioda.bgp,ooni.anomaly_rate", asns: "split", norm: "1" });
  });

  it("reads the measure the comparison shows, and refuses a summed 'hours'", () => {
    const { view, ignored } = parseOperatorViewParams({ compare: ["service_blocking", "hours"] });
    expect(view.compare).toBe("service_blocking");
    expect(ignored).toEqual([{ param: "compare", value: "hours" }]);
    expect(viewParamsToQuery(view)).toEqual({ compare: "service_blocking" });
  });

  it("ignores and reports values it does not know, and keeps defaults out of links", () => {
    const { view, ignored } = parseOperatorViewParams({ by: "week", signals: "ioda.bgp,nope", asns: ["combined", "both"], norm: "yes" });
    expect(view).toEqual({ granularity: undefined, signals: ["ioda.bgp"], split: false, normalised: false });
    expect(ignored).toEqual([
      { param: "by", value: "week" },
      { param: "asns", value: "both" },
      { param: "norm", value: "yes" },
      { param: "signals", value: "nope" },
    ]);
    expect(viewParamsToQuery(view)).toEqual({ signals: "ioda.bgp" });
  });
});
