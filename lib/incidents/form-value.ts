import type { z } from "zod";
import type {
  AffectedService,
  DiscrepancyTopic,
  DisruptionType,
  EndStatus,
  GovernmentJustification,
  IncidentCause,
  IncidentScope,
  PhaseExtent,
  SourceKind,
  StatementParty,
  TimePrecision,
  VerificationLevel,
} from "@/lib/generated/prisma/enums";
import type { FieldIssues } from "@/lib/errors";
import { isItemList, type ItemListName, type TranslationField } from "@/lib/incidents/diff-paths";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { boundingPhases, openEndOfPhases, type PhasePeriod } from "@/lib/incidents/period-of-phases";
import { ZIncidentInput, type IncidentInput } from "@/lib/schemas/incident";
import { fieldIssuesOf } from "@/lib/schemas/parse";
import { almatyLocalDayStart, isoToAlmatyLocal, parseAlmatyLocal } from "@/lib/time/almaty-local";

/**
 * The incident editor's state: what the inputs hold, as strings and booleans,
 * with a stable `key` on every list item for React and for cross-references.
 *
 * Every field sits at the same dotted path as in the shared schema
 * (ZIncidentInput), so "phases.0.endsAt" names the form field, the input's
 * `name`, and the field issues the browser or the server report for it.
 * Differences from the schema's shape:
 * - instants are Kazakhstan wall-clock strings ("2022-01-05T17:15"), calendar
 *   dates "YYYY-MM-DD", amounts strings, unset choices "";
 * - `endUnknown` (incident only) is the "ongoing / end unknown" checkbox;
 * - `endStatus` says what is known about an end that is not given (ongoing,
 *   or not recorded); with an end, the end is recorded whatever it holds;
 * - `periodSetByHand` (incident only) is the "override" box: unticked, the
 *   period is the phases' — its end status and last report too — (the
 *   schema's `periodFromPhases`), see `periodFromPhaseFields`;
 * - a start or end known only to the day may be a date alone ("2022-01-05");
 * - a source's `phase`, an estimate's `source` and a discrepancy's `sources`
 *   hold item keys, not indexes, so reordering never breaks a reference.
 */

/** A translated record's free text, e.g. { ru: { title: "…" } }. Keys the editor does not show are kept as they are. */
export type TranslationsFormValue = { ru: Partial<Record<TranslationField, string>> };

export type PhaseFormValue = {
  key: string;
  label: string;
  description: string;
  translations: TranslationsFormValue;
  type: DisruptionType | "";
  extent: PhaseExtent | "";
  startsAt: string;
  startPrecision: TimePrecision | "";
  /** Empty: no recorded end. */
  endsAt: string;
  endPrecision: TimePrecision | "";
  /** Used when `endsAt` is empty. */
  endStatus: OpenEndStatus;
  /** NOT_RECORDED only: the last day a source reports the phase (YYYY-MM-DD), or "". */
  lastReportedOn: string;
  services: AffectedService[];
  /** Affects every operator the incident names. */
  allOperators: boolean;
  operators: string[];
  regions: string[];
};

/** What an end that is not given can be. */
export type OpenEndStatus = Exclude<EndStatus, "RECORDED">;

export type SourceFormValue = {
  key: string;
  kind: SourceKind | "";
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  archivedUrl: string;
  quote: string;
  note: string;
  translations: TranslationsFormValue;
  /** Key of the phase the source supports, or "". */
  phase: string;
};

export type AcknowledgementFormValue = {
  key: string;
  party: StatementParty | "";
  /** Operator slug; used only when the party is an operator. */
  operator: string;
  statement: string;
  translations: TranslationsFormValue;
  quote: string;
  sourceUrl: string;
  madeOn: string;
};

export type ImpactEstimateFormValue = {
  key: string;
  lowUsd: string;
  highUsd: string;
  estimatedBy: string;
  /** Key of the source that reports the estimate, or "". */
  source: string;
  note: string;
  translations: TranslationsFormValue;
};

export type DiscrepancyFormValue = {
  key: string;
  topic: DiscrepancyTopic | "";
  description: string;
  resolution: string;
  translations: TranslationsFormValue;
  /** Keys of the sources that disagree. */
  sources: string[];
};

export type IncidentFormValue = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  translations: TranslationsFormValue;
  verification: VerificationLevel | "";
  startsAt: string;
  startPrecision: TimePrecision | "";
  /**
   * Ticked: the period is typed in below. Unticked (the default for a new
   * incident): it is the phases' — first start to last end — whenever there are phases.
   */
  periodSetByHand: boolean;
  /** The "ongoing / end unknown" box: when ticked the end is left out, whatever the end fields hold. */
  endUnknown: boolean;
  endsAt: string;
  endPrecision: TimePrecision | "";
  /** Used when `endUnknown` is ticked. */
  endStatus: OpenEndStatus;
  /** ONGOING only: the day staff last checked (YYYY-MM-DD), or "". */
  lastCheckedOn: string;
  /** NOT_RECORDED only: the last day a source reports the incident (YYYY-MM-DD), or "". */
  lastReportedOn: string;
  scope: IncidentScope | "";
  type: DisruptionType | "";
  services: AffectedService[];
  servicesOther: string;
  cause: IncidentCause | "";
  causeDetails: string;
  govJustification: GovernmentJustification | "";
  govJustificationDetails: string;
  legalBasis: string;
  operators: string[];
  regions: string[];
  phases: PhaseFormValue[];
  sources: SourceFormValue[];
  acknowledgements: AcknowledgementFormValue[];
  impactEstimates: ImpactEstimateFormValue[];
  discrepancies: DiscrepancyFormValue[];
};

