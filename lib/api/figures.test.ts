import { describe, expect, it } from "vitest";
import { apiPeriod } from "./figures";

describe("apiPeriod", () => {
  it("writes instants in ISO form and calendar days as YYYY-MM-DD, in the API's order", () => {
    const period = apiPeriod({
      startsAt: new Date("2022-01-05T11:15:00Z"),
      startPrecision: "EXACT",
      endsAt: null,
      endPrecision: null,
      endStatus: "ONGOING",
      lastCheckedOn: new Date("2022-01-07T00:00:00Z"),
      lastReportedOn: null,
    });
    expect(period).toEqual({
      starts_at: "2022-01-05T11:15:00.000Z",
      start_precision: "EXACT",
      ends_at: null,
      end_precision: null,
      end_status: "ONGOING",
      last_checked_on: "2022-01-07",
      last_reported_on: null,
    });
    expect(Object.keys(period)).toEqual(["starts_at", "start_precision", "ends_at", "end_precision", "end_status", "last_checked_on", "last_reported_on"]);
  });

  it("writes a recorded end as an instant", () => {
    const period = apiPeriod({
      startsAt: new Date("2022-01-05T11:15:00Z"),
      startPrecision: "HOUR",
      endsAt: new Date("2022-01-10T06:00:00Z"),
      endPrecision: "DAY",
      endStatus: "RECORDED",
      lastCheckedOn: null,
      lastReportedOn: null,
    });
    expect(period.ends_at).toBe("2022-01-10T06:00:00.000Z");
    expect(period.end_precision).toBe("DAY");
  });
});
