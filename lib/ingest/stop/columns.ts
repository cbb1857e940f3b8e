import { AppError } from "@/lib/errors";

/**
 * The column layouts Access Now's #KeepItOn STOP sheets have used, and how a
 * header row is read. Every layout is read into the same canonical fields
 * (StopField); the variant is kept for reports and for the few places where
 * one sheet's columns mean something slightly different.
 *
 * | Variant   | How it is recognised                                          |
 * |-----------|---------------------------------------------------------------|
 * | 2016-2018 | `shutdown_type_group` or `services_affected` (26 columns)     |
 * | 2019      | `shutdown_type_new` or `full or service-based` (43 columns)   |
 * | 2020-2021 | the 2020+ columns with `Duration` capitalised                 |
 * | 2022+     | the 2020+ columns (45 or more), `duration` in lower case       |
 *
 * Header cells are compared after trimming, lower-casing, dropping a
 * parenthesised remark ("(specify)") and turning runs of spaces, hyphens
 * and underscores into one underscore, so "Info_source ", "telco_ ack" and
 * "full or service-based" all find their field. Unknown columns are ignored.
 */

export const STOP_VARIANTS = ["2016-2018", "2019", "2020-2021", "2022+"] as const;
export type StopVariant = (typeof STOP_VARIANTS)[number];

export type StopField =
  | "startDateType"
  | "startDate"
  | "endDate"
  | "duration"
  | "durationHours"
  | "country"
  | "geoScope"
  | "areaName"
  | "shutdownType"
  | "affectedNetwork"
  | "shutdownExtent"
  | "orderedBy"
  | "decisionMaker"
  | "actualCause"
  | "actualCauseDetails"
  | "infoSource"
  | "infoSourceLink"
  | "newsLink"
  | "shutdownStatus"
  | "govJustification"
  | "govJustificationDetails"
  | "govAck"
  | "govAckSource"
  | "govAckQuote"
  | "legalJust"
  | "legalMethod"
  | "facebookAffected"
  | "twitterAffected"
  | "whatsappAffected"
  | "instagramAffected"
  | "telegramAffected"
  | "otherAffected"
  | "smsAffected"
  | "phonecallAffected"
  | "smsAndPhonecallAffected"
  | "servicesAffected"
  | "serviceDetails"
  | "telcosInvolved"
  | "telcoAck"
  | "telcoAckSource"
  | "telcoAckQuote"
  | "election"
  | "violence"
  | "hrAbuseReported"
  | "usersTargeted"
  | "usersTargetDetail"
  | "usersNotified"
  | "econImpact"
  | "event"
  | "anLink"
  | "notes";

/** Normalised header name → canonical field, for every sheet. */
const HEADER_FIELDS: Record<string, StopField> = {
  start_date_type: "startDateType",
  start_date: "startDate",
  end_date: "endDate",
  duration: "duration",
  duration_days: "duration",
  duration_hours: "durationHours",
  country: "country",
  geo_scope: "geoScope",
  area_name: "areaName",
  shutdown_type: "shutdownType",
  shutdown_type_new: "shutdownType",
  affected_network: "affectedNetwork",
  shutdown_extent: "shutdownExtent",
  full_or_service_based: "shutdownExtent",
  shutdown_type_group: "shutdownExtent",
  ordered_by: "orderedBy",
  decision_maker: "decisionMaker",
  actual_cause: "actualCause",
  actual_cause_details: "actualCauseDetails",
  other_cause_details: "actualCauseDetails",
  info_source: "infoSource",
  info_source_link: "infoSourceLink",
  news_link: "newsLink",
  shutdown_status: "shutdownStatus",
  gov_justification: "govJustification",
  official_just: "govJustification",
  gov_just_details: "govJustificationDetails",
  other_just_details: "govJustificationDetails",
  gov_ack: "govAck",
  gov_ack_source: "govAckSource",
  gov_ack_quote: "govAckQuote",
  off_statement: "govAckQuote",
  legal_just: "legalJust",
  legal_justif: "legalJust",
  legal_method: "legalMethod",
  facebook_affected: "facebookAffected",
  twitter_affected: "twitterAffected",
  whatsapp_affected: "whatsappAffected",
  instagram_affected: "instagramAffected",
  telegram_affected: "telegramAffected",
  other_affected: "otherAffected",
  other_service_details: "otherAffected",
  sms_affected: "smsAffected",
  phonecall_affected: "phonecallAffected",
  sms_and_phone_call_affected: "smsAndPhonecallAffected",
  services_affected: "servicesAffected",
  service_details: "serviceDetails",
  telcos_involved: "telcosInvolved",
  telco_ack: "telcoAck",
  telco_ack_source: "telcoAckSource",
  telco_ack_quote: "telcoAckQuote",
  telco_resp: "telcoAckQuote",
  election: "election",
  violence: "violence",
  hr_abuse_reported: "hrAbuseReported",
  users_targeted: "usersTargeted",
  "users_affected/targetted": "usersTargeted",
  users_target_detail: "usersTargetDetail",
  users_notified: "usersNotified",
  econ_impact: "econImpact",
  event: "event",
  an_link: "anLink",
  notes: "notes",
};

