import { describe, expect, it } from "vitest";
import {
  addListItem,
  changeFormField,
  emptyIncidentForm,
  fieldForIssuePath,
  formValueToInput,
  getFormField,
  moveListItem,
  pathOfStableFieldId,
  periodFromPhaseFields,
  removeListItem,
  setFormField,
  setPeriodSetByHand,
  setTimeField,
  snapshotToFormValue,
  suggestedPrecision,
  stableFieldId,
  validateIncidentForm,
  type IncidentFormValue,
} from "@/lib/incidents/form-value";
import { createTranslator } from "next-intl";
import { describePath } from "@/lib/incidents/diff-paths";
import { formFieldPaths } from "@/lib/incidents/editor-layout";
import { MESSAGES } from "@/lib/i18n/messages";
import { toSnapshot, type IncidentSnapshot } from "@/lib/incidents/snapshot";
import { ZIncidentInput } from "@/lib/schemas/incident";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";

/** A stored incident as the server hands it to the editor. */
const snapshotOf = (input: unknown): IncidentSnapshot => toSnapshot(ZIncidentInput.parse(input));

/** Two phases, three sources pointing at them, estimates and discrepancies pointing at sources. */
const JANUARY_2022: IncidentSnapshot = snapshotOf({
  slug: "2022-01-january-events",
  title: "Nationwide blackout during the January events",
  summary: "Internet access was cut across Kazakhstan.",
  body: "**Bold** text.\n\nSecond paragraph.",
  translations: {
    ru: {
      title: "Отключение интернета в январе",
      summary: "Интернет был отключён.",
      servicesOther: "Перископ",
      govJustificationDetails: "Ссылка на борьбу с терроризмом.",
      legalBasis: "Статья 41-1 Закона о связи.",
    },
  },
  verification: "CONFIRMED_BY_MEASUREMENT",
  startsAt: "2022-01-05T11:15:00Z",
  startPrecision: "EXACT",
  endsAt: "2025-01-05T11:15:00Z",
  endPrecision: "EXACT",
  scope: "NATIONAL",
  type: "FULL_BLACKOUT",
  services: ["WHATSAPP", "TELEGRAM"],
  cause: "PROTEST",
  causeDetails: "Protests over fuel prices.",
  govJustification: "COUNTER_TERRORISM",
  govJustificationDetails: "Counter-terrorism was cited.",
  legalBasis: "Article 41-1 of the Law on Communications.",
  servicesOther: "Periscope",
  operators: ["kazakhtelecom", "kcell"],
  regions: ["almaty-city"],
  phases: [
    {
      label: "Full cut",
      translations: { ru: { label: "Полное отключение" } },
      type: "FULL_BLACKOUT",
      startsAt: "2022-01-05T11:15:00Z",
      startPrecision: "EXACT",
      endsAt: "2022-01-10T02:15:00Z",
      endPrecision: "HOUR",
      operators: ["kazakhtelecom"],
    },
    { label: "Partial restoration", type: "MOBILE_DATA_SHUTDOWN", extent: "PARTIAL", startsAt: "2022-01-10T02:15:00Z", startPrecision: "HOUR" },
    // A day known only to the day is kept at midnight in Kazakhstan (UTC+5 since March 2024).
    { label: "Throttling", type: "THROTTLING", startsAt: "2024-12-31T19:00:00Z", startPrecision: "DAY" },
  ],
  sources: [
    { kind: "MEASUREMENT", url: "https://netblocks.org/a", publisher: "NetBlocks", phase: 0, publishedOn: "2022-01-05" },
    { kind: "NEWS", url: "https://example.org/b", title: "Report", publisher: "Example", phase: 1 },
    {
      kind: "NEWS",
      url: "https://example.org/c",
      publisher: "Ministry of Digital Development",
      archivedUrl: "https://web.archive.org/c",
      note: "Gives another end.",
      translations: { ru: { publisher: "Министерство цифрового развития", note: "Называет другое окончание." } },
    },
  ],
  acknowledgements: [
    { party: "GOVERNMENT", statement: "The government said so.", madeOn: "2022-01-06" },
    { party: "OPERATOR", operator: "kcell", statement: "Kcell said so.", translations: { ru: { statement: "Kcell сказал." } } },
  ],
  impactEstimates: [
    { lowUsd: 400_000_000, estimatedBy: "National Chamber of Entrepreneurs", source: 0, translations: { ru: { estimatedBy: "Национальная палата предпринимателей" } } },
    { highUsd: 1_000_000_000, estimatedBy: "Top10VPN", source: 2, note: "Cost of shutdown tool." },
  ],
  discrepancies: [{ topic: "DATES", description: "Sources disagree on the end.", resolution: "We use NetBlocks.", sources: [0, 2] }],
});

