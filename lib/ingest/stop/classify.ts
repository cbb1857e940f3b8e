import type {
  AffectedService,
  DisruptionType,
  GovernmentJustification,
  IncidentCause,
  IncidentScope,
  PhaseExtent,
  SourceKind,
} from "@/lib/generated/prisma/enums";
import type { StopRecord } from "./record";
import { comparable, isBlankLike } from "./values";

/**
 * How STOP's categories become the tracker's. Each table below is the
 * mapping; the functions only apply it. Text is matched without case.
 */

// ---------------------------------------------------------------------------
// Type and extent
// ---------------------------------------------------------------------------

/**
 * What a row says was done, read from shutdown_type (2016–2018: shutdown_type;
 * 2019: shutdown_type_new), shutdown_extent (2019: "full or service-based";
 * 2016–2018: shutdown_type_group) and affected_network (2016–2018: the
 * services_affected text).
 *
 * | Row says                                                         | DisruptionType           | Phase extent  |
 * |------------------------------------------------------------------|--------------------------|---------------|
 * | Throttle only (any extent)                                       | THROTTLING               | PARTIAL       |
 * | Shutdown, Full network, Mobile only                              | MOBILE_DATA_SHUTDOWN     | FULL          |
 * | Shutdown, Full network, Broadband only                           | FIXED_BROADBAND_SHUTDOWN | FULL          |
 * | Shutdown, Full network, Broadband and Mobile (or not stated)     | FULL_BLACKOUT            | FULL          |
 * | Shutdown, Service-based only, services named                     | SERVICE_BLOCKING         | PARTIAL       |
 * | Shutdown, Service-based only, only websites named                | WEBSITE_BLOCKING         | PARTIAL       |
 * | Several kinds or extents in one row ("Shutdown, Throttle";       | the full-network type    | INTERMITTENT  |
 * | "Full network, Service-based"): a period of changing measures    | from the rows above      |               |
 * | No kind or extent stated, services named                         | SERVICE_BLOCKING         | PARTIAL (*)   |
 * | No kind or extent stated, no services named                      | FULL_BLACKOUT            | FULL (*)      |
 *
 * (*) recorded as an assumption in the draft's import notes.
 */
export type TypeReading = { type: DisruptionType; extent: PhaseExtent; assumed: boolean };

const THROTTLE = /thrott|slow|bandwidth|degrad/;
const SHUTDOWN = /shut|black ?out|blanket|cut|disconnect|full|block|ban|service|restrict|outage/;
const FULL_NETWORK = /\bfull\b|blanket|total|entire|whole|network/;
const SERVICE_BASED = /service|platform|app|social|website|site/;
const MOBILE = /mobile|cellular|\b[2345] ?g\b|\blte\b/;
const FIXED = /broadband|fixed|landline|wired|dsl|fib(re|er)|wifi|wi fi/;
const WEBSITES = /web ?sites?|news sites?|\bsites\b|\.(kz|org|com|net|ru)\b/;

/** The full-network type for the networks a row names. */
function networkType(record: StopRecord): DisruptionType {
  const networks = comparable(record.affectedNetwork || record.otherAffected);
  const mobile = MOBILE.test(networks);
  const fixed = FIXED.test(networks);
  if (mobile && !fixed) return "MOBILE_DATA_SHUTDOWN";
  if (fixed && !mobile) return "FIXED_BROADBAND_SHUTDOWN";
  return "FULL_BLACKOUT";
}

export function classifyType(record: StopRecord, services: AffectedService[]): TypeReading {
  const kind = comparable(record.shutdownType);
  // 2016–2018 writes the extent into shutdown_type as often as into shutdown_type_group.
  const extent = comparable(`${record.shutdownExtent} ${record.shutdownType}`);
  const throttle = THROTTLE.test(kind);
  const shutdown = SHUTDOWN.test(kind.replace(THROTTLE, ""));
  const full = FULL_NETWORK.test(extent) || /\bfull and service/.test(extent);
  const serviceBased = SERVICE_BASED.test(extent);
  const kinds = Number(throttle) + Number(shutdown);
  const extents = Number(full) + Number(serviceBased);

  if (throttle && !shutdown) return { type: "THROTTLING", extent: "PARTIAL", assumed: false };
  if (kinds > 1 || extents > 1) return { type: networkType(record), extent: "INTERMITTENT", assumed: false };
  if (serviceBased) {
    const namesAService = services.some((service) => service !== "OTHER");
    const websitesOnly = !namesAService && WEBSITES.test(record.otherAffected.toLowerCase());
    return { type: websitesOnly ? "WEBSITE_BLOCKING" : "SERVICE_BLOCKING", extent: "PARTIAL", assumed: false };
  }
  if (full || shutdown) return { type: networkType(record), extent: "FULL", assumed: false };
  if (services.length > 0) return { type: "SERVICE_BLOCKING", extent: "PARTIAL", assumed: true };
  return { type: "FULL_BLACKOUT", extent: "FULL", assumed: true };
}

