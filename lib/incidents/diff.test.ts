import { describe, expect, it } from "vitest";
import { diffSnapshots } from "@/lib/incidents/diff";
import { describePath, orderedKeys, RECORD_FIELDS, TRANSLATION_FIELDS } from "@/lib/incidents/diff-paths";
import { toSnapshot, type IncidentSnapshot } from "@/lib/incidents/snapshot";
import {
  ZAcknowledgementInput,
  ZDiscrepancyInput,
  ZImpactEstimateInput,
  ZIncidentInput,
  ZPhaseInput,
  ZSourceInput,
  ZTranslations,
} from "@/lib/schemas/incident";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";

const snapshotOf = (input: unknown): IncidentSnapshot => toSnapshot(ZIncidentInput.parse(input));

const phase = (label: string, startsAt: string) => ({ label, type: "FULL_BLACKOUT", startsAt, startPrecision: "EXACT" });
const source = (url: string, extra: object = {}) => ({ kind: "NEWS", url, publisher: "Example", ...extra });

const BASE = snapshotOf({
  slug: "2022-01-january-events",
  title: "Blackout",
  summary: "Internet access was cut.",
  translations: { ru: { title: "Отключение" } },
  startsAt: "2022-01-05T11:15:00Z",
  startPrecision: "EXACT",
  scope: "NATIONAL",
  type: "FULL_BLACKOUT",
  services: ["WHATSAPP"],
  cause: "PROTEST",
  operators: ["kazakhtelecom"],
  phases: [phase("Cut", "2022-01-05T11:15:00Z"), phase("Recut", "2022-01-06T11:15:00Z"), phase("Third", "2022-01-07T11:15:00Z")],
  sources: [source("https://example.org/a", { phase: 0 }), source("https://example.org/b", { phase: 1 })],
  discrepancies: [{ topic: "DATES", description: "They disagree.", sources: [0, 1] }],
});

const edit = (change: (draft: IncidentSnapshot) => void): IncidentSnapshot => {
  const draft = structuredClone(BASE);
  change(draft);
  return draft;
};

describe("diffSnapshots", () => {
  it("finds nothing between equal snapshots, whatever their key order", () => {
    expect(diffSnapshots(BASE, structuredClone(BASE))).toEqual([]);
    const reordered = Object.fromEntries(Object.entries(BASE).reverse()) as IncidentSnapshot;
    expect(diffSnapshots(BASE, reordered)).toEqual([]);
  });

  it("reports scalar and nested fields by dotted path, in the editor's order", () => {
    const after = edit((draft) => {
      draft.title = "Nationwide blackout";
      draft.translations = { ru: { title: "Отключение по всей стране", summary: "Интернет отключён." } };
      draft.phases![1]!.label = "Second cut";
      draft.endsAt = "2022-01-10T00:00:00.000Z";
    });
    expect(diffSnapshots(BASE, after)).toEqual([
      { path: "title", before: "Blackout", after: "Nationwide blackout" },
      { path: "translations.ru.title", before: "Отключение", after: "Отключение по всей стране" },
      { path: "translations.ru.summary", before: null, after: "Интернет отключён." },
      { path: "endsAt", before: null, after: "2022-01-10T00:00:00.000Z" },
      { path: "phases.1.label", before: "Recut", after: "Second cut" },
    ]);
  });

  it("compares lists of plain values as one value", () => {
    const after = edit((draft) => {
      draft.services = ["WHATSAPP", "TELEGRAM"];
      draft.operators = [];
      draft.discrepancies![0]!.sources = [1];
    });
    expect(diffSnapshots(BASE, after)).toEqual([
      { path: "services", before: ["WHATSAPP"], after: ["WHATSAPP", "TELEGRAM"] },
      { path: "operators", before: ["kazakhtelecom"], after: [] },
      { path: "discrepancies.0.sources", before: [0, 1], after: [1] },
    ]);
  });

  it("reports an added item as one change carrying the whole item", () => {
    const added = source("https://example.org/c");
    const after = edit((draft) => draft.sources!.push(snapshotOf({ ...BASE, sources: [added], discrepancies: [] }).sources![0]!));
    expect(diffSnapshots(BASE, after)).toEqual([{ path: "sources.2", before: null, after: after.sources![2] }]);
  });

  it("reports a removed item once, at its old index, and the references that shifted", () => {
    const after = edit((draft) => {
      draft.phases!.splice(0, 1);
      draft.sources![0]!.phase = undefined;
      delete draft.sources![0]!.phase;
      draft.sources![1]!.phase = 0;
    });
    expect(diffSnapshots(BASE, after)).toEqual([
      { path: "phases.0", before: BASE.phases![0], after: null },
      { path: "sources.0.phase", before: 0, after: null },
      { path: "sources.1.phase", before: 1, after: 0 },
    ]);
  });

  it("recognises an item inserted in the middle instead of reporting every later item as changed", () => {
    const inserted = snapshotOf({ ...BASE, phases: [phase("Inserted", "2022-01-05T20:00:00Z")], sources: [], discrepancies: [] }).phases![0]!;
    const after = edit((draft) => draft.phases!.splice(1, 0, inserted));
    expect(diffSnapshots(BASE, after)).toEqual([{ path: "phases.1", before: null, after: inserted }]);
  });

  it("reports an edited item's fields under its new index when an item before it was removed", () => {
    const after = edit((draft) => {
      draft.phases!.splice(0, 1);
      draft.phases![0]!.label = "Recut (edited)";
      draft.sources = [];
      draft.discrepancies = [];
    });
    expect(diffSnapshots(BASE, after).filter((change) => change.path.startsWith("phases"))).toEqual([
      { path: "phases.0", before: BASE.phases![0], after: null },
      { path: "phases.0.label", before: "Recut", after: "Recut (edited)" },
    ]);
  });

  it("shows an item moved past others as removed at its old index and added at its new one", () => {
    const after = edit((draft) => draft.phases!.push(draft.phases!.shift()!));
    expect(diffSnapshots(BASE, after)).toEqual([
      { path: "phases.0", before: BASE.phases![0], after: null },
      { path: "phases.2", before: null, after: BASE.phases![0] },
    ]);
  });

  it("reports an item replaced by a different one at the same index as one change", () => {
    const other = snapshotOf({ ...BASE, sources: [{ kind: "MEASUREMENT", url: "https://ooni.org/x", publisher: "OONI", title: "T" }], discrepancies: [] }).sources![0]!;
    const after = edit((draft) => {
      draft.sources![1] = other;
      draft.discrepancies = [];
    });
    expect(diffSnapshots(BASE, after).filter((change) => change.path.startsWith("sources"))).toEqual([
      { path: "sources.1", before: BASE.sources![1], after: other },
    ]);
  });

  it("treats a missing field, null, an empty string and an empty list alike", () => {
    const after = edit((draft) => {
      draft.body = "";
      draft.regions = [];
      draft.translations = { ru: { title: "Отключение", summary: undefined } };
    });
    expect(diffSnapshots(BASE, after)).toEqual([]);
  });

  it("lists every filled field of a new incident as added", () => {
    const changes = diffSnapshots(null, BASE);
    expect(changes.map((change) => change.path)).toEqual([
      "slug",
      "title",
      "summary",
      "translations.ru.title",
      "verification",
      "startsAt",
      "startPrecision",
      // Every stored record says what it knows about its end (here: none recorded).
      "endStatus",
      "scope",
      "type",
      "services",
      "cause",
      "operators",
      "phases.0",
      "phases.1",
      "phases.2",
      "sources.0",
      "sources.1",
      "discrepancies.0",
    ]);
    expect(changes.every((change) => change.before === null)).toBe(true);
  });

  it("is deterministic and handles every seeded incident", () => {
    const snapshots = SEED_INCIDENTS.map(snapshotOf);
    for (let i = 1; i < snapshots.length; i++) {
      const changes = diffSnapshots(snapshots[i - 1]!, snapshots[i]!);
      expect(changes.length).toBeGreaterThan(0);
      expect(diffSnapshots(snapshots[i - 1]!, snapshots[i]!)).toEqual(changes);
      expect(new Set(changes.map((change) => change.path)).size).toBe(changes.length);
      expect(diffSnapshots(snapshots[i]!, snapshots[i]!)).toEqual([]);
    }
  });
});

