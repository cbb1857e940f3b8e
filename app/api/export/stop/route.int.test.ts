import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { STOP_2022_HEADER } from "@/lib/ingest/stop/columns";
import { seedDatabase } from "@/prisma/seed";
import { GET } from "./route";

beforeAll(async () => {
  await seedDatabase(getDb());
});

describe("GET /api/export/stop", () => {
  it("answers a CSV download of the published incidents in the 2022 STOP layout", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="kazakhstan-shutdowns-stop-\d{4}-\d{2}-\d{2}\.csv"$/);
    const table = parse(await response.text()) as string[][];
    expect(table[0]).toEqual([...STOP_2022_HEADER]);
    expect(table).toHaveLength((await getDb().incident.count({ where: { status: "PUBLISHED" } })) + 1);
    expect(table.slice(1).every((row) => row.length === 45 && row[2] === "Kazakhstan")).toBe(true);
  });
});
