import { describe, expect, it } from "vitest";
import {
  classifyCause,
  classifyJustification,
  classifyScope,
  classifyServices,
  classifyType,
  compatibleTypes,
  publisherOf,
  sourceKindForHost,
  sourceKindOf,
} from "./classify";
import type { StopRecord } from "./record";

/** A record with every field blank, plus the given ones. */
function record(fields: Partial<StopRecord> = {}): StopRecord {
  return {
    country: "Kazakhstan",
    startDate: { year: 2022, month: 1, day: 4 },
    startEstimated: false,
    endDate: null,
    ongoing: false,
    shutdownStatus: "",
    duration: "",
    geoScope: "",
    areaName: "Nationwide",
    shutdownType: "",
    affectedNetwork: "",
    shutdownExtent: "",
    orderedBy: "",
    decisionMaker: "",
    actualCause: "",
    actualCauseDetails: "",
    infoSource: "",
    sourceLinks: "",
    anLink: "",
    govJustification: "",
    govJustificationDetails: "",
    govAck: null,
    govAckSource: "",
    govAckQuote: "",
    legalJust: null,
    legalMethod: "",
    facebook: null,
    twitter: null,
    whatsapp: null,
    instagram: null,
    telegram: null,
    sms: null,
    phonecall: null,
    otherAffected: "",
    telcosInvolved: "",
    telcoAck: null,
    telcoAckSource: "",
    telcoAckQuote: "",
    election: null,
    violence: null,
    hrAbuseReported: null,
    usersTargeted: "",
    usersTargetDetail: "",
    usersNotified: null,
    econImpact: "",
    event: "",
    notes: "",
    ...fields,
  };
}

const typeOf = (fields: Partial<StopRecord>) => {
  const r = record(fields);
  const { type, extent, assumed } = classifyType(r, classifyServices(r).services);
  return { type, extent, assumed };
};

describe("type and extent", () => {
  it.each([
    [{ shutdownType: "Shutdown", shutdownExtent: "Full network", affectedNetwork: "Broadband, Mobile" }, "FULL_BLACKOUT", "FULL"],
    [{ shutdownType: "Shutdown", shutdownExtent: "Full network", affectedNetwork: "Mobile" }, "MOBILE_DATA_SHUTDOWN", "FULL"],
    [{ shutdownType: "Shutdown", shutdownExtent: "Full network", affectedNetwork: "Broadband" }, "FIXED_BROADBAND_SHUTDOWN", "FULL"],
    [{ shutdownType: "Shutdown", shutdownExtent: "Full network" }, "FULL_BLACKOUT", "FULL"],
    [{ shutdownType: "Throttle", shutdownExtent: "Full network", affectedNetwork: "Mobile" }, "THROTTLING", "PARTIAL"],
    [{ shutdownType: "Shutdown", shutdownExtent: "Service-based", telegram: "yes" }, "SERVICE_BLOCKING", "PARTIAL"],
    [{ shutdownType: "Shutdown", shutdownExtent: "Service-based", otherAffected: "news websites such as vlast.kz" }, "WEBSITE_BLOCKING", "PARTIAL"],
    [{ shutdownType: "Shutdown, Throttle", shutdownExtent: "Full network, Service-based", affectedNetwork: "Broadband, Mobile" }, "FULL_BLACKOUT", "INTERMITTENT"],
    [{ shutdownType: "Shutdown", shutdownExtent: "Full network, Service-based", affectedNetwork: "Mobile" }, "MOBILE_DATA_SHUTDOWN", "INTERMITTENT"],
    // 2019: "full or service-based"
    [{ shutdownType: "Shutdown", shutdownExtent: "Full and service-based" }, "FULL_BLACKOUT", "INTERMITTENT"],
    [{ shutdownType: "Shutdown", shutdownExtent: "Full" }, "FULL_BLACKOUT", "FULL"],
    // 2016–2018: shutdown_type_group, with the networks in services_affected
    [{ shutdownType: "Throttling", shutdownExtent: "Full network", otherAffected: "Broadband and mobile internet" }, "THROTTLING", "PARTIAL"],
    [{ shutdownType: "Full", shutdownExtent: "Full network", otherAffected: "Mobile internet" }, "MOBILE_DATA_SHUTDOWN", "FULL"],
    [{ shutdownType: "Service-based", shutdownExtent: "Service-based", otherAffected: "Facebook, YouTube" }, "SERVICE_BLOCKING", "PARTIAL"],
  ] as const)("%j → %s %s", (fields, type, extent) => {
    expect(typeOf(fields)).toEqual({ type, extent, assumed: false });
  });

  it("assumes a type only when the row states none, and says so", () => {
    expect(typeOf({ whatsapp: "yes" })).toEqual({ type: "SERVICE_BLOCKING", extent: "PARTIAL", assumed: true });
    expect(typeOf({})).toEqual({ type: "FULL_BLACKOUT", extent: "FULL", assumed: true });
  });

  it("treats network cuts as one family, blocking as another", () => {
    expect(compatibleTypes("FULL_BLACKOUT", "MOBILE_DATA_SHUTDOWN")).toBe(true);
    expect(compatibleTypes("SERVICE_BLOCKING", "WEBSITE_BLOCKING")).toBe(true);
    expect(compatibleTypes("FULL_BLACKOUT", "SERVICE_BLOCKING")).toBe(false);
    expect(compatibleTypes("THROTTLING", "FULL_BLACKOUT")).toBe(false);
  });
});

