import { describe, expect, it } from "vitest";
import { readMapParams } from "./read-map-params";

const KNOWN = { months: ["2022-01", "2022-02"], regions: ["astana", "abai"] };

describe("readMapParams", () => {
  it("defaults to incidents over the whole period, nothing selected", () => {
    expect(readMapParams({}, KNOWN)).toEqual({ measure: "count", frame: 0, selected: null, ignored: [] });
  });

  it("reads the measure, the month as a frame and the selected region", () => {
    expect(readMapParams({ measure: "partial_disruption", month: "2022-02", selected: "abai" }, KNOWN)).toEqual({
      measure: "partial_disruption",
      frame: 2,
      selected: "abai",
      ignored: [],
    });
  });

  it("has no summed 'hours' measure any more: it is ignored and reported", () => {
    expect(readMapParams({ measure: "hours" }, KNOWN)).toEqual({ measure: "count", frame: 0, selected: null, ignored: [{ param: "measure", value: "hours" }] });
  });

  it("ignores and reports values that do not fit, and repeats; the first good value wins", () => {
    const params = readMapParams({ measure: "area", month: ["2019-05", "2022-02", "2022-01"], selected: "atlantis" }, KNOWN);
    expect(params).toMatchObject({ measure: "count", frame: 2, selected: null });
    expect(params.ignored).toEqual([
      { param: "measure", value: "area" },
      { param: "month", value: "2019-05" },
      { param: "month", value: "2022-01" },
      { param: "selected", value: "atlantis" },
    ]);
  });
});
