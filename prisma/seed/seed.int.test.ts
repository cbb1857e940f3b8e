import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isDatabaseSeeded, seedDatabase } from "@/prisma/seed";

/** Row count of every table in the schema (the migrations table aside). */
async function rowCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${name}"`);
    counts[name] = row!.count;
  }
  return counts;
}

// The tests share the database this file seeds once, in order.
describe("seedDatabase", () => {
  let seededBefore: boolean;
  const log: string[] = [];

  beforeAll(async () => {
    seededBefore = await isDatabaseSeeded(getDb());
    await seedDatabase(getDb(), (line) => log.push(line));
  });

  it("marks the database as seeded", async () => {
    expect(seededBefore).toBe(false);
    expect(await isDatabaseSeeded(getDb())).toBe(true);
    expect(log).toEqual(["Seeded 4 operators, 20 regions and 9 new incidents"]);
  });

  it("loads the four operators with their networks, and the other networks with none", async () => {
    const networks = await getDb().network.findMany({ orderBy: { asn: "asc" }, select: { asn: true, operator: { select: { slug: true } } } });

    expect(Object.fromEntries(networks.map((network) => [`AS${network.asn}`, network.operator?.slug ?? null]))).toEqual({
      AS9198: "kazakhtelecom",
      AS21299: "beeline",
      AS29355: "kcell",
      AS29555: "tele2-altel",
      AS35104: null,
      AS39824: null,
      AS41798: null,
      AS48503: "tele2-altel",
      AS50482: "kazakhtelecom",
      AS206026: "beeline",
    });
    expect(await getDb().operator.count()).toBe(4);
  });

  it("loads the twenty regions with local codes, parents and former names", async () => {
    const db = getDb();
    const regions = await db.region.findMany({ include: { parent: { select: { slug: true } }, formerNames: true }, orderBy: { slug: "asc" } });

    expect(regions).toHaveLength(20);
    expect(regions.filter((region) => region.kind === "CITY").map((region) => region.slug)).toEqual(["almaty-city", "astana", "shymkent"]);
    expect(regions.filter((region) => region.codeIsLocal).map((region) => [region.slug, region.code])).toEqual([
      ["abai", "KZ-ABY"],
      ["jetisu", "KZ-ZHT"],
      ["ulytau", "KZ-ULY"],
    ]);
    expect(regions.filter((region) => region.parent).map((region) => [region.slug, region.parent!.slug])).toEqual([
      ["abai", "east-kazakhstan"],
      ["jetisu", "almaty-region"],
      ["shymkent", "turkistan"],
      ["ulytau", "karaganda"],
    ]);
    const astana = regions.find((region) => region.slug === "astana")!;
    expect(astana.formerNames).toMatchObject([
      { nameEn: "Nur-Sultan", nameRu: "Нур-Султан", usedFrom: new Date("2019-03-23T00:00:00Z"), usedUntil: new Date("2022-09-17T00:00:00Z") },
    ]);
    expect(regions.find((region) => region.slug === "abai")).toMatchObject({
      nameRu: "Абайская область",
      establishedOn: new Date("2022-06-08T00:00:00Z"),
    });
  });

  it("publishes the nine documented incidents, Qantar with seven phases and all four operators", async () => {
    const db = getDb();
    expect(await db.incident.count({ where: { status: "PUBLISHED" } })).toBe(9);
    expect(await db.incident.count()).toBe(9);

    const qantar = await db.incident.findUniqueOrThrow({
      where: { slug: "2022-01-qantar-shutdowns" },
      include: { operators: { include: { operator: true } }, _count: { select: { phases: true, sources: true, impactEstimates: true } } },
    });
    expect(qantar._count).toEqual({ phases: 7, sources: 8, impactEstimates: 2 });
    expect(qantar.operators.map((link) => link.operator.slug).sort()).toEqual(["beeline", "kazakhtelecom", "kcell", "tele2-altel"]);
    expect(qantar.firstPublishedAt).not.toBeNull();
  });

  it("adds no rows when run again", async () => {
    const before = await rowCounts();
    expect(before).toMatchObject({ operators: 4, networks: 10, regions: 20, incidents: 9 });

    const again: string[] = [];
    await seedDatabase(getDb(), (line) => again.push(line));

    expect(await rowCounts()).toEqual(before);
    expect(again).toEqual(["Seeded 4 operators, 20 regions and 0 new incidents"]);
  });

  it("keeps what staff edited in operators, networks, regions and incidents", async () => {
    const db = getDb();
    await db.operator.update({ where: { slug: "kcell" }, data: { name: "Kcell (edited)" } });
    await db.network.update({ where: { asn: 50482 }, data: { confidence: "HIGH", confidenceNote: null } });
    await db.region.update({ where: { slug: "astana" }, data: { nameEn: "Astana (edited)" } });
    await db.incident.update({ where: { slug: "2022-01-qantar-shutdowns" }, data: { title: "Edited title" } });

    await seedDatabase(db);

    expect((await db.operator.findUniqueOrThrow({ where: { slug: "kcell" } })).name).toBe("Kcell (edited)");
    expect(await db.network.findUniqueOrThrow({ where: { asn: 50482 } })).toMatchObject({ confidence: "HIGH", confidenceNote: null });
    expect((await db.region.findUniqueOrThrow({ where: { slug: "astana" } })).nameEn).toBe("Astana (edited)");
    expect((await db.incident.findUniqueOrThrow({ where: { slug: "2022-01-qantar-shutdowns" } })).title).toBe("Edited title");
  });

  it("keeps a region's parent as staff edited it", async () => {
    // seedDatabase promises to leave existing rows "as staff edited them".
    const db = getDb();
    await db.region.update({ where: { slug: "abai" }, data: { parentId: null } });

    await seedDatabase(db);

    expect((await db.region.findUniqueOrThrow({ where: { slug: "abai" } })).parentId).toBeNull();
  });
});
