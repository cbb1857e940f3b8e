import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { toSnapshot } from "@/lib/incidents/snapshot";
import { ZIncidentInput, type IncidentInput } from "@/lib/schemas/incident";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";
import { SEED_OPERATORS } from "@/prisma/seed/operators";
import { SEED_REGIONS } from "@/prisma/seed/regions";
import { STOP_2022_HEADER } from "./columns";
import { guardFormula, stopRowCells, stopRowFromSnapshot } from "./export-row";
import { parseAll, rowsOf } from "./fixtures/parse-helpers";
import { proposalChanges } from "./merge-proposal";

const names = {
  operators: new Map(SEED_OPERATORS.map((operator) => [operator.slug, operator.name])),
  regions: new Map(SEED_REGIONS.map((region) => [region.slug, region.name.en])),
};

const snapshotOf = (input: IncidentInput) => toSnapshot(ZIncidentInput.parse(input));

describe("STOP export row", () => {
  it("uses the 2022 sheet's 45 columns, in its order", () => {
    expect(STOP_2022_HEADER.join(",")).toBe(
      "start_date_type,start_date,country,geo_scope,area_name,shutdown_type,affected_network,shutdown_extent,ordered_by,decision_maker,actual_cause,actual_cause_details,info_source,info_source_link,shutdown_status,end_date,duration,gov_justification,gov_just_details,gov_ack,legal_just,legal_method,gov_ack_source,gov_ack_quote,facebook_affected,twitter_affected,whatsapp_affected,instagram_affected,telegram_affected,other_affected,sms_affected,phonecall_affected,telcos_involved,telco_ack,telco_ack_source,telco_ack_quote,election,violence,hr_abuse_reported,users_targeted,users_target_detail,users_notified,econ_impact,event,an_link",
    );
    expect(STOP_2022_HEADER).toHaveLength(45);
  });

  it("writes days in Kazakhstan, STOP's flags and the operators by name", () => {
    const qantar = SEED_INCIDENTS.find((incident) => incident.slug === "2022-01-qantar-shutdowns")!;
    const row = stopRowFromSnapshot(snapshotOf(qantar), names);
    expect(row).toMatchObject({
      start_date_type: "Actual",
      start_date: "1/2/2022",
      end_date: "1/17/2022",
      duration: "16",
      shutdown_status: "Ended",
      country: "Kazakhstan",
      area_name: "Nationwide",
      shutdown_type: "Shutdown",
      shutdown_extent: "Full network",
      actual_cause: "Political instability",
      telcos_involved: "Kazakhstan: Beeline, Kazakhstan: Kazakhtelecom, Kazakhstan: Kcell, Kazakhstan: Tele2/Altel",
      election: "No",
    });
  });

  it("guards cells a spreadsheet would run as formulas", () => {
    expect(guardFormula("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(guardFormula("@SUM(1)")).toBe("'@SUM(1)");
    expect(guardFormula("Plain")).toBe("Plain");
  });

  it("reads back, for every seeded incident, as the same key and values, and merges as no change", async () => {
    const snapshots = SEED_INCIDENTS.map(snapshotOf);
    const text = stringify([[...STOP_2022_HEADER], ...snapshots.map((snapshot) => stopRowCells(stopRowFromSnapshot(snapshot, names)))]);
    const rows = rowsOf(await parseAll(text));
    expect(rows).toHaveLength(snapshots.length);
    rows.forEach((row, index) => {
      const original = snapshots[index]!;
      const read = snapshotOf(row.draft.input);
      const label = original.slug;
      expect(read.scope, label).toBe(original.scope);
      expect(read.regions, label).toEqual(original.scope === "NATIONAL" ? [] : original.regions);
      expect(read.operators, label).toEqual(original.operators);
      expect(new Set(read.services), label).toEqual(new Set((original.services ?? []).filter((service) => service !== "OTHER" || original.servicesOther)));
      expect(read.sources?.map((source) => source.url), label).toEqual(original.sources?.map((source) => source.url));
      expect(read.cause, label).toBe(original.cause);
      if (original.type !== "WEBSITE_BLOCKING") expect(read.type, label).toBe(original.type);
      expect(proposalChanges(original, read), label).toEqual([]);
    });
  });
});
