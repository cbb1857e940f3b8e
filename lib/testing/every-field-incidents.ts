import { fieldsOf, type RecordKind } from "@/lib/incidents/fields";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import type { IncidentInput } from "@/lib/schemas/incident";

/**
 * Incidents that between them fill every field of every record of the field
 * tables (lib/schemas/incident.ts), with every translatable text translated:
 * one with its period set by hand and a recorded end, one ongoing that follows
 * its phases, one whose end no source records. Tests walk these to prove that
 * each field survives the editor's form, the database and the diff;
 * `unfilledFields` says which field a new table entry still needs here.
 * References name the seeded operators and regions.
 */

const ru = (texts: Record<string, string>) => ({ ru: texts });

const RECORDED_BY_HAND: IncidentInput = {
  slug: "every-field-recorded",
  title: "Regional cut with a messenger block",
  summary: "Mobile data in Almaty and Mangystau was cut, then messengers were blocked.",
  body: "**First** paragraph.\n\nSecond paragraph.",
  translations: ru({
    title: "Региональное отключение",
    summary: "Мобильный интернет был отключён.",
    body: "**Первый** абзац.",
    servicesOther: "Перископ",
    causeDetails: "Протесты из-за цен на газ.",
    govJustificationDetails: "Ссылка на общественную безопасность.",
    legalBasis: "Статья 41-1 Закона о связи.",
  }),
  status: "PUBLISHED",
  verification: "CONFIRMED_BY_MEASUREMENT",
  startsAt: "2022-01-05T11:15:00Z",
  startPrecision: "EXACT",
  endsAt: "2022-01-10T18:00:00Z",
  endPrecision: "DAY",
  endStatus: "RECORDED",
  scope: "REGIONAL",
  type: "MOBILE_DATA_SHUTDOWN",
  services: ["TELEGRAM", "WHATSAPP"],
  servicesOther: "Periscope",
  cause: "PROTEST",
  causeDetails: "Protests over gas prices.",
  govJustification: "PUBLIC_SAFETY",
  govJustificationDetails: "Officials cited public safety.",
  legalBasis: "Article 41-1 of the Law on Communications.",
  operators: ["beeline", "kcell"],
  regions: ["almaty-city", "mangystau"],
  phases: [
    {
      label: "Mobile data cut",
      description: "Mobile data only.",
      translations: ru({ label: "Отключение мобильного интернета", description: "Только мобильный интернет." }),
      type: "MOBILE_DATA_SHUTDOWN",
      extent: "PARTIAL",
      startsAt: "2022-01-05T11:15:00Z",
      startPrecision: "EXACT",
      endsAt: "2022-01-06T05:00:00Z",
      endPrecision: "HOUR",
      services: ["TELEGRAM"],
      operators: ["kcell"],
      regions: ["almaty-city"],
    },
    {
      label: "Messenger block",
      translations: ru({ label: "Блокировка мессенджеров" }),
      type: "SERVICE_BLOCKING",
      startsAt: "2022-01-06T05:00:00Z",
      startPrecision: "HOUR",
      endStatus: "NOT_RECORDED",
      lastReportedOn: "2022-01-08",
      allOperators: true,
    },
  ],
  sources: [
    {
      kind: "NEWS",
      url: "https://example.org/every-field",
      title: "Kazakhstan goes offline",
      publisher: "Ministry of Digital Development",
      publishedOn: "2022-01-06",
      archivedUrl: "https://web.archive.org/every-field",
      quote: "Access was restricted.",
      note: "Gives the start as 12:00.",
      translations: ru({ publisher: "Министерство цифрового развития", note: "Называет начало в 12:00." }),
      phase: 1,
    },
    { kind: "MEASUREMENT", url: "https://example.org/measured", publisher: "Example Observatory", translations: ru({ publisher: "Пример" }) },
  ],
  acknowledgements: [
    { party: "GOVERNMENT", statement: "The ministry confirmed the cut.", translations: ru({ statement: "Министерство подтвердило." }), madeOn: "2022-01-07" },
    {
      party: "OPERATOR",
      operator: "kcell",
      statement: "Kcell said it followed an order.",
      translations: ru({ statement: "Kcell сослался на предписание." }),
      quote: "We received an instruction.",
      sourceUrl: "https://example.org/kcell",
    },
  ],
  impactEstimates: [
    {
      lowUsd: 1_000_000,
      highUsd: 5_000_000,
      estimatedBy: "National Chamber of Entrepreneurs",
      source: 1,
      note: "A rough figure.",
      translations: ru({ estimatedBy: "Национальная палата предпринимателей", note: "Грубая оценка." }),
    },
  ],
  discrepancies: [
    {
      topic: "DATES",
      description: "Sources disagree on the start.",
      resolution: "The ministry's time is used.",
      translations: ru({ description: "Источники расходятся в начале.", resolution: "Используется время министерства." }),
      sources: [0, 1],
    },
  ],
};