/** Columns the sheets have that the tracker has no use for; read, but not reported as unknown. */
const KNOWN_UNUSED = new Set(["id", "year", "continent", "sub_region", "latitude", "longitude"]);

/** How each canonical field is named in the 2022 sheet, for messages that point at a column. */
export const FIELD_COLUMN_2022: Record<StopField, string> = {
  startDateType: "start_date_type",
  startDate: "start_date",
  endDate: "end_date",
  duration: "duration",
  durationHours: "duration_hours",
  country: "country",
  geoScope: "geo_scope",
  areaName: "area_name",
  shutdownType: "shutdown_type",
  affectedNetwork: "affected_network",
  shutdownExtent: "shutdown_extent",
  orderedBy: "ordered_by",
  decisionMaker: "decision_maker",
  actualCause: "actual_cause",
  actualCauseDetails: "actual_cause_details",
  infoSource: "info_source",
  infoSourceLink: "info_source_link",
  newsLink: "news_link",
  shutdownStatus: "shutdown_status",
  govJustification: "gov_justification",
  govJustificationDetails: "gov_just_details",
  govAck: "gov_ack",
  govAckSource: "gov_ack_source",
  govAckQuote: "gov_ack_quote",
  legalJust: "legal_just",
  legalMethod: "legal_method",
  facebookAffected: "facebook_affected",
  twitterAffected: "twitter_affected",
  whatsappAffected: "whatsapp_affected",
  instagramAffected: "instagram_affected",
  telegramAffected: "telegram_affected",
  otherAffected: "other_affected",
  smsAffected: "sms_affected",
  phonecallAffected: "phonecall_affected",
  smsAndPhonecallAffected: "sms_and_phone_call_affected",
  servicesAffected: "services_affected",
  serviceDetails: "service_details",
  telcosInvolved: "telcos_involved",
  telcoAck: "telco_ack",
  telcoAckSource: "telco_ack_source",
  telcoAckQuote: "telco_ack_quote",
  election: "election",
  violence: "violence",
  hrAbuseReported: "hr_abuse_reported",
  usersTargeted: "users_targeted",
  usersTargetDetail: "users_target_detail",
  usersNotified: "users_notified",
  econImpact: "econ_impact",
  event: "event",
  anLink: "an_link",
  notes: "notes",
};

/**
 * The header of the 2022 sheet, exactly as Access Now publishes it: the
 * export writes this layout so the coalition can paste rows back.
 */