export type ListItemFormValue<L extends ItemListName> = IncidentFormValue[L][number];

/* ------------------------------------------------------------------------- */
/* Keys and empty values                                                     */
/* ------------------------------------------------------------------------- */

const KEY_PREFIX: Record<ItemListName, string> = {
  phases: "phase",
  sources: "source",
  acknowledgements: "statement",
  impactEstimates: "estimate",
  discrepancies: "discrepancy",
};

/**
 * A key no item of the list has: one more than the highest number in use.
 * Keys are deterministic (no randomness), so the server render and the
 * browser agree on them.
 */
function nextKey(list: ItemListName, items: readonly { key: string }[]): string {
  const prefix = `${KEY_PREFIX[list]}-`;
  const highest = items.reduce((max, item) => {
    const number = item.key.startsWith(prefix) ? Number(item.key.slice(prefix.length)) : 0;
    return Number.isInteger(number) && number > max ? number : max;
  }, 0);
  return `${prefix}${highest + 1}`;
}

const emptyTranslations = (): TranslationsFormValue => ({ ru: {} });

export function emptyPhase(key: string): PhaseFormValue {
  return {
    key,
    label: "",
    description: "",
    translations: emptyTranslations(),
    type: "",
    extent: "FULL",
    startsAt: "",
    startPrecision: "",
    endsAt: "",
    endPrecision: "",
    endStatus: "NOT_RECORDED",
    lastReportedOn: "",
    services: [],
    allOperators: false,
    operators: [],
    regions: [],
  };
}

export function emptySource(key: string): SourceFormValue {
  return { key, kind: "", url: "", title: "", publisher: "", publishedOn: "", archivedUrl: "", quote: "", note: "", translations: emptyTranslations(), phase: "" };
}

export function emptyAcknowledgement(key: string): AcknowledgementFormValue {
  return { key, party: "", operator: "", statement: "", translations: emptyTranslations(), quote: "", sourceUrl: "", madeOn: "" };
}

export function emptyImpactEstimate(key: string): ImpactEstimateFormValue {
  return { key, lowUsd: "", highUsd: "", estimatedBy: "", source: "", note: "", translations: emptyTranslations() };
}

export function emptyDiscrepancy(key: string): DiscrepancyFormValue {
  return { key, topic: "", description: "", resolution: "", translations: emptyTranslations(), sources: [] };
}

/** A new incident: nothing filled in except the schema's defaults (verification "reported"). */
export function emptyIncidentForm(): IncidentFormValue {
  return {
    slug: "",
    title: "",
    summary: "",
    body: "",
    translations: emptyTranslations(),
    verification: "REPORTED",
    startsAt: "",
    startPrecision: "",
    periodSetByHand: false,
    endUnknown: false,
    endsAt: "",
    endPrecision: "",
    endStatus: "NOT_RECORDED",
    lastCheckedOn: "",
    lastReportedOn: "",
    scope: "",
    type: "",
    services: [],
    servicesOther: "",
    cause: "",
    causeDetails: "",
    govJustification: "",
    govJustificationDetails: "",
    legalBasis: "",
    operators: [],
    regions: [],
    phases: [],
    sources: [],
    acknowledgements: [],
    impactEstimates: [],
    discrepancies: [],
  };
}

/* ------------------------------------------------------------------------- */
/* Times and the period                                                      */
/* ------------------------------------------------------------------------- */

/** "2022-01-05": a date without a time, how the editor holds a value known only to the day. */
export const isLocalDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value.trim());

/**
 * The instant a start or end field stands for at its precision — a date
 * alone, or DAY precision, is the start of that day in Kazakhstan — or null
 * when it is empty or cannot be read.
 */
export function localInstant(value: string, precision: TimePrecision | string): Date | null {
  if (value.trim() === "") return null;
  if (precision === "DAY" || isLocalDate(value)) return almatyLocalDayStart(value);
  const parsed = parseAlmatyLocal(value);
  return parsed.ok ? parsed.instant : null;
}

/** The precision a typed value suggests: a date alone is to the day, a time on the hour to the hour, any other time exact. */
export function suggestedPrecision(value: string): TimePrecision | "" {
  const text = value.trim();
  if (text === "") return "";
  if (isLocalDate(text)) return "DAY";
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!time) return "";
  return time[2] === "00" && (time[3] ?? "00") === "00" ? "HOUR" : "EXACT";
}

const PRECISION_OF: Record<string, string> = { startsAt: "startPrecision", endsAt: "endPrecision" };

/**
 * Sets a start or end ("startsAt", "phases.2.endsAt") and with it the
 * precision the new value suggests — unless someone chose the precision: one
 * that is set and differs from what the old value suggested is kept.
 */
