import { describe, expect, it } from "vitest";

import { fieldsOf, ITEM_LISTS, RECORD_OF_LIST, type RecordKind } from "@/lib/incidents/fields";
import { ZIncidentInput, type IncidentInput } from "@/lib/schemas/incident";

import { SEED_INCIDENTS } from "./incidents";
import { SEED_OPERATORS } from "./operators";
import { SEED_REGIONS } from "./regions";

const QANTAR_SLUG = "2022-01-qantar-shutdowns";

function operatorSlugs(incident: IncidentInput): string[] {
  return [
    ...(incident.operators ?? []),
    ...(incident.phases ?? []).flatMap((phase) => phase.operators ?? []),
    ...(incident.acknowledgements ?? []).flatMap((ack) => (ack.operator ? [ack.operator] : [])),
  ];
}

function regionSlugs(incident: IncidentInput): string[] {
  return [...(incident.regions ?? []), ...(incident.phases ?? []).flatMap((phase) => phase.regions ?? [])];
}

describe("SEED_INCIDENTS", () => {
  it("has the twelve documented incidents, oldest first", () => {
    expect(SEED_INCIDENTS).toHaveLength(12);
    const starts = SEED_INCIDENTS.map((incident) => new Date(incident.startsAt as string).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("says of every open end what is known: none of the seeded disruptions is known to be still running", () => {
    for (const incident of SEED_INCIDENTS) {
      for (const [index, period] of [incident, ...(incident.phases ?? [])].entries()) {
        const where = index === 0 ? incident.slug : `${incident.slug} phase ${index}`;
        if (period.endsAt === undefined) expect(period.endStatus, where).toBe("NOT_RECORDED");
        else expect(period.endStatus, where).toBeUndefined();
      }
    }
  });

  it.each(SEED_INCIDENTS.map((incident) => [incident.slug, incident] as const))(
    "%s satisfies ZIncidentInput",
    (_slug, incident) => {
      const result = ZIncidentInput.safeParse(incident);
      if (!result.success) {
        console.error(JSON.stringify(result.error.issues, null, 2));
      }
      expect(result.success).toBe(true);
    },
  );

  it("references only known operators and regions", () => {
    const operators = new Set(SEED_OPERATORS.map((operator) => operator.slug));
    const regions = new Set(SEED_REGIONS.map((region) => region.slug));
    for (const incident of SEED_INCIDENTS) {
      for (const slug of operatorSlugs(incident)) {
        expect(operators.has(slug), `${incident.slug}: unknown operator "${slug}"`).toBe(true);
      }
      for (const slug of regionSlugs(incident)) {
        expect(regions.has(slug), `${incident.slug}: unknown region "${slug}"`).toBe(true);
      }
    }
  });

  it("has unique slugs", () => {
    const slugs = SEED_INCIDENTS.map((incident) => incident.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("publishes every incident, with titles of at most 120 characters", () => {
    for (const incident of SEED_INCIDENTS) {
      expect(incident.status, incident.slug).toBe("PUBLISHED");
      expect(incident.title.length, incident.slug).toBeLessThanOrEqual(120);
    }
  });

  it("gives every incident a source and a Russian title and summary", () => {
    for (const incident of SEED_INCIDENTS) {
      expect(incident.sources?.length ?? 0, `${incident.slug}: sources`).toBeGreaterThanOrEqual(1);
      const ru = incident.translations?.ru;
      expect(ru?.title?.trim(), `${incident.slug}: translations.ru.title`).toBeTruthy();
      expect(ru?.summary?.trim(), `${incident.slug}: translations.ru.summary`).toBeTruthy();
    }
  });

  it("gives Russian for every text in the tracker's own words that readers see", () => {
    type Translated = { translations?: { ru?: Record<string, string | undefined> } };
    const missing: string[] = [];
    const check = (where: string, record: Translated & Record<string, unknown>, fields: string[]) => {
      for (const field of fields) {
        if (typeof record[field] === "string" && record[field] !== "" && !record.translations?.ru?.[field]?.trim()) missing.push(`${where}.${field}`);
      }
    };
    // The tracker's own words (translatable: true); names of others (a publisher) may stay as they are.
    const ownWords = (record: RecordKind) => fieldsOf(record).flatMap(([field, spec]) => (spec.translatable === true ? [field] : []));
    for (const incident of SEED_INCIDENTS) {
      const at = (path: string) => `${incident.slug}: ${path}`;
      check(at("incident"), incident as never, ownWords("incident"));
      for (const list of ITEM_LISTS) {
        ((incident[list] ?? []) as Translated[]).forEach((item, index) => check(at(`${list}.${index}`), item as never, ownWords(RECORD_OF_LIST[list])));
      }
    }
    expect(missing).toEqual([]);
  });

  it("models the January 2022 shutdowns in detail", () => {
    const qantar = SEED_INCIDENTS.find((incident) => incident.slug === QANTAR_SLUG);
    expect(qantar).toBeDefined();
    if (!qantar) return;
    expect(qantar.phases?.length ?? 0).toBeGreaterThanOrEqual(6);
    expect(new Set(operatorSlugs(qantar))).toEqual(new Set(SEED_OPERATORS.map((operator) => operator.slug)));
    expect([...(qantar.operators ?? [])].sort()).toEqual(["beeline", "kazakhtelecom", "kcell", "tele2-altel"]);
    expect(qantar.impactEstimates?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(qantar.discrepancies?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it("records January 2022's nationwide cuts with IODA's brief restorations as the gaps between them", () => {
    const qantar = SEED_INCIDENTS.find((incident) => incident.slug === QANTAR_SLUG)!;
    const nationwideCuts = (qantar.phases ?? []).filter(
      (phase) => phase.type === "FULL_BLACKOUT" && (phase.extent ?? "FULL") === "FULL" && (phase.regions ?? []).length === 0,
    );
    expect(nationwideCuts.every((phase) => phase.allOperators)).toBe(true);
    const gaps = nationwideCuts.slice(1).map((phase, index) => [nationwideCuts[index]!.endsAt, phase.startsAt].map((value) => new Date(value as string).toISOString().slice(5, 16)));
    expect(gaps).toEqual([
      ["01-05T17:30", "01-05T22:00"],
      ["01-06T10:30", "01-06T14:00"],
      ["01-07T02:30", "01-07T06:00"],
      ["01-08T02:30", "01-08T10:00"],
      ["01-09T02:30", "01-09T06:00"],
    ]);
  });

  it("shows the disagreement over the 5 January cut time, linked to each measurer", () => {
    const qantar = SEED_INCIDENTS.find((incident) => incident.slug === QANTAR_SLUG)!;
    const cutTime = qantar.discrepancies!.find((discrepancy) => discrepancy.description.includes("Kentik"))!;
    const publishers = cutTime.sources!.map((index) => qantar.sources![index]!.publisher);
    expect(publishers).toEqual(["Cloudflare", "The Record (citing Kentik)", "NetBlocks", "Kloop (citing Global Check and Forbes)", "RIPE Labs"]);
    const almaty = qantar.discrepancies!.find((discrepancy) => discrepancy.description.includes("111 hours"))!;
    expect(almaty.sources!.map((index) => qantar.sources![index]!.publisher)).toContain("Izvestia");
  });
});