const ONGOING_FOLLOWING_PHASES: IncidentInput = {
  slug: "every-field-ongoing",
  title: "Throttling that still runs",
  summary: "Connections have been throttled since the spring.",
  translations: ru({ title: "Продолжающееся замедление", summary: "Соединения замедлены с весны." }),
  startsAt: "2025-04-01T00:00:00+05:00",
  startPrecision: "DAY",
  endStatus: "ONGOING",
  lastCheckedOn: "2026-12-01",
  periodFromPhases: true,
  scope: "NATIONAL",
  type: "THROTTLING",
  cause: "OTHER",
  phases: [{ label: "Throttling", translations: ru({ label: "Замедление" }), type: "THROTTLING", startsAt: "2025-04-01T00:00:00+05:00", startPrecision: "DAY", endStatus: "ONGOING" }],
  sources: [{ kind: "FIRST_HAND_ACCOUNT", url: "https://example.org/ongoing", publisher: "A reader", translations: ru({ publisher: "Читатель" }) }],
};

const END_NOT_RECORDED_BY_HAND: IncidentInput = {
  slug: "every-field-not-recorded",
  title: "A block whose end nobody reports",
  summary: "A news site was blocked; no source says when it was lifted.",
  translations: ru({ title: "Блокировка без известного окончания", summary: "Новостной сайт был заблокирован." }),
  startsAt: "2023-03-02T09:00:00Z",
  startPrecision: "ESTIMATED",
  endStatus: "NOT_RECORDED",
  lastReportedOn: "2023-03-20",
  scope: "NATIONAL",
  type: "WEBSITE_BLOCKING",
  cause: "OTHER",
};

export const EVERY_FIELD_INCIDENTS: readonly IncidentInput[] = [RECORDED_BY_HAND, ONGOING_FOLLOWING_PHASES, END_NOT_RECORDED_BY_HAND];

const isFilled = (value: unknown) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

/** "record.field" and "record.translations.field" for every field of the tables that no snapshot fills. */
export function unfilledFields(snapshots: readonly IncidentSnapshot[]): string[] {
  const filled = new Set<string>();
  const walk = (record: RecordKind, values: Record<string, unknown>) => {
    for (const [field, spec] of fieldsOf(record)) {
      const value = values[field];
      if (!isFilled(value)) continue;
      filled.add(`${record}.${field}`);
      if (spec.kind === "items") for (const item of value as Record<string, unknown>[]) walk(spec.record!, item);
      if (spec.kind === "translations") for (const text of Object.keys((value as { ru?: object }).ru ?? {})) filled.add(`${record}.translations.${text}`);
    }
  };
  for (const snapshot of snapshots) walk("incident", snapshot as Record<string, unknown>);
  const wanted = (["incident", "phase", "source", "acknowledgement", "impactEstimate", "discrepancy"] as const).flatMap((record) =>
    fieldsOf(record).flatMap(([field, spec]) => [
      // The status is the workflow's, never in a snapshot.
      ...(spec.group === "workflow" ? [] : [`${record}.${field}`]),
      ...(spec.translatable ? [`${record}.translations.${field}`] : []),
    ]),
  );
  return wanted.filter((path) => !filled.has(path));
}