export function setTimeField(form: IncidentFormValue, path: string, value: string): IncidentFormValue {
  const field = path.split(".").at(-1) ?? "";
  const precisionPath = PRECISION_OF[field] ? `${path.slice(0, -field.length)}${PRECISION_OF[field]}` : null;
  const next = setFormField(form, path, value);
  if (!precisionPath) return next;
  const before = getFormField(form, path);
  const precision = getFormField(form, precisionPath);
  const chosen = typeof precision === "string" && precision !== "" && precision !== suggestedPrecision(typeof before === "string" ? before : "");
  return chosen ? next : setFormField(next, precisionPath, suggestedPrecision(value));
}

/** The incident's own period fields, as the form holds them. */
export type PeriodFormValue = Pick<IncidentFormValue, "startsAt" | "startPrecision" | "endUnknown" | "endsAt" | "endPrecision" | "endStatus" | "lastReportedOn">;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period the phases give (lib/incidents/period-of-phases.ts): the first
 * phase's start and the last phase's end, as they are typed, or no end when a
 * phase has none — then ongoing when a phase is, otherwise not recorded with
 * the latest day a phase is reported in effect. Phases whose start cannot be
 * read yet are left out (they show their own error). Null without a readable
 * phase.
 */
export function periodFromPhaseFields(form: IncidentFormValue): PeriodFormValue | null {
  const readable = form.phases.flatMap((phase) => {
    const startsAt = localInstant(phase.startsAt, phase.startPrecision);
    if (!startsAt) return [];
    const lastReportedOn = phase.lastReportedOn.trim();
    const period: PhasePeriod = {
      startsAt,
      startPrecision: phase.startPrecision || "EXACT",
      endsAt: localInstant(phase.endsAt, phase.endPrecision),
      endPrecision: phase.endPrecision || null,
      endStatus: phase.endsAt.trim() === "" ? phase.endStatus : "RECORDED",
      lastReportedOn: CALENDAR_DATE.test(lastReportedOn) ? new Date(`${lastReportedOn}T00:00:00Z`) : null,
    };
    return [{ phase, period }];
  });
  const periods = readable.map((entry) => entry.period);
  const bounds = boundingPhases(periods);
  if (!bounds) return null;
  const first = readable[bounds.first]!.phase;
  const last = bounds.last === null ? null : readable[bounds.last]!.phase;
  const openEnd = last === null ? openEndOfPhases(periods) : null;
  return {
    startsAt: first.startsAt,
    startPrecision: first.startPrecision,
    endUnknown: last === null,
    endsAt: last?.endsAt ?? "",
    endPrecision: last?.endPrecision ?? "",
    endStatus: openEnd?.endStatus ?? "NOT_RECORDED",
    lastReportedOn: openEnd?.lastReportedOn?.toISOString().slice(0, 10) ?? "",
  };
}

/**
 * A change someone made to one field, with what follows from it: a start or
 * end suggests its precision (setTimeField), and ticking "set the period by
 * hand" starts from the phases' period (setPeriodSetByHand).
 */
export function changeFormField(form: IncidentFormValue, path: string, value: unknown): IncidentFormValue {
  if (path === "periodSetByHand") return setPeriodSetByHand(form, value === true);
  if (/(^|\.)(startsAt|endsAt)$/.test(path) && typeof value === "string") return setTimeField(form, path, value);
  return setFormField(form, path, value);
}

/** Ticks or unticks "set the period by hand"; ticking it starts from the phases' period, so nothing jumps. */
export function setPeriodSetByHand(form: IncidentFormValue, byHand: boolean): IncidentFormValue {
  const derived = byHand && !form.periodSetByHand ? periodFromPhaseFields(form) : null;
  return { ...form, ...derived, periodSetByHand: byHand };
}

/* ------------------------------------------------------------------------- */
/* Snapshot → form                                                           */
/* ------------------------------------------------------------------------- */

/**
 * A stored instant as the editor shows it: Kazakhstan wall-clock time, or the
 * date alone when it is known only to the day (a DAY value, or an estimate
 * placed at midnight), which reads back to the same instant.
 */
function instantToLocal(value: Date | string | undefined, precision: TimePrecision | undefined): string {
  if (value === undefined) return "";
  const local = isoToAlmatyLocal(value) ?? "";
  const dateOnly = precision === "DAY" || (precision === "ESTIMATED" && local.endsWith("T00:00"));
  return dateOnly ? local.slice(0, 10) : local;
}
const calendarToText = (value: Date | string | undefined): string =>
  value === undefined ? "" : typeof value === "string" ? value : Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
const amountToText = (value: number | undefined): string => (value === undefined ? "" : String(value));
const openEndOf = (status: EndStatus | undefined): OpenEndStatus => (status === "ONGOING" ? "ONGOING" : "NOT_RECORDED");

function translationsToForm(translations: { ru?: Partial<Record<TranslationField, string>> } | undefined): TranslationsFormValue {
  return { ru: { ...translations?.ru } };
}