/** Kinds of disruption that may be one event told twice: a blackout and a mobile cut may be; a blackout and a blocked app are not. */
const TYPE_FAMILY: Record<DisruptionType, "network" | "throttling" | "blocking"> = {
  FULL_BLACKOUT: "network",
  MOBILE_DATA_SHUTDOWN: "network",
  FIXED_BROADBAND_SHUTDOWN: "network",
  THROTTLING: "throttling",
  SERVICE_BLOCKING: "blocking",
  WEBSITE_BLOCKING: "blocking",
};

export function compatibleTypes(a: DisruptionType, b: DisruptionType): boolean {
  return TYPE_FAMILY[a] === TYPE_FAMILY[b];
}

/** English names of the types, for generated titles and phase labels (the record's language is English). */
export const TYPE_LABEL: Record<DisruptionType, string> = {
  FULL_BLACKOUT: "internet blackout",
  MOBILE_DATA_SHUTDOWN: "mobile data shutdown",
  FIXED_BROADBAND_SHUTDOWN: "fixed broadband shutdown",
  THROTTLING: "throttling",
  SERVICE_BLOCKING: "service blocking",
  WEBSITE_BLOCKING: "website blocking",
};

/** Slug words of the types: "stop-2022-01-04-nationwide-blackout". */
export const TYPE_SLUG: Record<DisruptionType, string> = {
  FULL_BLACKOUT: "blackout",
  MOBILE_DATA_SHUTDOWN: "mobile-shutdown",
  FIXED_BROADBAND_SHUTDOWN: "broadband-shutdown",
  THROTTLING: "throttling",
  SERVICE_BLOCKING: "service-blocking",
  WEBSITE_BLOCKING: "website-blocking",
};

// ---------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------

/**
 * | STOP                                                   | AffectedService |
 * |--------------------------------------------------------|-----------------|
 * | facebook_affected = Yes / 1                            | FACEBOOK        |
 * | twitter_affected                                       | TWITTER         |
 * | whatsapp_affected                                      | WHATSAPP        |
 * | instagram_affected                                     | INSTAGRAM       |
 * | telegram_affected                                      | TELEGRAM        |
 * | sms_affected (2019: SMS_and_phone_call_affected)       | SMS             |
 * | phonecall_affected (2019: SMS_and_phone_call_affected) | VOICE           |
 * | other_affected text naming a service below             | that service    |
 * | other_affected text naming anything else               | OTHER, and the text goes to servicesOther |
 *
 * "No", "Unknown" and blank flags add nothing.
 */
const SERVICE_NAMES: [AffectedService, RegExp][] = [
  ["WHATSAPP", /whats ?app/],
  ["TELEGRAM", /telegram/],
  ["SIGNAL", /\bsignal\b/],
  ["FACEBOOK", /facebook|\bfb\b|\bmessenger\b/],
  ["INSTAGRAM", /instagram/],
  ["YOUTUBE", /you ?tube/],
  ["TWITTER", /twitter|\bx com\b/],
  ["TIKTOK", /tik ?tok/],
  ["VPN", /\bvpns?\b/],
  ["SMS", /\bsms\b|text messag\w*/],
  ["VOICE", /voice|phone ?calls?|\bcalls\b/],
];

/** Words that qualify a list without naming anything ("Signal, possibly"). */
const FILLER = /\b(possibly|probably|likely|reportedly|partially|partly|also|and|or|etc|others?|services?|apps?|applications?|platforms?|some|including|such as|e g|yes|no|unknown|internet|mobile|broadband|network|networks|full|data)\b/g;

export type ServiceReading = { services: AffectedService[]; servicesOther: string | undefined };

export function classifyServices(record: StopRecord): ServiceReading {
  const services = new Set<AffectedService>();
  const flags: [AffectedService, StopRecord[keyof StopRecord]][] = [
    ["FACEBOOK", record.facebook],
    ["TWITTER", record.twitter],
    ["WHATSAPP", record.whatsapp],
    ["INSTAGRAM", record.instagram],
    ["TELEGRAM", record.telegram],
    ["SMS", record.sms],
    ["VOICE", record.phonecall],
  ];
  for (const [service, flag] of flags) if (flag === "yes") services.add(service);

  const other = record.otherAffected;
  let servicesOther: string | undefined;
  if (!isBlankLike(other) && !/^(no|0)$/i.test(other)) {
    let rest = comparable(other);
    for (const [service, pattern] of SERVICE_NAMES) {
      if (pattern.test(rest)) {
        services.add(service);
        rest = rest.replace(new RegExp(pattern.source, "g"), " ");
      }
    }
    if (rest.replace(FILLER, " ").trim() !== "") {
      services.add("OTHER");
      servicesOther = other.replace(/\n/g, "; ").slice(0, 500);
    }
  }
  return { services: [...services].sort(), servicesOther };
}