describe("services", () => {
  it("reads the Yes flags, 1/0 flags and SMS/calls", () => {
    expect(classifyServices(record({ facebook: "yes", twitter: "no", whatsapp: "unknown", telegram: "yes", sms: "yes", phonecall: "yes" }))).toEqual({
      services: ["FACEBOOK", "SMS", "TELEGRAM", "VOICE"],
      servicesOther: undefined,
    });
  });

  it("finds named services in other_affected and keeps the rest as text", () => {
    expect(classifyServices(record({ otherAffected: "Signal, YouTube" }))).toEqual({ services: ["SIGNAL", "YOUTUBE"], servicesOther: undefined });
    expect(classifyServices(record({ otherAffected: "Signal, possibly" }))).toEqual({ services: ["SIGNAL"], servicesOther: undefined });
    expect(classifyServices(record({ otherAffected: "Periscope, VPNs" }))).toEqual({ services: ["OTHER", "VPN"], servicesOther: "Periscope, VPNs" });
    expect(classifyServices(record({ otherAffected: "TikTok" })).services).toEqual(["TIKTOK"]);
    expect(classifyServices(record({ otherAffected: "No" })).services).toEqual([]);
  });
});

describe("cause, justification and scope", () => {
  it("maps actual_cause, falling back on the election flag", () => {
    expect(classifyCause(record({ actualCause: "Elections" }))).toBe("ELECTION");
    expect(classifyCause(record({ actualCause: "Protests" }))).toBe("PROTEST");
    expect(classifyCause(record({ actualCause: "Exams" }))).toBe("EXAM");
    expect(classifyCause(record({ actualCause: "Political instability" }))).toBe("UNREST");
    expect(classifyCause(record({ actualCause: "Information control" }))).toBe("OTHER");
    expect(classifyCause(record({ actualCause: "", election: "yes" }))).toBe("ELECTION");
  });

  it("maps the government's justification and keeps STOP's words when they say more", () => {
    expect(classifyJustification(record({ govJustification: "National security/ Counter-terrorism", govJustificationDetails: "Law on Communications" }))).toEqual({
      justification: "NATIONAL_SECURITY",
      details: "National security/ Counter-terrorism: Law on Communications",
    });
    expect(classifyJustification(record({ govJustification: "Technical problems" }))).toEqual({ justification: "TECHNICAL_PROBLEMS", details: undefined });
    expect(classifyJustification(record({ govJustification: "None" }))).toEqual({ justification: "NONE_GIVEN", details: undefined });
    expect(classifyJustification(record({ govJustification: "Unknown" }))).toEqual({ justification: undefined, details: undefined });
    expect(classifyJustification(record({ govJustification: "Fake news/ Hate speech" }))).toEqual({ justification: "OTHER", details: "Fake news/ Hate speech" });
  });

  it("reads the scope from area_name and geo_scope of every sheet", () => {
    expect(classifyScope(record({ areaName: "Nationwide " }))).toBe("NATIONAL");
    expect(classifyScope(record({ areaName: "" }))).toBe("NATIONAL");
    expect(classifyScope(record({ areaName: "Almaty", geoScope: "Level 3" }))).toBe("NATIONAL");
    expect(classifyScope(record({ areaName: "Almaty", geoScope: "It only affected one city, county, or village" }))).toBe("LOCAL");
    expect(classifyScope(record({ areaName: "Almaty", geoScope: "Level 1" }))).toBe("LOCAL");
    expect(classifyScope(record({ areaName: "Almaty, Atyrau", geoScope: "It affected locations in more than one state, province, or region" }))).toBe("REGIONAL");
  });
});

describe("sources", () => {
  it("takes the kind from info_source, overridden by well-known hosts", () => {
    expect(sourceKindOf("News media article")).toBe("NEWS");
    expect(sourceKindOf("CSO KIO partners")).toBe("CIVIL_SOCIETY_REPORT");
    expect(sourceKindOf("Social media")).toBe("FIRST_HAND_ACCOUNT");
    expect(sourceKindOf("Telco statement")).toBe("OPERATOR_STATEMENT");
    expect(sourceKindOf("")).toBe("NEWS");
    expect(sourceKindForHost("explorer.ooni.org", "NEWS")).toBe("MEASUREMENT");
    expect(sourceKindForHost("www.accessnow.org", "NEWS")).toBe("CIVIL_SOCIETY_REPORT");
    expect(sourceKindForHost("exk.kz", "NEWS")).toBe("NEWS");
  });

  it("derives the publisher from the host", () => {
    expect(publisherOf(new URL("https://www.accessnow.org/x/"))).toBe("Access Now");
    expect(publisherOf(new URL("https://twitter.com/openobservatory/status/1"))).toBe("@openobservatory on X");
    expect(publisherOf(new URL("https://t.me/s/vlastkz/12453"))).toBe("Telegram channel vlastkz");
    expect(publisherOf(new URL("https://youtu.be/abc"))).toBe("YouTube");
    expect(publisherOf(new URL("https://exk.kz/news/1"))).toBe("exk.kz");
  });
});