/** The editor's state for a stored incident. Item keys are "phase-1", "phase-2"… in list order. */
export function snapshotToFormValue(snapshot: IncidentSnapshot): IncidentFormValue {
  const phases = (snapshot.phases ?? []).map(
    (phase, index): PhaseFormValue => ({
      key: `${KEY_PREFIX.phases}-${index + 1}`,
      label: phase.label,
      description: phase.description ?? "",
      translations: translationsToForm(phase.translations),
      type: phase.type,
      extent: phase.extent ?? "FULL",
      startsAt: instantToLocal(phase.startsAt, phase.startPrecision),
      startPrecision: phase.startPrecision,
      endsAt: instantToLocal(phase.endsAt, phase.endPrecision),
      endPrecision: phase.endPrecision ?? "",
      endStatus: openEndOf(phase.endStatus),
      lastReportedOn: calendarToText(phase.lastReportedOn),
      services: [...(phase.services ?? [])],
      allOperators: phase.allOperators ?? false,
      operators: [...(phase.operators ?? [])],
      regions: [...(phase.regions ?? [])],
    }),
  );
  // An index with no item behind it stays visibly broken (validation reports it) rather than silently unlinked.
  const keyAt = (items: readonly { key: string }[], list: ItemListName, index: number | undefined) =>
    index === undefined ? "" : (items[index]?.key ?? `${KEY_PREFIX[list]}-missing-${index}`);
  const sources = (snapshot.sources ?? []).map(
    (source, index): SourceFormValue => ({
      key: `${KEY_PREFIX.sources}-${index + 1}`,
      kind: source.kind,
      url: source.url,
      title: source.title ?? "",
      publisher: source.publisher,
      publishedOn: calendarToText(source.publishedOn),
      archivedUrl: source.archivedUrl ?? "",
      quote: source.quote ?? "",
      note: source.note ?? "",
      translations: translationsToForm(source.translations),
      phase: keyAt(phases, "phases", source.phase),
    }),
  );
  return {
    slug: snapshot.slug,
    title: snapshot.title,
    summary: snapshot.summary,
    body: snapshot.body ?? "",
    translations: translationsToForm(snapshot.translations),
    verification: snapshot.verification ?? "REPORTED",
    startsAt: instantToLocal(snapshot.startsAt, snapshot.startPrecision),
    startPrecision: snapshot.startPrecision,
    periodSetByHand: snapshot.periodFromPhases !== true,
    endUnknown: snapshot.endsAt === undefined,
    endsAt: instantToLocal(snapshot.endsAt, snapshot.endPrecision),
    endPrecision: snapshot.endPrecision ?? "",
    endStatus: openEndOf(snapshot.endStatus),
    lastCheckedOn: calendarToText(snapshot.lastCheckedOn),
    lastReportedOn: calendarToText(snapshot.lastReportedOn),
    scope: snapshot.scope,
    type: snapshot.type,
    services: [...(snapshot.services ?? [])],
    servicesOther: snapshot.servicesOther ?? "",
    cause: snapshot.cause,
    causeDetails: snapshot.causeDetails ?? "",
    govJustification: snapshot.govJustification ?? "",
    govJustificationDetails: snapshot.govJustificationDetails ?? "",
    legalBasis: snapshot.legalBasis ?? "",
    operators: [...(snapshot.operators ?? [])],
    regions: [...(snapshot.regions ?? [])],
    phases,
    sources,
    acknowledgements: (snapshot.acknowledgements ?? []).map(
      (statement, index): AcknowledgementFormValue => ({
        key: `${KEY_PREFIX.acknowledgements}-${index + 1}`,
        party: statement.party,
        operator: statement.operator ?? "",
        statement: statement.statement,
        translations: translationsToForm(statement.translations),
        quote: statement.quote ?? "",
        sourceUrl: statement.sourceUrl ?? "",
        madeOn: calendarToText(statement.madeOn),
      }),
    ),
    impactEstimates: (snapshot.impactEstimates ?? []).map(
      (estimate, index): ImpactEstimateFormValue => ({
        key: `${KEY_PREFIX.impactEstimates}-${index + 1}`,
        lowUsd: amountToText(estimate.lowUsd),
        highUsd: amountToText(estimate.highUsd),
        estimatedBy: estimate.estimatedBy,
        source: keyAt(sources, "sources", estimate.source),
        note: estimate.note ?? "",
        translations: translationsToForm(estimate.translations),
      }),
    ),
    discrepancies: (snapshot.discrepancies ?? []).map(
      (discrepancy, index): DiscrepancyFormValue => ({
        key: `${KEY_PREFIX.discrepancies}-${index + 1}`,
        topic: discrepancy.topic,
        description: discrepancy.description,
        resolution: discrepancy.resolution ?? "",
        translations: translationsToForm(discrepancy.translations),
        sources: (discrepancy.sources ?? []).map((index) => keyAt(sources, "sources", index)),
      }),
    ),
  };
}

/* ------------------------------------------------------------------------- */
/* Form → input                                                              */
/* ------------------------------------------------------------------------- */