const roundTrip = (snapshot: IncidentSnapshot) => snapshotOf(formValueToInput(snapshotToFormValue(snapshot)));

describe("snapshotToFormValue and formValueToInput", () => {
  it("round-trips a snapshot with every kind of field", () => {
    expect(roundTrip(JANUARY_2022)).toEqual(JANUARY_2022);
  });

  it("round-trips every seeded incident", () => {
    for (const seed of SEED_INCIDENTS) {
      const snapshot = snapshotOf(seed);
      expect(roundTrip(snapshot), seed.slug).toEqual(snapshot);
    }
  });

  it("shows instants as Kazakhstan wall-clock time on both sides of the 2024 change", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    expect(form.startsAt).toBe("2022-01-05T17:15");
    expect(form.endsAt).toBe("2025-01-05T16:15");
    expect(form.endUnknown).toBe(false);
    expect(form.phases[1]!.endsAt).toBe("");
    // Known only to the day: the date alone, with no time to mistake for midnight.
    expect(form.phases[2]!.startsAt).toBe("2025-01-01");
  });

  it("turns references into item keys", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    expect(form.sources.map((source) => source.phase)).toEqual([form.phases[0]!.key, form.phases[1]!.key, ""]);
    expect(form.impactEstimates.map((estimate) => estimate.source)).toEqual([form.sources[0]!.key, form.sources[2]!.key]);
    expect(form.discrepancies[0]!.sources).toEqual([form.sources[0]!.key, form.sources[2]!.key]);
    expect(new Set(form.phases.map((phase) => phase.key)).size).toBe(3);
  });

  it("leaves out empty strings, parses amounts and converts Kazakhstan time to UTC", () => {
    const form = emptyIncidentForm();
    form.slug = "test-incident";
    form.title = "A title";
    form.summary = "   ";
    form.startsAt = "2025-01-05T16:15";
    form.startPrecision = "EXACT";
    form.endsAt = "2025-01-06T10:00";
    form.endPrecision = "HOUR";
    form.impactEstimates = [{ key: "estimate-1", lowUsd: "1 000 000", highUsd: "", estimatedBy: "Someone", source: "", note: "", translations: { ru: { note: " " } } }];
    const input = formValueToInput(form);
    expect(input).not.toHaveProperty("summary");
    expect(input).not.toHaveProperty("scope");
    expect(input).not.toHaveProperty("status");
    expect(input.startsAt).toBe("2025-01-05T11:15:00.000Z");
    expect(input.endsAt).toBe("2025-01-06T05:00:00.000Z");
    expect(input.impactEstimates).toEqual([{ lowUsd: 1_000_000, estimatedBy: "Someone", translations: {} }]);
  });

  it("leaves the end out when 'ongoing / end unknown' is ticked, whatever the end fields hold", () => {
    const form = { ...snapshotToFormValue(JANUARY_2022), endUnknown: true };
    const input = formValueToInput(form);
    expect(input).not.toHaveProperty("endsAt");
    expect(input).not.toHaveProperty("endPrecision");
  });

  it("says what is known about an open end: ongoing with the last check, or not recorded with the last report", () => {
    const ongoing = { ...snapshotToFormValue(JANUARY_2022), endUnknown: true, endStatus: "ONGOING" as const, lastCheckedOn: "2026-12-01", lastReportedOn: "2026-11-01" };
    expect(formValueToInput(ongoing)).toMatchObject({ endStatus: "ONGOING", lastCheckedOn: "2026-12-01" });
    expect(formValueToInput(ongoing)).not.toHaveProperty("lastReportedOn");
    const unknown = { ...ongoing, endStatus: "NOT_RECORDED" as const };
    expect(formValueToInput(unknown)).toMatchObject({ endStatus: "NOT_RECORDED", lastReportedOn: "2026-11-01" });
    expect(formValueToInput(unknown)).not.toHaveProperty("lastCheckedOn");
    // With an end typed in, the end is recorded whatever the open-end fields hold.
    expect(formValueToInput({ ...ongoing, endUnknown: false })).toMatchObject({ endStatus: "RECORDED" });
    // An end left empty without the box is an open end too, asked about beside it, never "recorded" without a date.
    const leftEmpty = { ...unknown, endUnknown: false, endsAt: "", endPrecision: "" as const };
    const leftEmptyResult = validateIncidentForm(leftEmpty);
    expect(leftEmptyResult.ok ? {} : leftEmptyResult.fieldIssues).toEqual({});
    expect(formValueToInput(leftEmpty)).toMatchObject({ endStatus: "NOT_RECORDED", lastReportedOn: "2026-11-01" });
    expect(formValueToInput(leftEmpty)).not.toHaveProperty("endsAt");
    expect(formFieldPaths(leftEmpty)).toEqual(expect.arrayContaining(["endsAt", "endStatus", "lastReportedOn"]));

    const form = snapshotToFormValue(JANUARY_2022);
    expect(form.phases[1]).toMatchObject({ endsAt: "", endStatus: "NOT_RECORDED", lastReportedOn: "", allOperators: false });
    form.phases[1] = { ...form.phases[1]!, lastReportedOn: "2022-01-11", allOperators: true, operators: [] };
    const phases = formValueToInput(form).phases!;
    expect(phases[0]).toMatchObject({ endStatus: "RECORDED", allOperators: false });
    expect(phases[1]).toMatchObject({ endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-11", allOperators: true });
    expect(validateIncidentForm(form).ok).toBe(true);
    expect(snapshotToFormValue(snapshotOf(formValueToInput(form))).phases[1]).toMatchObject({ lastReportedOn: "2022-01-11", allOperators: true });
  });

  it("keeps a DAY-precision value at the start of its day in Kazakhstan", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.startsAt = "2022-01-05T17:15";
    form.startPrecision = "DAY";
    expect(formValueToInput(form).startsAt).toBe("2022-01-04T18:00:00.000Z");
  });

  it("drops the operator of a statement whose party is the government", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.acknowledgements[1] = { ...form.acknowledgements[1]!, party: "GOVERNMENT" };
    expect(formValueToInput(form).acknowledgements![1]).not.toHaveProperty("operator");
  });
});

