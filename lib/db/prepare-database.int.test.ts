import { afterEach, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { createScratchDatabase } from "@/lib/testing/test-database";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";
import { prepareDatabase } from "./prepare-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe("prepareDatabase", () => {
  it("lets app servers that start together on an empty database seed it once", async () => {
    const database = await createScratchDatabase(inject("databaseServerUrl"));
    cleanups.push(database.drop);
    const logs: string[][] = [[], [], []];
    await Promise.all(logs.map((lines) => prepareDatabase({ url: database.url, ownerUrl: database.url }, { seed: "if-empty", log: (line) => lines.push(line) })));

    const seeded = logs.filter((lines) => lines.some((line) => line.startsWith("Seeded ")));
    const skipped = logs.filter((lines) => lines.includes("Seed skipped: the database already holds data"));
    expect([seeded.length, skipped.length]).toEqual([1, 2]);
    const db = createDb(database.url, { max: 1 });
    try {
      expect(await db.incident.count()).toBe(SEED_INCIDENTS.length);
      expect(await db.incidentRevision.count()).toBe(SEED_INCIDENTS.length);
    } finally {
      await db.$disconnect();
    }
  });
});