// ---------------------------------------------------------------------------
// Cause and justification
// ---------------------------------------------------------------------------

/**
 * | actual_cause contains                                              | IncidentCause |
 * |--------------------------------------------------------------------|---------------|
 * | elect, vote, ballot, referend                                      | ELECTION      |
 * | protest, demonstrat, rally, strike, march                          | PROTEST       |
 * | exam                                                               | EXAM          |
 * | unrest, instability, conflict, war, violence, riot, coup, curfew, terror | UNREST  |
 * | none of these, but the election flag is Yes                        | ELECTION      |
 * | anything else                                                      | OTHER         |
 */
const CAUSES: [IncidentCause, RegExp][] = [
  ["ELECTION", /elect|vote|voting|ballot|referend/],
  ["PROTEST", /protest|demonstrat|rall(y|ies)|strike|march/],
  ["EXAM", /exam/],
  ["UNREST", /unrest|instabil|conflict|\bwar\b|violen|riot|coup|curfew|terror|communal/],
];

export function classifyCause(record: StopRecord): IncidentCause {
  const text = comparable(record.actualCause);
  const found = CAUSES.find(([, pattern]) => pattern.test(text));
  if (found) return found[0];
  return record.election === "yes" ? "ELECTION" : "OTHER";
}

/**
 * | gov_justification (2019, 2016–2018: official_just) contains | GovernmentJustification |
 * |---------------------------------------------------------------|-------------------------|
 * | national security                                             | NATIONAL_SECURITY       |
 * | terror                                                        | COUNTER_TERRORISM       |
 * | public safety, public order, safety                           | PUBLIC_SAFETY           |
 * | technical, maintenance, outage, fault, cable, power           | TECHNICAL_PROBLEMS      |
 * | none, no justification, not given                             | NONE_GIVEN              |
 * | blank, "Unknown", "N/A"                                       | not recorded            |
 * | anything else (fake news, exams, sabotage …)                  | OTHER                   |
 *
 * The first row that matches wins ("National security/ Counter-terrorism"
 * is NATIONAL_SECURITY); the STOP wording is kept in the details whenever it
 * says more than the category.
 */
const JUSTIFICATIONS: [GovernmentJustification, RegExp][] = [
  ["NATIONAL_SECURITY", /national security/],
  ["COUNTER_TERRORISM", /terror/],
  ["PUBLIC_SAFETY", /public (safety|order)|safety/],
  ["TECHNICAL_PROBLEMS", /technical|maintenance|outage|fault|cable|power/],
  ["NONE_GIVEN", /^(none|no justification|no official|not given|no reason)/],
];

export type JustificationReading = { justification: GovernmentJustification | undefined; details: string | undefined };

export function classifyJustification(record: StopRecord): JustificationReading {
  const stated = record.govJustification;
  const details = record.govJustificationDetails;
  if (/^none( given)?$/i.test(stated)) return { justification: "NONE_GIVEN", details: isBlankLike(details) ? undefined : details };
  if (isBlankLike(stated)) return { justification: isBlankLike(details) ? undefined : "OTHER", details: isBlankLike(details) ? undefined : details };
  const text = comparable(stated);
  const justification = JUSTIFICATIONS.find(([, pattern]) => pattern.test(text))?.[0] ?? "OTHER";
  const saysMore = justification === "OTHER" || /[/,;&]|\band\b/.test(stated);
  const parts = [saysMore ? stated : "", isBlankLike(details) ? "" : details].filter((part) => part !== "");
  return { justification, details: parts.length > 0 ? parts.join(": ") : undefined };
}

// ---------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------

const NATIONWIDE = /^(nation ?wide|national|country ?wide|whole country|entire country|all regions|all of kazakhstan|all country)$/;
const NATIONAL_SCOPE = /^(national|nationwide|level 3)$/;
const LOCAL_SCOPE = /local|level 1|one city|more than one city in the same/;

/** The area cell names the whole country (or is blank, as STOP leaves it for countrywide service blocks). */
export function isNationwideArea(area: string): boolean {
  const text = comparable(area);
  return text === "" || NATIONWIDE.test(text);
}

export function classifyScope(record: StopRecord): IncidentScope {
  const scope = comparable(record.geoScope);
  if (isNationwideArea(record.areaName) || NATIONAL_SCOPE.test(scope)) return "NATIONAL";
  return LOCAL_SCOPE.test(scope) ? "LOCAL" : "REGIONAL";
}

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