/** Messages for problems found while reading the form and for the schema's generic checks. English by default; the editor passes translated ones. */
export type FormMessages = {
  required: string;
  tooShort: (minimum: number) => string;
  tooLong: (maximum: number) => string;
  tooMany: (maximum: number) => string;
  tooSmall: (minimum: number) => string;
  tooLarge: (maximum: number) => string;
  wholeNumber: string;
  chooseOption: string;
  invalidDateTime: string;
  skippedDateTime: string;
  dateWithoutTime: string;
  invalidAmount: string;
  noSuchPhase: string;
  noSuchSource: string;
};

export const ENGLISH_FORM_MESSAGES: FormMessages = {
  required: "Required",
  tooShort: (minimum) => `Use at least ${minimum} characters`,
  tooLong: (maximum) => `Use at most ${maximum} characters`,
  tooMany: (maximum) => `At most ${maximum} are allowed`,
  tooSmall: (minimum) => `Must be at least ${minimum}`,
  tooLarge: (maximum) => `Must be at most ${maximum}`,
  wholeNumber: "Enter a whole number",
  chooseOption: "Choose one of the options",
  invalidDateTime: "Enter a date and time, e.g. 2022-01-05 17:15",
  skippedDateTime: "This time did not exist in Kazakhstan: the clocks skipped it",
  dateWithoutTime: "Add the time, or choose a precision of “to the day” or “estimated”",
  invalidAmount: "Enter a whole number of US dollars, e.g. 10000000",
  noSuchPhase: "The phase this pointed to has been removed; choose another",
  noSuchSource: "The source this pointed to has been removed; choose another",
};

type Conversion = { input: IncidentInput; issues: FieldIssues };

const blankToUndefined = (value: string): string | undefined => (value.trim() === "" ? undefined : value);

class FormReader {
  readonly issues: FieldIssues = {};

  constructor(private readonly messages: FormMessages) {}

  private report(path: string, message: string) {
    (this.issues[path] ??= []).push(message);
  }

  text(value: string): string | undefined {
    return blankToUndefined(value);
  }

  choice<T extends string>(value: T | ""): T | undefined {
    return value === "" ? undefined : value;
  }

  /**
   * Kazakhstan wall-clock time → ISO instant in UTC. A DAY-precision value is
   * kept at the start of its day in Kazakhstan. An unreadable value is passed
   * on as typed (the schema refuses it too) and reported here.
   */
  instant(value: string, precision: TimePrecision | "", path: string): string | undefined {
    if (value.trim() === "") return undefined;
    if (isLocalDate(value) && (precision === "EXACT" || precision === "HOUR")) {
      this.report(path, this.messages.dateWithoutTime);
      return value;
    }
    if (precision === "DAY" || isLocalDate(value)) {
      const dayStart = almatyLocalDayStart(value);
      if (dayStart) return dayStart.toISOString();
    }
    const parsed = parseAlmatyLocal(value);
    if (parsed.ok) return parsed.instant.toISOString();
    this.report(path, parsed.reason === "skipped" ? this.messages.skippedDateTime : this.messages.invalidDateTime);
    return value;
  }

  amount(value: string, path: string): number | undefined {
    const compact = value.replace(/[\s,_\u00a0\u202f]/g, "");
    if (compact === "") return undefined;
    if (/^\d+$/.test(compact)) return Number(compact);
    this.report(path, this.messages.invalidAmount);
    return Number.NaN;
  }

  reference(key: string, items: readonly { key: string }[], path: string, message: string): number | undefined {
    if (key === "") return undefined;
    const index = items.findIndex((item) => item.key === key);
    if (index !== -1) return index;
    this.report(path, message);
    return -1;
  }

  references(keys: readonly string[], items: readonly { key: string }[], path: string, message: string): number[] {
    const indexes: number[] = [];
    for (const key of keys) {
      const index = items.findIndex((item) => item.key === key);
      if (index === -1) this.report(path, message);
      else indexes.push(index);
    }
    return indexes;
  }

  translations(value: TranslationsFormValue): { ru?: Partial<Record<TranslationField, string>> } {
    const ru: Partial<Record<TranslationField, string>> = {};
    for (const [field, text] of Object.entries(value.ru) as [TranslationField, string | undefined][]) {
      if (text !== undefined && text.trim() !== "") ru[field] = text;
    }
    return Object.keys(ru).length === 0 ? {} : { ru };
  }
}