describe("describePath", () => {
  it("names records, items, translations and value kinds", () => {
    expect(describePath("title")).toEqual({ segments: [{ kind: "field", record: "incident", field: "title" }], value: { kind: "text" } });
    expect(describePath("phases.1.endsAt")).toEqual({
      segments: [
        { kind: "item", list: "phases", index: 1 },
        { kind: "field", record: "phase", field: "endsAt" },
      ],
      value: { kind: "instant" },
    });
    expect(describePath("sources.2")).toEqual({ segments: [{ kind: "item", list: "sources", index: 2 }], value: { kind: "item", list: "sources" } });
    expect(describePath("discrepancies.0.translations.ru.resolution")).toEqual({
      segments: [
        { kind: "item", list: "discrepancies", index: 0 },
        { kind: "translation", record: "discrepancy", locale: "ru", field: "resolution" },
      ],
      value: { kind: "longText" },
    });
    expect(describePath("sources.0.phase").value).toEqual({ kind: "phaseRef" });
    expect(describePath("services").value).toEqual({ kind: "enumList", enumName: "AffectedService" });
    expect(describePath("mystery.field").segments).toEqual([{ kind: "unknown", text: "mystery.field" }]);
  });

  it("knows every field of the shared schema, in the schema's order", () => {
    expect(Object.keys(RECORD_FIELDS.incident)).toEqual(Object.keys(ZIncidentInput.shape));
    expect(Object.keys(RECORD_FIELDS.phase)).toEqual(Object.keys(ZPhaseInput.shape));
    expect(Object.keys(RECORD_FIELDS.source)).toEqual(Object.keys(ZSourceInput.shape));
    expect(Object.keys(RECORD_FIELDS.acknowledgement)).toEqual(Object.keys(ZAcknowledgementInput.shape));
    expect(Object.keys(RECORD_FIELDS.impactEstimate)).toEqual(Object.keys(ZImpactEstimateInput.shape));
    expect(Object.keys(RECORD_FIELDS.discrepancy)).toEqual(Object.keys(ZDiscrepancyInput.shape));
    const translation = ZTranslations.parse({ ru: Object.fromEntries(TRANSLATION_FIELDS.map((field) => [field, "x"])) });
    expect(Object.keys(translation.ru!)).toEqual([...TRANSLATION_FIELDS]);
  });

  it("orders unknown keys after known ones, alphabetically", () => {
    expect(orderedKeys("phase", ["zeta", "regions", "alpha", "label"])).toEqual(["label", "regions", "alpha", "zeta"]);
  });
});