describe("validateIncidentForm", () => {
  it("accepts a valid form and returns the input", () => {
    const result = validateIncidentForm(snapshotToFormValue(JANUARY_2022));
    expect(result.ok).toBe(true);
    if (result.ok) expect(snapshotOf(result.input)).toEqual(JANUARY_2022);
  });

  it("reports missing required fields at the schema's paths", () => {
    const result = validateIncidentForm(emptyIncidentForm());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldIssues).sort()).toEqual(["cause", "scope", "slug", "startPrecision", "startsAt", "summary", "title", "type"]);
    expect(result.fieldIssues.title).toEqual(["required"]);
    expect(result.fieldIssues.startsAt).toEqual(["required"]);
    expect(result.fieldIssues.scope).toEqual(["required"]);
  });

  it("reports nested issues under dotted paths", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.phases[0]!.label = "";
    form.sources[1]!.url = "javascript:alert(1)";
    const result = validateIncidentForm(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldIssues["phases.0.label"]).toEqual(["required"]);
    expect(result.fieldIssues["sources.1.url"]).toEqual(["http_url"]);
  });

  it("runs the schema's cross-field rules", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.phases[0]!.endsAt = "2022-01-05T10:00";
    const result = validateIncidentForm(form);
    expect(result.ok ? {} : result.fieldIssues).toEqual({ "phases.0.endsAt": ["end_before_start"] });
  });

  it("turns unreadable dates and amounts into field issues instead of throwing", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.startsAt = "2022-02-30T10:00";
    form.phases[1]!.startsAt = "soon";
    form.impactEstimates[0]!.lowUsd = "ten million";
    const result = validateIncidentForm(form);
    expect(result.ok ? {} : result.fieldIssues).toEqual({
      startsAt: ["invalid_date_time"],
      "phases.1.startsAt": ["invalid_date_time"],
      "impactEstimates.0.lowUsd": ["invalid_amount"],
    });
  });

  it("reports a time the clocks skipped", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.startsAt = "2004-03-28T02:30";
    const result = validateIncidentForm(form);
    expect(result.ok ? [] : result.fieldIssues.startsAt).toEqual(["skipped_date_time"]);
  });

  it("reports codes, which the editor shows in the reader's language", () => {
    const result = validateIncidentForm(emptyIncidentForm());
    expect(result.ok ? [] : result.fieldIssues.title).toEqual(["required"]);
    const russian = createTranslator({ locale: "ru", messages: MESSAGES.ru, namespace: "IncidentIssues" });
    expect(russian("required")).toBe("Обязательное поле");
  });
});