/** Drops undefined values so the input looks like a snapshot. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function convert(form: IncidentFormValue, messages: FormMessages): Conversion {
  const read = new FormReader(messages);
  const period = (!form.periodSetByHand && periodFromPhaseFields(form)) || form;
  // An end left empty is an open end, as a phase's is: what is known about it is said beside it.
  const endGiven = !period.endUnknown && period.endsAt.trim() !== "";
  const input: IncidentInput = withoutUndefined({
    slug: read.text(form.slug),
    title: read.text(form.title),
    summary: read.text(form.summary),
    body: form.body,
    translations: read.translations(form.translations),
    verification: read.choice(form.verification),
    startsAt: read.instant(period.startsAt, period.startPrecision, "startsAt"),
    startPrecision: read.choice(period.startPrecision),
    endsAt: endGiven ? read.instant(period.endsAt, period.endPrecision, "endsAt") : undefined,
    endPrecision: endGiven ? read.choice(period.endPrecision) : undefined,
    endStatus: endGiven ? "RECORDED" : period.endStatus,
    // The day someone last checked is the incident's own, also while the period follows the phases.
    lastCheckedOn: !endGiven && period.endStatus === "ONGOING" ? read.text(form.lastCheckedOn) : undefined,
    lastReportedOn: !endGiven && period.endStatus === "NOT_RECORDED" ? read.text(period.lastReportedOn) : undefined,
    periodFromPhases: form.periodSetByHand ? undefined : true,
    scope: read.choice(form.scope),
    type: read.choice(form.type),
    services: [...form.services],
    servicesOther: read.text(form.servicesOther),
    cause: read.choice(form.cause),
    causeDetails: read.text(form.causeDetails),
    govJustification: read.choice(form.govJustification),
    govJustificationDetails: read.text(form.govJustificationDetails),
    legalBasis: read.text(form.legalBasis),
    operators: [...form.operators],
    regions: [...form.regions],
    phases: form.phases.map((phase, index) => {
      const phaseEndGiven = phase.endsAt.trim() !== "";
      return withoutUndefined({
        label: read.text(phase.label),
        description: read.text(phase.description),
        translations: read.translations(phase.translations),
        type: read.choice(phase.type),
        extent: read.choice(phase.extent),
        startsAt: read.instant(phase.startsAt, phase.startPrecision, `phases.${index}.startsAt`),
        startPrecision: read.choice(phase.startPrecision),
        endsAt: read.instant(phase.endsAt, phase.endPrecision, `phases.${index}.endsAt`),
        endPrecision: read.choice(phase.endPrecision),
        endStatus: phaseEndGiven ? "RECORDED" : phase.endStatus,
        lastReportedOn: !phaseEndGiven && phase.endStatus === "NOT_RECORDED" ? read.text(phase.lastReportedOn) : undefined,
        services: [...phase.services],
        allOperators: phase.allOperators,
        operators: [...phase.operators],
        regions: [...phase.regions],
      });
    }),
    sources: form.sources.map((source, index) =>
      withoutUndefined({
        kind: read.choice(source.kind),
        url: read.text(source.url),
        title: read.text(source.title),
        publisher: read.text(source.publisher),
        publishedOn: read.text(source.publishedOn),
        archivedUrl: read.text(source.archivedUrl),
        quote: read.text(source.quote),
        note: read.text(source.note),
        translations: read.translations(source.translations),
        phase: read.reference(source.phase, form.phases, `sources.${index}.phase`, messages.noSuchPhase),
      }),
    ),
    acknowledgements: form.acknowledgements.map((statement) =>
      withoutUndefined({
        party: read.choice(statement.party),
        operator: statement.party === "OPERATOR" ? read.text(statement.operator) : undefined,
        statement: read.text(statement.statement),
        translations: read.translations(statement.translations),
        quote: read.text(statement.quote),
        sourceUrl: read.text(statement.sourceUrl),
        madeOn: read.text(statement.madeOn),
      }),
    ),
    impactEstimates: form.impactEstimates.map((estimate, index) =>
      withoutUndefined({
        lowUsd: read.amount(estimate.lowUsd, `impactEstimates.${index}.lowUsd`),
        highUsd: read.amount(estimate.highUsd, `impactEstimates.${index}.highUsd`),
        estimatedBy: read.text(estimate.estimatedBy),
        source: read.reference(estimate.source, form.sources, `impactEstimates.${index}.source`, messages.noSuchSource),
        note: read.text(estimate.note),
        translations: read.translations(estimate.translations),
      }),
    ),
    discrepancies: form.discrepancies.map((discrepancy, index) =>
      withoutUndefined({
        topic: read.choice(discrepancy.topic),
        description: read.text(discrepancy.description),
        resolution: read.text(discrepancy.resolution),
        translations: read.translations(discrepancy.translations),
        sources: read.references(discrepancy.sources, form.sources, `discrepancies.${index}.sources`, messages.noSuchSource),
      }),
    ),
  } as IncidentInput); // required fields left empty are passed as missing; the schema reports them
  return { input, issues: read.issues };
}

/**
 * The form as input for the shared schema: empty strings left out, amounts as
 * numbers, Kazakhstan times as ISO instants in UTC, item keys as indexes. No
 * status: only the workflow changes it. Values that cannot be read are passed
 * on as typed, so the schema rejects them; validateIncidentForm says why.
 */
export function formValueToInput(form: IncidentFormValue): IncidentInput {
  return convert(form, ENGLISH_FORM_MESSAGES).input;
}

export type IncidentFormValidation = { ok: true; input: IncidentInput } | { ok: false; fieldIssues: FieldIssues };