/**
 * | info_source says                                   | SourceKind           |
 * |----------------------------------------------------|----------------------|
 * | social media, user, witness, individual            | FIRST_HAND_ACCOUNT   |
 * | news, media, press                                 | NEWS                 |
 * | CSO, civil society, NGO, partner, KIO, report      | CIVIL_SOCIETY_REPORT |
 * | government, official, authority, ministry, court   | OFFICIAL_ORDER       |
 * | telco, operator, ISP, company                      | OPERATOR_STATEMENT   |
 * | measurement, OONI, IODA, NetBlocks, technical data | MEASUREMENT          |
 * | anything else                                      | NEWS                 |
 *
 * The first row that matches wins.
 *
 * The link's host overrides the category for known publishers of
 * measurements (OONI, IODA, Cloudflare Radar and blog, NetBlocks, RIPE) and for
 * Access Now, whose pages are civil-society reports. an_link is Access Now's
 * own write-up: CIVIL_SOCIETY_REPORT unless its host says otherwise.
 */
const SOURCE_KINDS: [SourceKind, RegExp][] = [
  ["FIRST_HAND_ACCOUNT", /social media|user|witness|individual|first hand/],
  ["NEWS", /news|media|press|journal/],
  ["CIVIL_SOCIETY_REPORT", /\bcso\b|civil society|\bngo\b|partner|\bkio\b|report/],
  ["OFFICIAL_ORDER", /government|official|authorit|ministry|court|regulator/],
  ["OPERATOR_STATEMENT", /telco|operator|\bisp\b|company|provider/],
  ["MEASUREMENT", /measure|ooni|ioda|netblocks|technical|data/],
];

export function sourceKindOf(infoSource: string): SourceKind {
  const text = comparable(infoSource);
  return SOURCE_KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? "NEWS";
}

const MEASUREMENT_HOSTS = /(^|\.)(ooni\.org|ooni\.io|ioda\.inetintel\.cc\.gatech\.edu|ioda\.live|radar\.cloudflare\.com|blog\.cloudflare\.com|netblocks\.org|ripe\.net)$/;
const CIVIL_SOCIETY_HOSTS = /(^|\.)accessnow\.org$/;

export function sourceKindForHost(host: string, fallback: SourceKind): SourceKind {
  if (MEASUREMENT_HOSTS.test(host)) return "MEASUREMENT";
  if (CIVIL_SOCIETY_HOSTS.test(host)) return "CIVIL_SOCIETY_REPORT";
  return fallback;
}

/** Publishers of hosts STOP often cites; any other host is its own publisher ("exk.kz"). */
const PUBLISHERS: [RegExp, string][] = [
  [/(^|\.)accessnow\.org$/, "Access Now"],
  [/(^|\.)ooni\.(org|io)$/, "OONI"],
  [/(^|\.)netblocks\.org$/, "NetBlocks"],
  [/(^|\.)cloudflare\.com$/, "Cloudflare"],
  [/(^|\.)ripe\.net$/, "RIPE NCC"],
  [/(^|\.)(ioda\.inetintel\.cc\.gatech\.edu|ioda\.live)$/, "IODA"],
  [/(^|\.)(youtube\.com|youtu\.be)$/, "YouTube"],
  [/(^|\.)(facebook\.com|fb\.com)$/, "Facebook"],
  [/(^|\.)transparency\.fb\.com$/, "Meta"],
  [/(^|\.)rferl\.org$/, "RFE/RL"],
  [/(^|\.)azattyq\.org$/, "Azattyq (RFE/RL)"],
  [/(^|\.)aljazeera\.com$/, "Al Jazeera"],
  [/(^|\.)eurasianet\.org$/, "Eurasianet"],
  [/(^|\.)freedomhouse\.org$/, "Freedom House"],
  [/(^|\.)reuters\.com$/, "Reuters"],
  [/(^|\.)bbc\.(com|co\.uk)$/, "BBC"],
  [/(^|\.)nytimes\.com$/, "The New York Times"],
  [/(^|\.)cpj\.org$/, "Committee to Protect Journalists"],
  [/(^|\.)hrw\.org$/, "Human Rights Watch"],
  [/(^|\.)top10vpn\.com$/, "Top10VPN"],
  [/(^|\.)vlast\.kz$/, "Vlast.kz"],
];

/** The publisher of a link: a known name, "@account on X", "Telegram channel …", or the host. */
export function publisherOf(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, "");
  const firstPathPart = url.pathname.split("/").filter((part) => part !== "")[0];
  if (/^(twitter\.com|x\.com)$/.test(host)) return firstPathPart && firstPathPart !== "i" ? `@${firstPathPart} on X` : "X (Twitter)";
  if (host === "t.me" || host === "telegram.me") {
    const channel = firstPathPart === "s" ? url.pathname.split("/").filter((part) => part !== "")[1] : firstPathPart;
    return channel ? `Telegram channel ${channel}` : "Telegram";
  }
  return PUBLISHERS.find(([pattern]) => pattern.test(host))?.[1] ?? host;
}
