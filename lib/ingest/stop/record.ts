import { columnName, type StopField, type StopLayout } from "./columns";
import { cleanText, compareDays, isBlankLike, parseFlag, parseStopDate, unguardFormula, type CalendarDay, type StopFlag } from "./values";

/**
 * One STOP row in one shape, whatever sheet it came from. Text is cleaned
 * (trimmed, spaces collapsed) but otherwise as written; dates and flags are
 * parsed. This is what the row hash is computed on, so two rows that differ
 * only in trailing spaces are the same row.
 */
export type StopRecord = {
  country: string;
  startDate: CalendarDay;
  /** start_date_type "Estimated". */
  startEstimated: boolean;
  /** Null when the end is "Ongoing", blank or unknown. */
  endDate: CalendarDay | null;
  /** end_date was "Ongoing", or shutdown_status says so. */
  ongoing: boolean;
  shutdownStatus: string;
  duration: string;
  geoScope: string;
  areaName: string;
  shutdownType: string;
  affectedNetwork: string;
  shutdownExtent: string;
  orderedBy: string;
  decisionMaker: string;
  actualCause: string;
  actualCauseDetails: string;
  infoSource: string;
  /** info_source_link and news_link cells, as written. */
  sourceLinks: string;
  anLink: string;
  govJustification: string;
  govJustificationDetails: string;
  govAck: StopFlag;
  govAckSource: string;
  govAckQuote: string;
  legalJust: StopFlag;
  legalMethod: string;
  facebook: StopFlag;
  twitter: StopFlag;
  whatsapp: StopFlag;
  instagram: StopFlag;
  telegram: StopFlag;
  sms: StopFlag;
  phonecall: StopFlag;
  /** other_affected (2020+), other_service_details (2019), services_affected and service_details (2016–2018). */
  otherAffected: string;
  telcosInvolved: string;
  telcoAck: StopFlag;
  telcoAckSource: string;
  telcoAckQuote: string;
  election: StopFlag;
  violence: StopFlag;
  hrAbuseReported: StopFlag;
  usersTargeted: string;
  usersTargetDetail: string;
  usersNotified: StopFlag;
  econImpact: string;
  event: string;
  notes: string;
};

/** A reason a row cannot be used, pointing at the column as the file names it. */
export type StopProblem = { column: string | null; message: string };

export type NormalisedRow = { ok: true; record: StopRecord } | { ok: false; problems: StopProblem[] };

const DATE_FORMATS = "m/d/yyyy or d-Mmm-yyyy";

/** Reads the cells of one row by field. */
export function cellReader(layout: StopLayout, cells: string[]) {
  return (field: StopField): string => {
    const index = layout.columns[field];
    return index === undefined ? "" : unguardFormula(cleanText(cells[index]));
  };
}

/** Country as written, cleaned; "" when blank. */
export function countryOf(layout: StopLayout, cells: string[]): string {
  return cellReader(layout, cells)("country");
}

/** "Kazakhstan ", "kazakhstan", "KAZAKHSTAN" all compare equal. */
export function sameCountry(a: string, b: string): boolean {
  const norm = (value: string) => value.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
  return norm(a) === norm(b);
}

/** Turns one row's cells into a StopRecord, or the reasons it cannot be used. */
export function normaliseStopRow(layout: StopLayout, cells: string[]): NormalisedRow {
  const cell = cellReader(layout, cells);
  const flag = (field: StopField) => parseFlag(cell(field));
  const problems: StopProblem[] = [];
  const problem = (field: StopField, message: string) => problems.push({ column: columnName(layout, field), message });

  const country = cell("country");
  if (country === "") problem("country", "country is blank");

  const startText = cell("startDate");
  const startDate = parseStopDate(startText);
  if (startText === "") problem("startDate", "start_date is blank");
  else if (!startDate) problem("startDate", `start_date "${startText}" is not a date (expected ${DATE_FORMATS})`);

  const endText = cell("endDate");
  const shutdownStatus = cell("shutdownStatus");
  const endSaysOngoing = /^ongoing$/i.test(endText);
  let endDate: CalendarDay | null = null;
  if (!endSaysOngoing && !isBlankLike(endText)) {
    endDate = parseStopDate(endText);
    if (!endDate) problem("endDate", `end_date "${endText}" is not a date (expected ${DATE_FORMATS}, "Ongoing" or blank)`);
  }
  if (startDate && endDate && compareDays(endDate, startDate) < 0) {
    problem("endDate", `end_date ${endText} is before start_date ${startText}`);
  }
  if (problems.length > 0 || !startDate) return { ok: false, problems };

  const servicesText = [cell("otherAffected"), cell("servicesAffected"), cell("serviceDetails")].filter((text) => text !== "");
  const bothSmsAndCalls = flag("smsAndPhonecallAffected");
  const links = [cell("infoSourceLink"), cell("newsLink")].filter((text) => text !== "");

  const record: StopRecord = {
    country,
    startDate,
    startEstimated: /^estimated/i.test(cell("startDateType")),
    endDate,
    ongoing: endSaysOngoing || /^ongoing$/i.test(shutdownStatus),
    shutdownStatus,
    duration: cell("duration") || (cell("durationHours") ? `${cell("durationHours")} hours` : ""),
    geoScope: cell("geoScope"),
    areaName: cell("areaName"),
    shutdownType: cell("shutdownType"),
    affectedNetwork: cell("affectedNetwork"),
    shutdownExtent: cell("shutdownExtent"),
    orderedBy: cell("orderedBy"),
    decisionMaker: cell("decisionMaker"),
    actualCause: cell("actualCause"),
    actualCauseDetails: cell("actualCauseDetails"),
    infoSource: cell("infoSource"),
    sourceLinks: links.join("\n"),
    anLink: cell("anLink"),
    govJustification: cell("govJustification"),
    govJustificationDetails: cell("govJustificationDetails"),
    govAck: flag("govAck"),
    govAckSource: cell("govAckSource"),
    govAckQuote: cell("govAckQuote"),
    legalJust: flag("legalJust"),
    legalMethod: cell("legalMethod"),
    facebook: flag("facebookAffected"),
    twitter: flag("twitterAffected"),
    whatsapp: flag("whatsappAffected"),
    instagram: flag("instagramAffected"),
    telegram: flag("telegramAffected"),
    sms: flag("smsAffected") ?? bothSmsAndCalls,
    phonecall: flag("phonecallAffected") ?? bothSmsAndCalls,
    otherAffected: servicesText.join("\n"),
    telcosInvolved: cell("telcosInvolved"),
    telcoAck: flag("telcoAck"),
    telcoAckSource: cell("telcoAckSource"),
    telcoAckQuote: cell("telcoAckQuote"),
    election: flag("election"),
    violence: flag("violence"),
    hrAbuseReported: flag("hrAbuseReported"),
    usersTargeted: cell("usersTargeted"),
    usersTargetDetail: cell("usersTargetDetail"),
    usersNotified: flag("usersNotified"),
    econImpact: cell("econImpact"),
    event: cell("event"),
    notes: cell("notes"),
  };
  return { ok: true, record };
}