/** Friendlier (and translatable) messages for the schema's generic checks; the schema's own messages win where it has them. */
function schemaErrorMap(messages: FormMessages): z.core.$ZodErrorMap {
  return (issue) => {
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case "invalid_type":
        if (input === undefined) return messages.required;
        if (issue.expected === "int") return messages.wholeNumber;
        return undefined;
      case "invalid_value":
        return input === undefined ? messages.required : messages.chooseOption;
      case "invalid_union":
        // An instant is a union (a Date or an ISO string); missing, it is simply required.
        return input === undefined ? messages.required : undefined;
      case "too_small": {
        const minimum = Number(issue.minimum);
        if (issue.origin === "string") return minimum <= 1 ? messages.required : messages.tooShort(minimum);
        if (issue.origin === "number") return messages.tooSmall(minimum);
        return undefined;
      }
      case "too_big": {
        const maximum = Number(issue.maximum);
        if (issue.origin === "string") return messages.tooLong(maximum);
        if (issue.origin === "number") return messages.tooLarge(maximum);
        if (issue.origin === "array") return messages.tooMany(maximum);
        return undefined;
      }
      default:
        return undefined;
    }
  };
}

/**
 * Checks the form with the same schema the server uses (ZIncidentInput).
 * Issues are keyed by the schema's dotted paths ("title", "phases.0.endsAt"),
 * which are also the fields' names. Where the form could not even be read (an
 * impossible date, "ten" as an amount) that message replaces the schema's.
 */
export function validateIncidentForm(form: IncidentFormValue, messages: FormMessages = ENGLISH_FORM_MESSAGES): IncidentFormValidation {
  const { input, issues: conversionIssues } = convert(form, messages);
  const result = ZIncidentInput.safeParse(input, { error: schemaErrorMap(messages) });
  const schemaIssues = result.success ? {} : fieldIssuesOf(result.error);
  const fieldIssues: FieldIssues = { ...conversionIssues };
  for (const [path, list] of Object.entries(schemaIssues)) {
    if (!conversionIssues[path]) fieldIssues[path] = list;
  }
  if (Object.keys(fieldIssues).length > 0) return { ok: false, fieldIssues };
  return { ok: true, input };
}

/* ------------------------------------------------------------------------- */
/* Reading and writing fields by path                                        */
/* ------------------------------------------------------------------------- */

const splitPath = (path: string) => (path === "" ? [] : path.split("."));

/** The value at a dotted path ("phases.0.label"), or undefined. */
export function getFormField(form: IncidentFormValue, path: string): unknown {
  let value: unknown = form;
  for (const part of splitPath(path)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setIn(target: unknown, parts: string[], value: unknown): unknown {
  const [head, ...rest] = parts;
  if (head === undefined) return value;
  if (Array.isArray(target)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= target.length) return target;
    const copy = [...target];
    copy[index] = setIn(target[index], rest, value);
    return copy;
  }
  const record = target !== null && typeof target === "object" ? (target as Record<string, unknown>) : {};
  return { ...record, [head]: setIn(record[head], rest, value) };
}

/** A copy of the form with one field changed; a path to an item that does not exist changes nothing. */
export function setFormField(form: IncidentFormValue, path: string, value: unknown): IncidentFormValue {
  return setIn(form, splitPath(path), value) as IncidentFormValue;
}

/**
 * A field's name that survives reordering: the item index replaced by its key
 * ("phases.1.label" → "phases.#phase-3.label"). Used to keep errors and
 * "already visited" marks on the right item when items move.
 */
export function stableFieldId(form: IncidentFormValue, path: string): string {
  const [list, index, ...rest] = splitPath(path);
  if (!isItemList(list) || index === undefined || !/^\d+$/.test(index)) return path;
  const item = form[list][Number(index)];
  if (!item) return path;
  return [list, `#${item.key}`, ...rest].join(".");
}

/** The current dotted path of a stable field id, or null if its item is gone. */
export function pathOfStableFieldId(form: IncidentFormValue, id: string): string | null {
  const [list, keyPart, ...rest] = splitPath(id);
  if (!isItemList(list) || keyPart === undefined || !keyPart.startsWith("#")) return id;
  const index = form[list].findIndex((item) => item.key === keyPart.slice(1));
  return index === -1 ? null : [list, String(index), ...rest].join(".");
}

/**
 * Every field the editor shows, as dotted paths, in the order they appear.
 * An issue is shown at the longest of these paths that starts its own path
 * ("discrepancies.0.sources.1" at "discrepancies.0.sources"); one that
 * matches none belongs to the whole form.
 */
export function formFieldPaths(form: IncidentFormValue): string[] {
  const paths = ["title", "slug", "verification", "summary", "body", "periodSetByHand"];
  if (form.periodSetByHand || form.phases.length === 0) {
    paths.push("startsAt", "startPrecision", "endUnknown");
    if (!form.endUnknown) paths.push("endsAt", "endPrecision");
    if (form.endUnknown || form.endsAt.trim() === "") paths.push("endStatus", form.endStatus === "ONGOING" ? "lastCheckedOn" : "lastReportedOn");
  } else if (periodFromPhaseFields(form)?.endStatus === "ONGOING") {
    // Following its phases, an ongoing incident still needs the day someone last checked.
    paths.push("lastCheckedOn");
  }
  paths.push("scope", "type", "services", "servicesOther", "operators", "regions");
  paths.push("cause", "causeDetails", "govJustification", "govJustificationDetails", "legalBasis");
  paths.push(
    ...["title", "summary", "body", "servicesOther", "causeDetails", "govJustificationDetails", "legalBasis"].map((field) => `translations.ru.${field}`),
  );
  form.phases.forEach((phase, i) => {
    const openEnd = phase.endsAt.trim() === "" ? ["endStatus", ...(phase.endStatus === "NOT_RECORDED" ? ["lastReportedOn"] : [])] : [];
    paths.push(
      ...[
        "label",
        "translations.ru.label",
        "description",
        "translations.ru.description",
        "type",
        "extent",
        "startsAt",
        "startPrecision",
        "endsAt",
        "endPrecision",
        ...openEnd,
        "services",
        "allOperators",
        "operators",
        "regions",
      ].map((field) => `phases.${i}.${field}`),
    );
  });
  form.sources.forEach((_, i) => {
    paths.push(
      ...["kind", "publisher", "translations.ru.publisher", "url", "title", "publishedOn", "phase", "archivedUrl", "quote", "note", "translations.ru.note"].map(
        (field) => `sources.${i}.${field}`,
      ),
    );
  });
  form.acknowledgements.forEach((statement, i) => {
    const fields = ["party", ...(statement.party === "OPERATOR" ? ["operator"] : []), "madeOn", "statement", "translations.ru.statement", "quote", "sourceUrl"];
    paths.push(...fields.map((field) => `acknowledgements.${i}.${field}`));
  });
  form.impactEstimates.forEach((_, i) => {
    paths.push(
      ...["lowUsd", "highUsd", "estimatedBy", "translations.ru.estimatedBy", "source", "note", "translations.ru.note"].map((field) => `impactEstimates.${i}.${field}`),
    );
  });
  form.discrepancies.forEach((_, i) => {
    paths.push(
      ...["topic", "description", "translations.ru.description", "resolution", "translations.ru.resolution", "sources"].map(
        (field) => `discrepancies.${i}.${field}`,
      ),
    );
  });
  return paths;
}

/** The shown field an issue path belongs to: itself, its closest shown ancestor, or "" (the whole form). */
export function fieldForIssuePath(issuePath: string, fieldPaths: ReadonlySet<string>): string {
  const parts = splitPath(issuePath);
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join(".");
    if (fieldPaths.has(candidate)) return candidate;
  }
  return "";
}

