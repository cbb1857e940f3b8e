import { describe, expect, it } from "vitest";
import { ZIncidentInput } from "@/lib/schemas/incident";
import { buildIncidentInput } from "@/lib/testing/factories";
import { boundingPhases, openEndOfPhases, periodOfPhases, type PhasePeriod } from "./period-of-phases";

const at = (iso: string) => new Date(iso);

describe("periodOfPhases", () => {
  const cut: PhasePeriod = { startsAt: at("2022-01-05T11:15:00Z"), startPrecision: "EXACT", endsAt: at("2022-01-10T02:00:00Z"), endPrecision: "HOUR" };
  const throttling: PhasePeriod = { startsAt: at("2022-01-03T18:00:00Z"), startPrecision: "DAY", endsAt: at("2022-01-04T18:00:00Z"), endPrecision: "DAY" };
  // Ends on 10 January, to the day: that covers the whole day, so it ends after the cut's 02:00.
  const restoration: PhasePeriod = { startsAt: at("2022-01-09T12:00:00Z"), startPrecision: "HOUR", endsAt: at("2022-01-09T18:00:00Z"), endPrecision: "DAY" };

  it("runs from the earliest start to the latest end, at those phases' precisions, whatever their order", () => {
    expect(boundingPhases([cut, restoration, throttling])).toEqual({ first: 2, last: 1 });
    expect(periodOfPhases([cut, restoration, throttling])).toEqual({
      startsAt: throttling.startsAt,
      startPrecision: "DAY",
      endsAt: restoration.endsAt,
      endPrecision: "DAY",
      endStatus: "RECORDED",
    });
  });

  it("has no end when a phase has none: ongoing when a phase is, else not recorded, last reported on the latest day a phase is in effect", () => {
    const open = { ...restoration, endsAt: null, endPrecision: null };
    // The cut's end (10 January, 02:00 UTC) is 08:00 that day in Kazakhstan: its last day; the open phase gives no day.
    expect(periodOfPhases([cut, open])).toEqual({ startsAt: cut.startsAt, startPrecision: "EXACT", endStatus: "NOT_RECORDED", lastReportedOn: at("2022-01-10T00:00:00Z") });
    expect(periodOfPhases([cut, { ...open, lastReportedOn: at("2022-01-12T00:00:00Z") }])).toMatchObject({ endStatus: "NOT_RECORDED", lastReportedOn: at("2022-01-12T00:00:00Z") });
    expect(periodOfPhases([cut, { ...open, endStatus: "ONGOING" }])).toEqual({ startsAt: cut.startsAt, startPrecision: "EXACT", endStatus: "ONGOING" });
    expect(periodOfPhases([{ ...cut, endsAt: null, endPrecision: null }])).toEqual({ startsAt: cut.startsAt, startPrecision: "EXACT", endStatus: "NOT_RECORDED" });
    // A day-precision end is its own day; an exact end at midnight ends the day before.
    expect(openEndOfPhases([throttling, open]).lastReportedOn).toEqual(at("2022-01-05T00:00:00Z"));
    expect(openEndOfPhases([{ ...cut, endsAt: at("2022-01-09T18:00:00Z"), endPrecision: "EXACT" }, open]).lastReportedOn).toEqual(at("2022-01-09T00:00:00Z"));
  });

  it("gives ties to the phase listed first, and nothing without phases", () => {
    expect(boundingPhases([cut, { ...cut, startPrecision: "HOUR", endPrecision: "EXACT" }])).toEqual({ first: 0, last: 0 });
    expect(periodOfPhases([])).toBeNull();
  });
});

describe("ZIncidentInput with periodFromPhases", () => {
  const phases = [
    { label: "Cut", type: "FULL_BLACKOUT" as const, startsAt: "2022-01-05T11:15:00Z", startPrecision: "EXACT" as const, endsAt: "2022-01-07T00:00:00+06:00", endPrecision: "DAY" as const },
    { label: "Recut", type: "FULL_BLACKOUT" as const, startsAt: "2022-01-08T10:00:00Z", startPrecision: "HOUR" as const, endsAt: "2022-01-09T10:00:00Z", endPrecision: "HOUR" as const },
  ];
  const following = buildIncidentInput({
    periodFromPhases: true,
    phases,
    startsAt: "2022-01-05T11:15:00Z",
    startPrecision: "EXACT",
    endsAt: "2022-01-09T10:00:00Z",
    endPrecision: "HOUR",
  });

  it("accepts the phases' period", () => {
    expect(ZIncidentInput.safeParse(following).success).toBe(true);
  });

  it("refuses another start or end, or another precision, at the field that differs", () => {
    const issues = (input: unknown) => ZIncidentInput.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(issues({ ...following, startsAt: "2022-01-05T11:00:00Z" })).toEqual(["startsAt"]);
    expect(issues({ ...following, startPrecision: "HOUR" })).toEqual(["startsAt"]);
    expect(issues({ ...following, endsAt: "2022-01-10T10:00:00Z" })).toEqual(["endsAt"]);
    expect(issues({ ...following, endsAt: undefined, endPrecision: undefined })).toEqual(["endsAt"]);
  });

  it("refuses another end status or last report than the phases' when a phase has no end", () => {
    const issues = (input: unknown) => ZIncidentInput.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];
    const openPhases = [phases[0]!, { ...phases[1]!, endsAt: undefined, endPrecision: undefined, endStatus: "NOT_RECORDED" as const, lastReportedOn: "2022-01-12" }];
    const open = { ...following, phases: openPhases, endsAt: undefined, endPrecision: undefined, endStatus: "NOT_RECORDED" as const, lastReportedOn: "2022-01-12" };
    expect(issues(open)).toEqual([]);
    expect(issues({ ...open, lastReportedOn: "2022-01-11" })).toEqual(["lastReportedOn"]);
    expect(issues({ ...open, lastReportedOn: undefined })).toEqual(["lastReportedOn"]);
    expect(issues({ ...open, endStatus: "ONGOING", lastReportedOn: undefined, lastCheckedOn: "2022-01-20" })).toEqual(["endStatus"]);
    const ongoingPhases = [phases[0]!, { ...openPhases[1]!, endStatus: "ONGOING" as const, lastReportedOn: undefined }];
    expect(issues({ ...open, phases: ongoingPhases, endStatus: "ONGOING", lastReportedOn: undefined, lastCheckedOn: "2022-01-20" })).toEqual([]);
  });

  it("counts an incident's day-precision end as the whole day when a phase ends within it", () => {
    const dayEnd = { ...following, periodFromPhases: false, endsAt: "2022-01-09T00:00:00+06:00", endPrecision: "DAY" as const };
    expect(ZIncidentInput.safeParse(dayEnd).success).toBe(true);
    const issues = ZIncidentInput.safeParse({ ...dayEnd, endsAt: "2022-01-08T00:00:00+06:00" }).error?.issues.map((issue) => issue.message);
    expect(issues).toEqual(["phase_ends_after_incident"]);
  });

  it("lets a period set by hand differ, and lets an incident without phases follow nothing", () => {
    expect(ZIncidentInput.safeParse({ ...following, periodFromPhases: false, endsAt: "2022-01-12T00:00:00Z" }).success).toBe(true);
    expect(ZIncidentInput.safeParse({ ...following, phases: [], sources: [], endsAt: "2022-01-12T00:00:00Z" }).success).toBe(true);
  });
});
