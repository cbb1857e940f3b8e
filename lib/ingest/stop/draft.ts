import type { DisruptionType, SourceKind } from "@/lib/generated/prisma/enums";
import { describeIncidentIssue, ZHttpUrl, ZIncidentInput, type IncidentInput } from "@/lib/schemas/incident";
import {
  classifyCause,
  classifyJustification,
  classifyScope,
  classifyServices,
  classifyType,
  isNationwideArea,
  publisherOf,
  sourceKindForHost,
  sourceKindOf,
  TYPE_LABEL,
  TYPE_SLUG,
} from "./classify";
import type { StopField } from "./columns";
import { dayStartInKazakhstan } from "./kazakhstan-days";
import { stopNaturalKey, stopRowHash } from "./natural-key";
import type { StopProblem, StopRecord } from "./record";
import { matchOperators, matchRegions, operatorsMentioned, type StopReference } from "./reference";
import { comparable, isBlankLike, isoDay, splitLinks, stopDay, truncate, type CalendarDay } from "./values";

/** A row turned into a new incident's input, with what the importer needs to find it again. */
export type StopDraft = {
  input: IncidentInput;
  naturalKey: string;
  rowHash: string;
  type: DisruptionType;
  /** What the importer noticed and could not map (unmatched names, bad links, assumptions); also in the body. */
  notes: string[];
};

export type StopDraftResult = { ok: true; draft: StopDraft } | { ok: false; problems: StopProblem[] };

const KAZAKHSTAN = "kazakhstan";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const englishDate = (day: CalendarDay) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(Date.UTC(day.year, day.month - 1, day.day)),
  );

function slugWords(text: string, max: number): string {
  const words = comparable(text)
    .normalize("NFKD")
    .replace(/[^a-z0-9 ]/g, " ")
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "");
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug;
}

