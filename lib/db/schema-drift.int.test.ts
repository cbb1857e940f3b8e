import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withClient } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { actualSchemaShape, diffSchemas, expectedSchemaShape, type SchemaShape } from "@/lib/testing/schema-drift";
import { createScratchDatabase } from "@/lib/testing/test-database";

describe("schema drift: migrations against schema.prisma", () => {
  let database: { url: string; drop: () => Promise<void> };
  let expected: SchemaShape;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseServerUrl"));
    await migrateDatabase(database.url);
    expected = await expectedSchemaShape();
  });
  afterAll(() => database.drop());

  it("an empty database, migrated, matches the data model exactly", async () => {
    const actual = await actualSchemaShape(database.url);
    expect(diffSchemas(expected, actual)).toEqual([]);
    // The comparison saw the whole model, not an empty one.
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    expect(Object.keys(actual.tables).length).toBe(32);
    expect(actual.tables.incidents?.columns.starts_at).toEqual({ type: "timestamp(3) with time zone", nullable: false, default: null });
  });

  it("reports each kind of difference", async () => {
    const scratch = await createScratchDatabase(inject("databaseServerUrl"));
    try {
      await migrateDatabase(scratch.url);
      await withClient(scratch.url, (client) =>
        client.query(`
          ALTER TABLE "operators" ADD COLUMN "extra" TEXT;
          ALTER TABLE "operators" ALTER COLUMN "notes" SET NOT NULL;
          ALTER TABLE "incidents" ALTER COLUMN "status" SET DEFAULT 'PUBLISHED';
          ALTER TABLE "regions" ALTER COLUMN "centre_lat" TYPE REAL;
          DROP INDEX "incidents_status_starts_at_idx";
          CREATE INDEX "phases_label_idx" ON "phases"("label");
          ALTER TABLE "networks" DROP CONSTRAINT "networks_operator_id_fkey";
          ALTER TABLE "sources" DROP CONSTRAINT "sources_phase_id_fkey";
          ALTER TABLE "sources" ADD CONSTRAINT "sources_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
          ALTER TYPE "incident_cause" ADD VALUE 'STRIKE';
          CREATE TABLE "stray" ("id" INTEGER PRIMARY KEY);
        `),
      );
      const differences = diffSchemas(expected, await actualSchemaShape(scratch.url));
      expect(differences).toEqual(
        expect.arrayContaining([
          "column operators.extra is in the database but not in the schema",
          'column operators.notes: nullable is false, schema says true',
          `column incidents.status: default is "'PUBLISHED'::incident_status", schema says "'DRAFT'::incident_status"`,
          'column regions.centre_lat: type is "real", schema says "double precision"',
          "index incidents_status_starts_at_idx on incidents is in the schema but not in the database",
          "index phases_label_idx on phases is in the database but not in the schema",
          "foreign key networks_operator_id_fkey on networks is in the schema but not in the database",
          expect.stringMatching(/^foreign key sources_phase_id_fkey: is .*"onDelete":"CASCADE".*schema says .*"onDelete":"SET NULL"/),
          expect.stringMatching(/^enum incident_cause: values are .*STRIKE/),
          "table stray is in the database but not in the schema",
        ]),
      );
      expect(differences).toHaveLength(10);
    } finally {
      await scratch.drop();
    }
  });
});