describe("times typed in the editor", () => {
  it("suggests a precision from what was typed: a date alone, a time on the hour, any other time", () => {
    expect(suggestedPrecision("2022-01-05")).toBe("DAY");
    expect(suggestedPrecision("2022-01-05T17:00")).toBe("HOUR");
    expect(suggestedPrecision("2022-01-05T00:00")).toBe("HOUR");
    expect(suggestedPrecision("2022-01-05T17:15")).toBe("EXACT");
    expect(suggestedPrecision("2022-01-05T17:00:30")).toBe("EXACT");
    expect(suggestedPrecision("")).toBe("");
    expect(suggestedPrecision("T17:15")).toBe("EXACT");
  });

  it("sets a phase's precision from its value until someone chooses one", () => {
    let form = snapshotToFormValue(JANUARY_2022);
    form = addListItem(form, "phases").form;
    const phase = "phases.3";
    form = setTimeField(form, `${phase}.startsAt`, "2022-01-06");
    expect(form.phases[3]).toMatchObject({ startsAt: "2022-01-06", startPrecision: "DAY" });
    form = setTimeField(form, `${phase}.startsAt`, "2022-01-06T09:00");
    expect(form.phases[3]!.startPrecision).toBe("HOUR");
    form = setTimeField(form, `${phase}.endsAt`, "2022-01-06T17:45");
    expect(form.phases[3]!.endPrecision).toBe("EXACT");
    // Chosen by hand: kept, whatever is typed next.
    form = changeFormField(form, `${phase}.startPrecision`, "ESTIMATED");
    form = changeFormField(form, `${phase}.startsAt`, "2022-01-06T09:30");
    expect(form.phases[3]!.startPrecision).toBe("ESTIMATED");
    // The incident's own start works the same way.
    const incident = changeFormField({ ...emptyIncidentForm(), periodSetByHand: true }, "startsAt", "2023-05-01");
    expect(incident).toMatchObject({ startsAt: "2023-05-01", startPrecision: "DAY" });
  });

  it("reads a date alone as the start of that day, and asks for a time when the precision is finer", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.phases[0]!.startsAt = "2022-01-05";
    form.phases[0]!.startPrecision = "ESTIMATED";
    form.phases[1]!.startsAt = "2022-01-10";
    form.phases[1]!.startPrecision = "HOUR";
    const result = validateIncidentForm(form);
    expect(result.ok ? {} : result.fieldIssues).toMatchObject({ "phases.1.startsAt": ["date_without_time"] });
    expect(formValueToInput(form).phases![0]!.startsAt).toBe("2022-01-04T18:00:00.000Z");
  });
});