export const STOP_2022_HEADER = [
  "start_date_type",
  "start_date",
  "country",
  "geo_scope",
  "area_name",
  "shutdown_type",
  "affected_network",
  "shutdown_extent",
  "ordered_by",
  "decision_maker",
  "actual_cause",
  "actual_cause_details",
  "info_source",
  "info_source_link",
  "shutdown_status",
  "end_date",
  "duration",
  "gov_justification",
  "gov_just_details",
  "gov_ack",
  "legal_just",
  "legal_method",
  "gov_ack_source",
  "gov_ack_quote",
  "facebook_affected",
  "twitter_affected",
  "whatsapp_affected",
  "instagram_affected",
  "telegram_affected",
  "other_affected",
  "sms_affected",
  "phonecall_affected",
  "telcos_involved",
  "telco_ack",
  "telco_ack_source",
  "telco_ack_quote",
  "election",
  "violence",
  "hr_abuse_reported",
  "users_targeted",
  "users_target_detail",
  "users_notified",
  "econ_impact",
  "event",
  "an_link",
] as const;

export type StopColumn2022 = (typeof STOP_2022_HEADER)[number];

/** "Info_source " → "info_source"; "telco_ ack" → "telco_ack"; "other_service_details (specify) " → "other_service_details". */
export function normaliseHeaderName(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .replace(/\([^)]*\)/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export type StopLayout = {
  variant: StopVariant;
  /** Index of each canonical field's column in a row. */
  columns: Partial<Record<StopField, number>>;
  /** The header cells as written, for messages ("column `end_date `"). */
  headerCells: string[];
  /** Header cells the importer does not know and ignores. */
  ignoredColumns: string[];
};

/** An unusable header stops the whole import: nothing in the file can be read without it. */
export class StopHeaderError extends AppError {
  constructor(message: string) {
    super("VALIDATION", message);
    this.name = "StopHeaderError";
  }
}

const REQUIRED_FIELDS: StopField[] = ["startDate", "country"];
const TYPE_FIELDS: StopField[] = ["shutdownType", "shutdownExtent", "affectedNetwork"];

/** Reads a header row: which sheet it comes from, and where each field is. Throws StopHeaderError when it is not a STOP header. */
export function detectStopLayout(headerCells: string[]): StopLayout {
  const names = headerCells.map(normaliseHeaderName);
  const columns: Partial<Record<StopField, number>> = {};
  const ignoredColumns: string[] = [];
  names.forEach((name, index) => {
    const field = HEADER_FIELDS[name];
    if (field !== undefined) {
      // The first column of a name wins; a repeated column is ignored.
      if (columns[field] === undefined) columns[field] = index;
      else ignoredColumns.push(headerCells[index]!.trim());
    } else if (name !== "" && !KNOWN_UNUSED.has(name)) {
      ignoredColumns.push(headerCells[index]!.trim());
    }
  });

  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  const hasTypeColumn = TYPE_FIELDS.some((field) => columns[field] !== undefined);
  if (missing.length > 0 || !hasTypeColumn) {
    const wanted = [...missing.map((field) => FIELD_COLUMN_2022[field]), ...(hasTypeColumn ? [] : ["shutdown_type or shutdown_extent"])];
    const found = headerCells
      .slice(0, 8)
      .map((cell) => `"${cell.trim()}"`)
      .join(", ");
    throw new StopHeaderError(
      `Not a #KeepItOn STOP header: the first row lacks ${wanted.join(", ")} (it starts ${found || "empty"}). ` +
        "Export the STOP sheet as CSV with its header row first.",
    );
  }

  const has = (name: string) => names.includes(name);
  let variant: StopVariant;
  if (has("shutdown_type_group") || has("services_affected")) variant = "2016-2018";
  else if (has("shutdown_type_new") || has("full_or_service_based")) variant = "2019";
  else if (headerCells.some((cell) => cell.trim() === "Duration")) variant = "2020-2021";
  else variant = "2022+";

  return { variant, columns, headerCells, ignoredColumns };
}

/** The header cell of a field as it is written in this file, or the 2022 name when the file lacks the column. */
export function columnName(layout: StopLayout, field: StopField): string {
  const index = layout.columns[field];
  return index === undefined ? FIELD_COLUMN_2022[field] : layout.headerCells[index]!.trim() || FIELD_COLUMN_2022[field];
}