function listInEnglish(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

type SourceDraft = NonNullable<IncidentInput["sources"]>[number];

/** Links of a cell as source records; what is not an http(s) address goes to the notes. */
function linksToSources(cell: string, kind: SourceKind, seen: Set<string>, notes: string[], column: string): SourceDraft[] {
  const sources: SourceDraft[] = [];
  for (const token of splitLinks(cell)) {
    const candidate = /^www\./i.test(token) ? `https://${token}` : token;
    const parsed = ZHttpUrl.safeParse(candidate);
    if (!parsed.success) {
      notes.push(`${column}: "${truncate(token, 300)}" is not a valid http(s) link; kept here instead of as a source.`);
      continue;
    }
    const url = new URL(parsed.data);
    const identity = `${url.hostname.toLowerCase().replace(/^www\./, "")}${url.pathname.replace(/\/+$/, "")}${url.search}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    sources.push({ kind: sourceKindForHost(url.hostname.toLowerCase(), kind), url: parsed.data, publisher: publisherOf(url), phase: 0 });
  }
  return sources;
}

const firstValidLink = (cell: string) => splitLinks(cell).find((token) => ZHttpUrl.safeParse(token).success);

/** Which STOP column a schema issue on a field of the draft points at. */
const FIELD_OF_PATH: Record<string, StopField> = {
  slug: "areaName",
  title: "event",
  summary: "event",
  body: "event",
  startsAt: "startDate",
  startPrecision: "startDateType",
  endsAt: "endDate",
  endPrecision: "endDate",
  scope: "geoScope",
  regions: "areaName",
  type: "shutdownType",
  services: "otherAffected",
  servicesOther: "otherAffected",
  cause: "actualCause",
  causeDetails: "actualCauseDetails",
  govJustification: "govJustification",
  govJustificationDetails: "govJustificationDetails",
  legalBasis: "legalMethod",
  operators: "telcosInvolved",
  phases: "startDate",
  sources: "infoSourceLink",
  acknowledgements: "govAckQuote",
};

/**
 * Maps one Kazakhstan (or --country) row to a draft incident: one phase
 * covering the STOP period, operators and regions matched against the
 * reference data, sources from the links, statements from the
 * acknowledgement columns. Anything it cannot place is kept as text in the
 * body's "Import notes", never dropped. See classify.ts for the tables.
 */
export function buildStopDraft(record: StopRecord, reference: StopReference, columnOf: (field: StopField) => string): StopDraftResult {
  const notes: string[] = [];
  const problems: StopProblem[] = [];
  const inKazakhstan = comparable(record.country) === KAZAKHSTAN;

  const { services, servicesOther } = classifyServices(record);
  const reading = classifyType(record, services);
  if (reading.assumed) {
    notes.push(
      `The row states no kind or extent of disruption (shutdown_type, shutdown_extent); the type ${reading.type} is assumed from ${services.length > 0 ? "the services it names" : "the absence of named services"}.`,
    );
  }

  // Scope and regions
  const scope = classifyScope(record);
  let regions: string[] = [];
  if (!isNationwideArea(record.areaName)) {
    const match = inKazakhstan ? matchRegions(record.areaName, reference.regions) : { slugs: [], unmatched: [record.areaName] };
    regions = match.slugs;
    if (match.unmatched.length > 0) notes.push(`Areas named in the row but not matched to a region: ${match.unmatched.join("; ")}.`);
    if (scope !== "NATIONAL" && regions.length === 0) {
      problems.push({
        column: columnOf("areaName"),
        message: inKazakhstan
          ? `area_name "${truncate(record.areaName, 200)}" names no region of Kazakhstan the tracker knows; enter this incident by hand`
          : `area_name "${truncate(record.areaName, 200)}": the tracker has no regions for ${record.country}`,
      });
    }
  }

  // Operators
  const operatorMatch = matchOperators(record.telcosInvolved, reference.operators);
  if (operatorMatch.unmatched.length > 0) {
    notes.push(`Operators named in the row but not matched to a known operator: ${operatorMatch.unmatched.join("; ")}.`);
  }

  // Cause and justification
  const cause = classifyCause(record);
  const causeParts = [cause === "OTHER" && !isBlankLike(record.actualCause) ? record.actualCause : "", record.actualCauseDetails].filter(
    (part) => !isBlankLike(part),
  );
  const justification = classifyJustification(record);
  const legalBasis = !isBlankLike(record.legalMethod)
    ? record.legalMethod
    : record.legalJust === "yes"
      ? "The STOP data says a legal basis was cited, without naming it."
      : undefined;

  // Sources
  const seen = new Set<string>();
  const sources = [
    ...linksToSources(record.sourceLinks, sourceKindOf(record.infoSource), seen, notes, columnOf("infoSourceLink")),
    ...linksToSources(record.anLink, "CIVIL_SOCIETY_REPORT", seen, notes, columnOf("anLink")),
  ];

  // Statements
  const acknowledgements: NonNullable<IncidentInput["acknowledgements"]> = [];
  if (record.govAck === "yes") {
    const sourceUrl = firstValidLink(record.govAckSource);
    if (!sourceUrl && !isBlankLike(record.govAckSource)) notes.push(`Government statement source: ${truncate(record.govAckSource, 500)}.`);
    acknowledgements.push({
      party: "GOVERNMENT",
      statement: "The government acknowledged the disruption, according to the #KeepItOn STOP data.",
      ...(isBlankLike(record.govAckQuote) ? {} : { quote: truncate(record.govAckQuote, 4000) }),
      ...(sourceUrl ? { sourceUrl } : {}),
    });
  }
  if (record.telcoAck === "yes") {
    const named = operatorsMentioned(`${record.telcoAckQuote} ${record.telcoAckSource}`, reference.operators);
    const operator = named[0] ?? (operatorMatch.slugs.length === 1 ? operatorMatch.slugs[0] : undefined);
    const sourceUrl = firstValidLink(record.telcoAckSource);
    if (operator) {
      const name = reference.operators.find((candidate) => candidate.slug === operator)?.name ?? operator;
      acknowledgements.push({
        party: "OPERATOR",
        operator,
        statement: `${name} acknowledged the disruption, according to the #KeepItOn STOP data.`,
        ...(isBlankLike(record.telcoAckQuote) ? {} : { quote: truncate(record.telcoAckQuote, 4000) }),
        ...(sourceUrl ? { sourceUrl } : {}),
      });
    } else {
      notes.push(
        `The row says an operator acknowledged the disruption but does not say which: ${truncate([record.telcoAckQuote, record.telcoAckSource].filter((part) => part !== "").join(" ") || "no quote", 1000)}.`,
      );
    }
  }

  // Period
  const startsAt = dayStartInKazakhstan(record.startDate).toISOString();
  const startPrecision = record.startEstimated ? "ESTIMATED" : "DAY";
  const end = record.endDate ? { endsAt: dayStartInKazakhstan(record.endDate).toISOString(), endPrecision: "DAY" as const } : {};
  if (!record.endDate && /^ended$/i.test(record.shutdownStatus)) notes.push("STOP marks the shutdown as ended but gives no end date.");

  // Words
  const regionNames = regions.map((slug) => reference.regions.find((region) => region.slug === slug)?.name ?? slug);
  const where =
    scope === "NATIONAL" ? "" : regionNames.length > 0 ? ` in ${listInEnglish(regionNames)}` : ` in ${truncate(record.areaName, 80)}`;
  const countrySuffix = inKazakhstan ? "" : ` (${record.country})`;
  const label = TYPE_LABEL[reading.type];
  const title = truncate(`${scope === "NATIONAL" ? `Nationwide ${label}` : capitalise(label)}${where}${countrySuffix} from ${englishDate(record.startDate)}`, 200);
  const periodText = record.endDate ? ` to ${englishDate(record.endDate)}` : record.ongoing ? ", ongoing when recorded" : "";
  const summaryText = [record.event, record.actualCauseDetails, record.notes].find((text) => !isBlankLike(text));
  const summary = truncate(
    summaryText ?? `The #KeepItOn STOP data records a ${label}${where || " across the country"}${countrySuffix} from ${englishDate(record.startDate)}${periodText}.`,
    1000,
  );
  const areaSlug = scope === "NATIONAL" ? "nationwide" : slugWords(regions.length > 0 ? regions.join(" ") : record.areaName, 40) || "area";
  const slug = [
    "stop",
    inKazakhstan ? "" : slugWords(record.country, 30),
    isoDay(record.startDate),
    areaSlug,
    TYPE_SLUG[reading.type],
  ]
    .filter((part) => part !== "")
    .join("-");

  const input: IncidentInput = {
    slug,
    title,
    summary,
    body: stopBody(record, notes),
    status: "DRAFT",
    verification: "REPORTED",
    startsAt,
    startPrecision,
    ...end,
    scope,
    type: reading.type,
    services,
    ...(servicesOther ? { servicesOther } : {}),
    cause,
    ...(causeParts.length > 0 ? { causeDetails: truncate(causeParts.join(": "), 2000) } : {}),
    ...(justification.justification ? { govJustification: justification.justification } : {}),
    ...(justification.details ? { govJustificationDetails: truncate(justification.details, 2000) } : {}),
    ...(legalBasis ? { legalBasis: truncate(legalBasis, 2000) } : {}),
    operators: operatorMatch.slugs,
    regions,
    phases: [
      {
        label: capitalise(label),
        description: "The period the #KeepItOn STOP data records for this row.",
        type: reading.type,
        extent: reading.extent,
        startsAt,
        startPrecision,
        ...end,
        services,
        operators: operatorMatch.slugs,
        regions,
      },
    ],
    sources,
    acknowledgements,
  };

  // A row already refused names its reasons; the schema's echo of them adds nothing.
  if (problems.length > 0) return { ok: false, problems };
  const parsed = ZIncidentInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF_PATH[String(issue.path[0] ?? "")];
      problems.push({ column: field ? columnOf(field) : null, message: `${issue.path.join(".") || "row"}: ${describeIncidentIssue(issue.message)}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    draft: { input, naturalKey: stopNaturalKey(record, reading.type), rowHash: stopRowHash(record), type: reading.type, notes },
  };
}

/** The draft's body: the row's own words, a digest of its columns, and the import notes. Markdown. */
function stopBody(record: StopRecord, notes: string[]): string {
  const paragraphs = [record.event, record.actualCauseDetails !== record.event ? record.actualCauseDetails : "", record.notes]
    .filter((text) => !isBlankLike(text))
    .map((text) => truncate(text, 8000));
  const facts: [string, string][] = [
    ["Start", `${stopDay(record.startDate)}${record.startEstimated ? " (estimated)" : ""}`],
    ["End", record.endDate ? stopDay(record.endDate) : record.ongoing ? "Ongoing" : "not recorded"],
    ["Status", record.shutdownStatus],
    ["Duration", record.duration],
    ["Area", [record.areaName, record.geoScope].filter((part) => part !== "").join(" — ")],
    ["Shutdown type", [record.shutdownType, record.affectedNetwork, record.shutdownExtent].filter((part) => part !== "").join(" · ")],
    ["Services (other)", record.otherAffected.replace(/\n/g, "; ")],
    ["Operators named", record.telcosInvolved],
    ["Ordered by", [record.orderedBy, record.decisionMaker].filter((part) => part !== "").join(" — ")],
    ["Cause", record.actualCause],
    ["Government justification", record.govJustification],
    ["Users targeted", [record.usersTargeted, record.usersTargetDetail].filter((part) => part !== "").join(" — ")],
    ["Economic impact", record.econImpact],
  ];
  const digest = facts
    .filter(([, value]) => !isBlankLike(value))
    .map(([name, value]) => `- ${name}: ${truncate(value.replace(/\n/g, " "), 2000)}`);
  const sections = [
    ...paragraphs,
    ["### From the #KeepItOn STOP data", ...digest].join("\n"),
    ...(notes.length > 0 ? [["### Import notes", ...notes.map((note) => `- ${note}`)].join("\n")] : []),
  ];
  return truncate(sections.join("\n\n"), 50_000);
}