/* ------------------------------------------------------------------------- */
/* List operations                                                           */
/* ------------------------------------------------------------------------- */

/**
 * A blank item for a list, prefilled where the form already knows the answer:
 * a new phase takes the incident's type, and starts where the incident starts
 * (the first phase) or where the previous phase ends.
 */
function newItem<L extends ItemListName>(form: IncidentFormValue, list: L, key: string): ListItemFormValue<L> {
  switch (list) {
    case "phases": {
      const phase = emptyPhase(key);
      phase.type = form.type;
      const previous = form.phases.at(-1);
      if (!previous) {
        phase.startsAt = form.startsAt;
        phase.startPrecision = form.startPrecision;
      } else if (previous.endsAt) {
        phase.startsAt = previous.endsAt;
        phase.startPrecision = previous.endPrecision;
      }
      return phase as ListItemFormValue<L>;
    }
    case "sources":
      return emptySource(key) as ListItemFormValue<L>;
    case "acknowledgements":
      return emptyAcknowledgement(key) as ListItemFormValue<L>;
    case "impactEstimates":
      return emptyImpactEstimate(key) as ListItemFormValue<L>;
    default:
      return emptyDiscrepancy(key) as ListItemFormValue<L>;
  }
}

/** Adds a blank item at the end of a list; returns the new form and the item's key. */
export function addListItem(form: IncidentFormValue, list: ItemListName): { form: IncidentFormValue; key: string } {
  const key = nextKey(list, form[list]);
  return { form: { ...form, [list]: [...form[list], newItem(form, list, key)] }, key };
}

/**
 * Removes an item. What pointed at it is unlinked: sources lose a removed
 * phase; estimates and discrepancies lose a removed source.
 */
export function removeListItem(form: IncidentFormValue, list: ItemListName, key: string): IncidentFormValue {
  const next = { ...form, [list]: (form[list] as { key: string }[]).filter((item) => item.key !== key) } as IncidentFormValue;
  if (list === "phases") {
    next.sources = next.sources.map((source) => (source.phase === key ? { ...source, phase: "" } : source));
  }
  if (list === "sources") {
    next.impactEstimates = next.impactEstimates.map((estimate) => (estimate.source === key ? { ...estimate, source: "" } : estimate));
    next.discrepancies = next.discrepancies.map((discrepancy) =>
      discrepancy.sources.includes(key) ? { ...discrepancy, sources: discrepancy.sources.filter((source) => source !== key) } : discrepancy,
    );
  }
  return next;
}

/**
 * Moves an item one place up (-1) or down (+1). References are by key, so
 * they follow the item; the indexes sent to the server are worked out when
 * the form is converted.
 */
export function moveListItem(form: IncidentFormValue, list: ItemListName, key: string, offset: -1 | 1): IncidentFormValue {
  const items = [...(form[list] as { key: string }[])];
  const from = items.findIndex((item) => item.key === key);
  const to = from + offset;
  if (from === -1 || to < 0 || to >= items.length) return form;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item!);
  return { ...form, [list]: items } as IncidentFormValue;
}