describe("the period from the phases", () => {
  /** A new incident whose period follows its phases, with three phases out of order and one known to the day. */
  function following(): IncidentFormValue {
    const form = snapshotToFormValue(JANUARY_2022);
    form.periodSetByHand = false;
    form.startsAt = "";
    form.endsAt = "";
    form.phases[1]!.endsAt = "2022-01-11";
    form.phases[1]!.endPrecision = "DAY";
    form.phases[2]!.startsAt = "2022-01-04";
    form.phases[2]!.endsAt = "2022-01-11T09:00";
    form.phases[2]!.endPrecision = "HOUR";
    return form;
  }

  it("runs from the first phase's start to the last phase's end, as typed there", () => {
    // The day-precision end of 11 January covers the whole day, so it ends after 09:00 that day.
    expect(periodFromPhaseFields(following())).toEqual({
      startsAt: "2022-01-04",
      startPrecision: "DAY",
      endUnknown: false,
      endsAt: "2022-01-11",
      endPrecision: "DAY",
      endStatus: "NOT_RECORDED",
      lastReportedOn: "",
    });
    const open = following();
    open.phases[0]!.endsAt = "";
    expect(periodFromPhaseFields(open)).toMatchObject({ startsAt: "2022-01-04", endUnknown: true, endsAt: "" });
    expect(periodFromPhaseFields({ ...following(), phases: [] })).toBeNull();
  });

  it("is ongoing when a phase is, and otherwise last reported on the latest day a phase is in effect", () => {
    const open = following();
    open.phases[0]!.endsAt = "";
    open.phases[0]!.endPrecision = "";
    open.phases[0]!.endStatus = "NOT_RECORDED";
    open.phases[0]!.lastReportedOn = "2022-01-07";
    // Phase 1 ends on 11 January, to the day: a later day than the open phase's last report.
    expect(periodFromPhaseFields(open)).toMatchObject({ endUnknown: true, endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-11" });
    open.phases[0]!.lastReportedOn = "2022-01-12";
    expect(periodFromPhaseFields(open)).toMatchObject({ endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-12" });
    open.phases[0]!.endStatus = "ONGOING";
    expect(periodFromPhaseFields(open)).toMatchObject({ endUnknown: true, endStatus: "ONGOING", lastReportedOn: "" });
    // The day someone last checked is asked for under the derived period, and sent with it.
    expect(formFieldPaths(open)).toContain("lastCheckedOn");
    const unchecked = validateIncidentForm(open);
    expect(unchecked.ok ? {} : unchecked.fieldIssues).toEqual({ lastCheckedOn: ["last_checked_required"] });
    open.lastCheckedOn = "2026-12-01";
    const result = validateIncidentForm(open);
    expect(result.ok ? {} : result.fieldIssues).toEqual({});
    if (!result.ok) return;
    expect(result.input).toMatchObject({ periodFromPhases: true, endStatus: "ONGOING", lastCheckedOn: "2026-12-01" });
    expect(result.input.endsAt).toBeUndefined();
    expect(result.input.lastReportedOn).toBeUndefined();
  });

  it("sends a not-recorded end with the phases' last report, which the shared schema accepts", () => {
    const open = following();
    open.phases[0]!.endsAt = "";
    open.phases[0]!.endPrecision = "";
    open.phases[0]!.endStatus = "NOT_RECORDED";
    open.phases[0]!.lastReportedOn = "2022-01-12";
    const result = validateIncidentForm(open);
    expect(result.ok ? {} : result.fieldIssues).toEqual({});
    if (!result.ok) return;
    expect(result.input).toMatchObject({ periodFromPhases: true, endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-12" });
    expect(formFieldPaths(open)).not.toContain("lastCheckedOn");
    // Ticking "by hand" starts from the derived end status and last report.
    expect(setPeriodSetByHand(open, true)).toMatchObject({ periodSetByHand: true, endUnknown: true, endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-12" });
  });

  it("sends the phases' period with periodFromPhases, which the shared schema accepts", () => {
    const result = validateIncidentForm(following());
    expect(result.ok ? {} : result.fieldIssues).toEqual({});
    if (!result.ok) return;
    expect(result.input).toMatchObject({
      periodFromPhases: true,
      startsAt: "2022-01-03T18:00:00.000Z",
      startPrecision: "DAY",
      endsAt: "2022-01-10T18:00:00.000Z",
      endPrecision: "DAY",
    });
    expect(roundTrip(snapshotOf(result.input))).toEqual(snapshotOf(result.input));
    expect(snapshotToFormValue(snapshotOf(result.input)).periodSetByHand).toBe(false);
  });

  it("keeps a period set by hand, and starts from the phases' period when the box is ticked", () => {
    const byHand = setPeriodSetByHand(following(), true);
    expect(byHand).toMatchObject({ periodSetByHand: true, startsAt: "2022-01-04", endsAt: "2022-01-11", endPrecision: "DAY" });
    byHand.endsAt = "2022-01-17";
    const input = formValueToInput(byHand);
    expect(input.periodFromPhases).toBeUndefined();
    expect(input.endsAt).toBe("2022-01-16T18:00:00.000Z");
    // Stored records were set by hand, and open with the box ticked.
    expect(snapshotToFormValue(JANUARY_2022).periodSetByHand).toBe(true);
  });

  it("hides the incident's own period fields while they follow the phases", () => {
    const paths = formFieldPaths(following());
    expect(paths).toContain("periodSetByHand");
    expect(paths).not.toContain("startsAt");
    expect(paths).not.toContain("endsAt");
    expect(formFieldPaths({ ...following(), phases: [], sources: [], impactEstimates: [], discrepancies: [] })).toContain("startsAt");
  });
});

describe("list operations keep references right", () => {
  const indexesOf = (form: IncidentFormValue) => {
    const input = formValueToInput(form);
    return {
      sourcePhases: input.sources!.map((source) => source.phase),
      estimateSources: input.impactEstimates!.map((estimate) => estimate.source),
      discrepancySources: input.discrepancies!.map((discrepancy) => discrepancy.sources),
    };
  };

  it("moves a phase and the sources' phase indexes follow", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const moved = moveListItem(form, "phases", form.phases[1]!.key, -1);
    expect(moved.phases.map((phase) => phase.label)).toEqual(["Partial restoration", "Full cut", "Throttling"]);
    expect(indexesOf(moved).sourcePhases).toEqual([1, 0, undefined]);
  });

  it("does nothing when an item cannot move further", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    expect(moveListItem(form, "phases", form.phases[0]!.key, -1)).toBe(form);
    expect(moveListItem(form, "phases", form.phases[2]!.key, 1)).toBe(form);
    expect(moveListItem(form, "phases", "no-such-key", 1)).toBe(form);
  });

  it("removing a phase unlinks its sources and shifts the others", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const removed = removeListItem(form, "phases", form.phases[0]!.key);
    expect(removed.phases).toHaveLength(2);
    expect(indexesOf(removed).sourcePhases).toEqual([undefined, 0, undefined]);
    expect(validateIncidentForm(removed).ok).toBe(true);
  });

  it("moves a source and estimates and discrepancies follow", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const moved = moveListItem(form, "sources", form.sources[0]!.key, 1);
    expect(indexesOf(moved)).toEqual({ sourcePhases: [1, 0, undefined], estimateSources: [1, 2], discrepancySources: [[1, 2]] });
  });

  it("removing a source unlinks estimates and discrepancies and shifts the others", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const removed = removeListItem(form, "sources", form.sources[0]!.key);
    expect(indexesOf(removed)).toEqual({ sourcePhases: [1, undefined], estimateSources: [undefined, 1], discrepancySources: [[1]] });
    expect(validateIncidentForm(removed).ok).toBe(true);
  });

  it("adds items with fresh keys, prefilling a phase from what the form knows", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const { form: withPhase, key } = addListItem(form, "phases");
    expect(form.phases.map((phase) => phase.key)).not.toContain(key);
    const phase = withPhase.phases.at(-1)!;
    expect(phase).toMatchObject({ key, type: "FULL_BLACKOUT", extent: "FULL", label: "" });
    // The previous phase has no end, so there is nothing to start from.
    expect(phase.startsAt).toBe("");

    const first = addListItem(emptyIncidentForm(), "phases").form.phases[0]!;
    expect(first.startsAt).toBe("");
    const started = { ...emptyIncidentForm(), startsAt: "2022-01-05T17:15", startPrecision: "EXACT" as const };
    expect(addListItem(started, "phases").form.phases[0]).toMatchObject({ startsAt: "2022-01-05T17:15", startPrecision: "EXACT" });
    const onlyFirst = removeListItem(removeListItem(form, "phases", form.phases[2]!.key), "phases", form.phases[1]!.key);
    const afterEnded = addListItem(onlyFirst, "phases").form.phases.at(-1)!;
    expect(afterEnded).toMatchObject({ startsAt: form.phases[0]!.endsAt, startPrecision: "HOUR" });
  });

  it("reports a reference to an item that no longer exists at the referring field", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.sources[0]!.phase = "phase-99";
    form.discrepancies[0]!.sources = [...form.discrepancies[0]!.sources, "source-99"];
    const result = validateIncidentForm(form);
    expect(result.ok ? {} : result.fieldIssues).toMatchObject({
      "sources.0.phase": ["phase_removed"],
      "discrepancies.0.sources": ["source_removed"],
    });
  });
});

describe("fields by path", () => {
  it("reads and writes fields at the schema's dotted paths without changing the original", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    expect(getFormField(form, "phases.0.translations.ru.label")).toBe("Полное отключение");
    const changed = setFormField(form, "phases.1.translations.ru.label", "Частичное восстановление");
    expect(changed.phases[1]!.translations.ru.label).toBe("Частичное восстановление");
    expect(form.phases[1]!.translations.ru.label).toBeUndefined();
    expect(changed.phases[0]).toBe(form.phases[0]);
    expect(setFormField(form, "phases.7.label", "x")).toEqual(form);
  });

  it("gives fields ids that survive reordering", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const id = stableFieldId(form, "phases.1.label");
    expect(id).toBe(`phases.#${form.phases[1]!.key}.label`);
    const moved = moveListItem(form, "phases", form.phases[1]!.key, -1);
    expect(pathOfStableFieldId(moved, id)).toBe("phases.0.label");
    expect(pathOfStableFieldId(removeListItem(form, "phases", form.phases[1]!.key), id)).toBeNull();
    expect(stableFieldId(form, "title")).toBe("title");
  });

  it("lists every field, and places issues on the closest one", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const paths = formFieldPaths(form);
    expect(paths).toContain("phases.1.endPrecision");
    expect(paths).toContain("acknowledgements.1.operator");
    expect(paths).not.toContain("acknowledgements.0.operator");
    expect(new Set(paths).size).toBe(paths.length);
    const known = new Set(paths);
    expect(fieldForIssuePath("discrepancies.0.sources.1", known)).toBe("discrepancies.0.sources");
    expect(fieldForIssuePath("phases.0.endsAt", known)).toBe("phases.0.endsAt");
    expect(fieldForIssuePath("", known)).toBe("");
    expect(fieldForIssuePath("unknown.field", known)).toBe("");
    expect(formFieldPaths({ ...form, endUnknown: true })).not.toContain("endsAt");
  });

  it("offers a Russian field next to every free-text field the public reads; only titles and quotes of sources stay as published", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    const paths = formFieldPaths(form);
    const keptAsPublished = new Set(["slug", "sources.title", "sources.quote", "acknowledgements.quote"]);
    const freeText = paths.filter((path) => {
      const { value } = describePath(path);
      return (value.kind === "text" || value.kind === "longText") && !path.includes("translations.");
    });
    expect(freeText.length).toBeGreaterThan(20);
    for (const path of freeText) {
      const generic = path.replace(/\.\d+\./, ".");
      if (keptAsPublished.has(generic)) continue;
      const translation = path.replace(/([^.]+)$/, "translations.ru.$1");
      expect(paths, `${path} has no Russian field`).toContain(translation);
    }
  });

  it("names every field validation can report on", () => {
    const form = snapshotToFormValue(JANUARY_2022);
    form.phases.forEach((phase) => Object.assign(phase, { label: "", type: "", startsAt: "", startPrecision: "" }));
    form.sources.forEach((source) => Object.assign(source, { kind: "", url: "", publisher: "" }));
    form.acknowledgements.forEach((statement) => Object.assign(statement, { statement: "", operator: "" }));
    form.impactEstimates.forEach((estimate) => Object.assign(estimate, { lowUsd: "", highUsd: "", estimatedBy: "" }));
    form.discrepancies.forEach((discrepancy) => Object.assign(discrepancy, { topic: "", description: "" }));
    const result = validateIncidentForm(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const known = new Set(formFieldPaths(form));
    for (const path of Object.keys(result.fieldIssues)) expect(known.has(path), path).toBe(true);
  });
});
