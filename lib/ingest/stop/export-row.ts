import type { AffectedService, DisruptionType, GovernmentJustification, IncidentCause, SourceKind } from "@/lib/generated/prisma/enums";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { STOP_2022_HEADER, type StopColumn2022 } from "./columns";
import { daysBetween, kazakhstanDayOf } from "./kazakhstan-days";
import { stopDay } from "./values";

/**
 * One incident as a row of the 2022 STOP sheet, so the coalition can paste
 * the tracker's published incidents into its own spreadsheet. Reading the row
 * back with the STOP parser gives the same natural key (start day in
 * Kazakhstan, area, type) and, merged into the incident, changes nothing.
 *
 * | Tracker                                   | STOP 2022 column(s)                                     |
 * |-------------------------------------------|---------------------------------------------------------|
 * | startsAt (day in Kazakhstan), precision   | start_date, start_date_type (Estimated / Actual)        |
 * | endsAt (day in Kazakhstan)                | end_date, shutdown_status (Ended; Unknown when open), duration (days, inclusive) |
 * | scope NATIONAL / regions                  | area_name "Nationwide" / the regions' English names     |
 * | type                                      | shutdown_type, affected_network, shutdown_extent        |
 * | services                                  | the *_affected flags (Yes/No); Signal, YouTube, TikTok, VPNs and servicesOther in other_affected |
 * | operators                                 | telcos_involved ("Kazakhstan: Kcell, Kazakhstan: Beeline") |
 * | cause, causeDetails                       | actual_cause, actual_cause_details; election            |
 * | government justification and details      | gov_justification, gov_just_details                     |
 * | legal basis                               | legal_just, legal_method                                |
 * | statements                                | gov_ack / telco_ack with their source and quote         |
 * | sources                                   | info_source (the first source's kind), info_source_link (all URLs) |
 * | impact estimates                          | econ_impact                                             |
 * | summary                                   | event                                                   |
 */
export type ExportNames = { operators: ReadonlyMap<string, string>; regions: ReadonlyMap<string, string> };

const TYPE_COLUMNS: Record<DisruptionType, { shutdown_type: string; affected_network: string; shutdown_extent: string }> = {
  FULL_BLACKOUT: { shutdown_type: "Shutdown", affected_network: "Broadband, Mobile", shutdown_extent: "Full network" },
  MOBILE_DATA_SHUTDOWN: { shutdown_type: "Shutdown", affected_network: "Mobile", shutdown_extent: "Full network" },
  FIXED_BROADBAND_SHUTDOWN: { shutdown_type: "Shutdown", affected_network: "Broadband", shutdown_extent: "Full network" },
  THROTTLING: { shutdown_type: "Throttle", affected_network: "Broadband, Mobile", shutdown_extent: "Full network" },
  SERVICE_BLOCKING: { shutdown_type: "Shutdown", affected_network: "Broadband, Mobile", shutdown_extent: "Service-based" },
  WEBSITE_BLOCKING: { shutdown_type: "Shutdown", affected_network: "Broadband, Mobile", shutdown_extent: "Service-based" },
};

const CAUSE_TEXT: Record<IncidentCause, string> = {
  ELECTION: "Elections",
  PROTEST: "Protests",
  UNREST: "Political instability",
  EXAM: "Exams",
  OTHER: "Other",
};

const JUSTIFICATION_TEXT: Record<GovernmentJustification, string> = {
  NATIONAL_SECURITY: "National security",
  COUNTER_TERRORISM: "Counter-terrorism",
  PUBLIC_SAFETY: "Public safety",
  TECHNICAL_PROBLEMS: "Technical problems",
  NONE_GIVEN: "None",
  OTHER: "Other",
};

const SOURCE_KIND_TEXT: Record<SourceKind, string> = {
  NEWS: "News media article",
  CIVIL_SOCIETY_REPORT: "Civil society report",
  OFFICIAL_ORDER: "Government source",
  OPERATOR_STATEMENT: "Telco statement",
  MEASUREMENT: "Measurement data",
  FIRST_HAND_ACCOUNT: "Social media / first-hand account",
};

/** Services STOP has no flag column for; they are named in other_affected. */
const NAMED_IN_OTHER: Partial<Record<AffectedService, string>> = { SIGNAL: "Signal", YOUTUBE: "YouTube", TIKTOK: "TikTok", VPN: "VPNs" };

const LOCAL_ONE = "It only affected one city, county, or village";
const LOCAL_MANY = "It affected more than one city in the same state, province, or region";
const REGIONAL = "It affected locations in more than one state, province, or region";

const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** A cell a spreadsheet would run as a formula ("=…", "+…", "-…", "@…") is written with a leading apostrophe. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const usd = (value: number) => `USD ${new Intl.NumberFormat("en-US").format(value)}`;

