import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { STOP_2022_HEADER } from "@/lib/ingest/stop/columns";
import { readStopFixture } from "@/lib/ingest/stop/fixtures/seed-reference";
import { kazakhstanDayOf } from "@/lib/ingest/stop/kazakhstan-days";
import { parseStopCsv } from "@/lib/ingest/stop/parse-stop-csv";
import { isoDay } from "@/lib/ingest/stop/values";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { buildIncidentInput, createTestIncident } from "@/lib/testing/factories";
import { seedDatabase } from "@/prisma/seed";
import { exportStopCsv } from "./export-stop-csv";
import { importStopFile } from "./import-stop-file";
import { loadStopReference } from "./load-stop-reference";

/**
 * The STOP import and export against the seeded record: the documented
 * incidents of 2018–2022 are the same events several STOP rows describe.
 */

const slugOfKey = async (key: string) => {
  const link = await getDb().incidentExternalKey.findUnique({ where: { source_key: { source: "STOP", key } }, include: { incident: { select: { slug: true } } } });
  return link?.incident.slug ?? null;
};

beforeAll(async () => {
  await seedDatabase(getDb());
});

describe("rows about documented events", () => {
  it("become proposals or duplicates for those incidents, not new drafts", async () => {
    const incidentsBefore = await getDb().incident.count();
    const summary = await importStopFile({ caller: SYSTEM, input: readStopFixture("stop-2022-kazakhstan.csv"), fileName: "stop-2022.csv" });
    expect(summary.accepted + summary.duplicates).toBe(3);
    expect(summary.rejected).toBe(3);
    expect(await getDb().incident.count()).toBe(incidentsBefore);
    // 4 January 2022 is the day a phase of the Qantar incident starts.
    expect(await slugOfKey("kazakhstan|2022-01-04|nationwide|FULL_BLACKOUT")).toBe("2022-01-qantar-shutdowns");
    // 19 October 2022 falls inside the recorded election-blocking period.
    expect(await slugOfKey("kazakhstan|2022-10-19|nationwide|SERVICE_BLOCKING")).toBe("2022-11-snap-election-blocking");
    // 28 February 2021: the same day and kind.
    expect(await slugOfKey("kazakhstan|2021-02-28|almaty+nur sultan|FULL_BLACKOUT")).toBe("2021-02-almaty-nur-sultan-shutdown");

    // Curated incidents are untouched until an editor applies a proposal.
    const qantar = await getDb().incident.findUniqueOrThrow({ where: { slug: "2022-01-qantar-shutdowns" } });
    expect(qantar.version).toBe(1);
    const proposals = await getDb().incidentProposal.findMany({ where: { runId: summary.runId } });
    expect(proposals).toHaveLength(summary.accepted);
    expect(proposals.every((proposal) => proposal.status === "PENDING")).toBe(true);
  });

  it("does not match a row of another kind on the same day", async () => {
    // The 2019 row of 9 June (a cut) and the incident of 11 June (blocking) are two days and a kind apart.
    const summary = await importStopFile({ caller: SYSTEM, input: readStopFixture("stop-2019-kazakhstan.csv"), fileName: "stop-2019.csv" });
    expect(summary).toMatchObject({ rejected: 1 });
    expect(await slugOfKey("kazakhstan|2019-06-09|almaty+nur sultan+shymkent|FULL_BLACKOUT")).toBe("2019-06-election-day-disruptions");
    expect(await slugOfKey("kazakhstan|2019-05-09|nationwide|SERVICE_BLOCKING")).toBe("2019-05-victory-day-social-media-blocking");
  });
});

describe("STOP export", () => {
  it("writes the published incidents only, one 2022-layout row each, that read back with the same keys and values", async () => {
    const draft = await createTestIncident({ status: "DRAFT", title: "A draft that must not be exported" });
    const published = await getDb().incident.findMany({ where: { status: "PUBLISHED" }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: { id: true } });

    const csv = await exportStopCsv({ caller: ANONYMOUS });
    const table = parse(csv) as string[][];
    expect(table[0]).toEqual([...STOP_2022_HEADER]);
    expect(table).toHaveLength(published.length + 1);
    expect(csv).not.toContain("A draft that must not be exported");
    expect(draft.status).toBe("DRAFT");

    const reference = await loadStopReference(getDb());
    const rows = [];
    for await (const event of parseStopCsv(csv, { reference })) {
      expect(event.kind === "row" || event.kind === "header", JSON.stringify(event)).toBe(true);
      if (event.kind === "row") rows.push(event);
    }
    expect(rows).toHaveLength(published.length);
    for (const [index, { id }] of published.entries()) {
      const incident = (await readIncidentState(getDb(), id))!.snapshot;
      const read = rows[index]!.draft;
      const startDay = isoDay(kazakhstanDayOf(new Date(incident.startsAt)));
      expect(read.naturalKey.split("|").slice(0, 2), incident.slug).toEqual(["kazakhstan", startDay]);
      expect(read.input.scope, incident.slug).toBe(incident.scope);
      expect(read.input.operators, incident.slug).toEqual(incident.operators);
      expect(read.input.sources?.map((source) => source.url), incident.slug).toEqual(incident.sources?.map((source) => source.url));
      if (incident.type !== "WEBSITE_BLOCKING") expect(read.type, incident.slug).toBe(incident.type);
    }
  });

  it("re-imports as duplicates of the incidents it came from: nothing new is written", async () => {
    const csv = await exportStopCsv({ caller: ANONYMOUS });
    const published = await getDb().incident.count({ where: { status: "PUBLISHED" } });
    const before = { incidents: await getDb().incident.count(), proposals: await getDb().incidentProposal.count(), revisions: await getDb().incidentRevision.count() };
    const summary = await importStopFile({ caller: SYSTEM, input: csv, fileName: "export.csv" });
    expect(summary).toMatchObject({ accepted: 0, duplicates: published, rejected: 0 });
    expect({ incidents: await getDb().incident.count(), proposals: await getDb().incidentProposal.count(), revisions: await getDb().incidentRevision.count() }).toEqual(before);
    // And again: now by their recorded keys.
    expect(await importStopFile({ caller: SYSTEM, input: csv, fileName: "export.csv" })).toMatchObject({ accepted: 0, duplicates: published, rejected: 0 });
  });

  it("guards cells against spreadsheet formulas", async () => {
    await createTestIncident(buildIncidentInput({ status: "PUBLISHED", summary: "=HYPERLINK(\"https://example.org\",\"click\")", startsAt: "2024-05-01T06:00:00Z" }));
    const csv = await exportStopCsv({ caller: ANONYMOUS });
    expect(csv).toContain(`"'=HYPERLINK(""https://example.org"",""click"")"`);
  });
});
