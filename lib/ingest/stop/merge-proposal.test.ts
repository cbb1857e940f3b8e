import { describe, expect, it } from "vitest";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { ZIncidentInput } from "@/lib/schemas/incident";
import { mergeStopProposal, proposalChanges } from "./merge-proposal";

const current: IncidentSnapshot = {
  slug: "2022-01-qantar",
  title: "Curated title",
  summary: "Curated summary.",
  body: "",
  translations: {},
  verification: "CORROBORATED",
  startsAt: "2022-01-01T18:00:00.000Z",
  startPrecision: "DAY",
  scope: "NATIONAL",
  type: "FULL_BLACKOUT",
  services: ["TELEGRAM", "WHATSAPP"],
  cause: "PROTEST",
  govJustification: "NATIONAL_SECURITY",
  operators: ["kcell"],
  regions: [],
  phases: [
    { label: "Blackout", translations: {}, type: "FULL_BLACKOUT", extent: "FULL", startsAt: "2022-01-04T18:00:00.000Z", startPrecision: "DAY", endsAt: "2022-01-09T18:00:00.000Z", endPrecision: "DAY", services: [], operators: [], regions: [] },
  ],
  sources: [{ kind: "NEWS", url: "https://www.example.org/a/", publisher: "Example", phase: 0 }],
  acknowledgements: [{ party: "OPERATOR", operator: "kcell", statement: "Curated statement.", translations: {} }],
  impactEstimates: [],
  discrepancies: [],
};

const proposed: IncidentSnapshot = {
  ...current,
  slug: "stop-2022-01-04-nationwide-blackout",
  title: "Nationwide internet blackout from 4 January 2022",
  summary: "Row text.",
  startsAt: "2022-01-03T18:00:00.000Z",
  endsAt: "2022-01-10T18:00:00.000Z",
  endPrecision: "DAY",
  type: "MOBILE_DATA_SHUTDOWN",
  services: ["SIGNAL", "WHATSAPP"],
  servicesOther: "Periscope",
  govJustification: "OTHER",
  legalBasis: "Article 41-1",
  operators: ["beeline", "kcell"],
  regions: ["almaty-city"],
  phases: [],
  sources: [
    { kind: "NEWS", url: "http://example.org/a", publisher: "Example" },
    { kind: "MEASUREMENT", url: "https://radar.example/b", publisher: "Radar", phase: 0 },
  ],
  acknowledgements: [
    { party: "OPERATOR", operator: "kcell", statement: "Row statement.", translations: {} },
    { party: "GOVERNMENT", statement: "The government acknowledged it.", translations: {} },
  ],
};

describe("mergeStopProposal", () => {
  const merged = mergeStopProposal(current, proposed);

  it("fills an empty end and empty fields, and adds services, operators, new sources and statements", () => {
    expect(merged.endsAt).toBe("2022-01-10T18:00:00.000Z");
    expect(merged.endPrecision).toBe("DAY");
    expect(merged.services).toEqual(["SIGNAL", "TELEGRAM", "WHATSAPP"]);
    expect(merged.servicesOther).toBe("Periscope");
    expect(merged.operators).toEqual(["beeline", "kcell"]);
    expect(merged.legalBasis).toBe("Article 41-1");
    expect(merged.sources).toEqual([current.sources![0], { kind: "MEASUREMENT", url: "https://radar.example/b", publisher: "Radar" }]);
    expect(merged.acknowledgements).toEqual([current.acknowledgements![0], proposed.acknowledgements![1]]);
  });

  it("never replaces or removes curated data", () => {
    expect(merged).toMatchObject({
      slug: current.slug,
      title: current.title,
      summary: current.summary,
      startsAt: current.startsAt,
      type: current.type,
      govJustification: "NATIONAL_SECURITY",
      regions: [],
      phases: current.phases,
    });
    expect(mergeStopProposal({ ...current, endsAt: "2022-01-16T18:00:00.000Z", endPrecision: "DAY" }, proposed).endsAt).toBe("2022-01-16T18:00:00.000Z");
  });

  it("does not set an end before a phase ends or before the start", () => {
    expect(mergeStopProposal(current, { ...proposed, endsAt: "2022-01-05T18:00:00.000Z" }).endsAt).toBeUndefined();
    expect(mergeStopProposal({ ...current, phases: [] }, { ...proposed, endsAt: "2021-12-31T18:00:00.000Z" }).endsAt).toBeUndefined();
  });

  it("leaves the end of an incident whose period follows its phases to the phases", () => {
    const openPhase = { ...current.phases![0]!, endsAt: undefined, endPrecision: undefined };
    const following: IncidentSnapshot = { ...current, periodFromPhases: true, phases: [openPhase] };
    expect(mergeStopProposal(following, proposed).endsAt).toBeUndefined();
    expect(mergeStopProposal({ ...following, periodFromPhases: undefined }, proposed).endsAt).toBe("2022-01-10T18:00:00.000Z");
  });

  it("records the end it fills, and never ends an incident staff say is ongoing", () => {
    const notRecorded: IncidentSnapshot = { ...current, endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-09" };
    const filled = mergeStopProposal(notRecorded, proposed);
    expect(filled).toMatchObject({ endsAt: "2022-01-10T18:00:00.000Z", endPrecision: "DAY", endStatus: "RECORDED" });
    expect(filled.lastReportedOn).toBeUndefined();
    expect(ZIncidentInput.safeParse(filled).success).toBe(true);
    const ongoing: IncidentSnapshot = { ...current, endStatus: "ONGOING", lastCheckedOn: "2022-01-20" };
    expect(mergeStopProposal(ongoing, proposed)).toMatchObject({ endStatus: "ONGOING", lastCheckedOn: "2022-01-20" });
    expect(mergeStopProposal(ongoing, proposed).endsAt).toBeUndefined();
  });

  it("changes nothing when the row adds nothing", () => {
    const nothingNew: IncidentSnapshot = { ...proposed, endsAt: undefined, endPrecision: undefined, services: ["WHATSAPP"], servicesOther: undefined, legalBasis: undefined, operators: ["kcell"], sources: [], acknowledgements: [] };
    delete nothingNew.endsAt;
    delete nothingNew.endPrecision;
    expect(proposalChanges(current, nothingNew)).toEqual([]);
    expect(proposalChanges(current, proposed).map((change) => change.path)).toEqual(
      expect.arrayContaining(["endsAt", "services", "operators", "legalBasis", "sources.1", "acknowledgements.1"]),
    );
  });
});