export function stopRowFromSnapshot(snapshot: IncidentSnapshot, names: ExportNames): Record<StopColumn2022, string> {
  const startDay = kazakhstanDayOf(new Date(snapshot.startsAt));
  const endDay = snapshot.endsAt === undefined ? null : kazakhstanDayOf(new Date(snapshot.endsAt));
  const services = new Set(snapshot.services ?? []);
  const regions = (snapshot.regions ?? []).map((slug) => names.regions.get(slug) ?? slug);
  const operators = (snapshot.operators ?? []).map((slug) => `Kazakhstan: ${names.operators.get(slug) ?? slug}`);
  const sources = snapshot.sources ?? [];
  const government = (snapshot.acknowledgements ?? []).find((ack) => ack.party === "GOVERNMENT");
  const operatorStatement = (snapshot.acknowledgements ?? []).find((ack) => ack.party === "OPERATOR");
  const otherServices = [
    ...Object.entries(NAMED_IN_OTHER)
      .filter(([service]) => services.has(service as AffectedService))
      .map(([, name]) => name),
    ...(snapshot.servicesOther ? [snapshot.servicesOther] : []),
  ];
  const estimates = (snapshot.impactEstimates ?? []).map((estimate) => {
    const range =
      estimate.lowUsd !== undefined && estimate.highUsd !== undefined
        ? `${usd(estimate.lowUsd)}–${usd(estimate.highUsd).replace("USD ", "")}`
        : estimate.lowUsd !== undefined
          ? `over ${usd(estimate.lowUsd)}`
          : `up to ${usd(estimate.highUsd!)}`;
    return `${range} (${estimate.estimatedBy})`;
  });

  const row: Record<StopColumn2022, string> = {
    start_date_type: snapshot.startPrecision === "ESTIMATED" ? "Estimated" : "Actual",
    start_date: stopDay(startDay),
    country: "Kazakhstan",
    geo_scope: snapshot.scope === "LOCAL" ? (regions.length > 1 ? LOCAL_MANY : LOCAL_ONE) : REGIONAL,
    area_name: snapshot.scope === "NATIONAL" ? "Nationwide" : regions.join(", "),
    ...TYPE_COLUMNS[snapshot.type],
    ordered_by: "",
    decision_maker: "",
    actual_cause: CAUSE_TEXT[snapshot.cause],
    actual_cause_details: snapshot.causeDetails ?? "",
    info_source: sources[0] ? SOURCE_KIND_TEXT[sources[0].kind] : "",
    info_source_link: sources.map((source) => source.url).join(", "),
    shutdown_status: endDay ? "Ended" : "Unknown",
    end_date: endDay ? stopDay(endDay) : "",
    duration: endDay ? String(daysBetween(startDay, endDay) + 1) : "",
    gov_justification: snapshot.govJustification ? JUSTIFICATION_TEXT[snapshot.govJustification] : "",
    gov_just_details: snapshot.govJustificationDetails ?? "",
    gov_ack: yesNo(government !== undefined),
    legal_just: snapshot.legalBasis ? "Yes" : "Unknown",
    legal_method: snapshot.legalBasis ?? "",
    gov_ack_source: government?.sourceUrl ?? "",
    gov_ack_quote: government ? (government.quote ?? government.statement) : "",
    facebook_affected: yesNo(services.has("FACEBOOK")),
    twitter_affected: yesNo(services.has("TWITTER")),
    whatsapp_affected: yesNo(services.has("WHATSAPP")),
    instagram_affected: yesNo(services.has("INSTAGRAM")),
    telegram_affected: yesNo(services.has("TELEGRAM")),
    other_affected: otherServices.join(", "),
    sms_affected: yesNo(services.has("SMS")),
    phonecall_affected: yesNo(services.has("VOICE")),
    telcos_involved: operators.join(", "),
    telco_ack: yesNo(operatorStatement !== undefined),
    telco_ack_source: operatorStatement?.sourceUrl ?? "",
    telco_ack_quote: operatorStatement ? (operatorStatement.quote ?? operatorStatement.statement) : "",
    election: yesNo(snapshot.cause === "ELECTION"),
    violence: "",
    hr_abuse_reported: "",
    users_targeted: "",
    users_target_detail: "",
    users_notified: "",
    econ_impact: estimates.join("; "),
    event: snapshot.summary,
    an_link: "",
  };
  return row;
}

/** The row's cells in header order, guarded against formula injection. */
export function stopRowCells(row: Record<StopColumn2022, string>): string[] {
  return STOP_2022_HEADER.map((column) => guardFormula(row[column]));
}
