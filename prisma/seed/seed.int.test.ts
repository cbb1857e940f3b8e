import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { SYSTEM } from "@/lib/auth/permissions";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { createTestActor } from "@/lib/testing/users";
import { isDatabaseSeeded, REVIEWED_SEED_NOTE, seedDatabase, updateReviewedIncidents } from "@/prisma/seed";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";

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
    expect(log).toEqual(["Seeded 4 operators, 20 regions and 12 new incidents"]);
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

  it("publishes the twelve documented incidents, Qantar with seventeen phases and all four operators", async () => {
    const db = getDb();
    expect(await db.incident.count({ where: { status: "PUBLISHED" } })).toBe(12);
    expect(await db.incident.count()).toBe(12);

    const qantar = await db.incident.findUniqueOrThrow({
      where: { slug: "2022-01-qantar-shutdowns" },
      include: { operators: { include: { operator: true } }, _count: { select: { phases: true, sources: true, impactEstimates: true } } },
    });
    expect(qantar._count).toEqual({ phases: 17, sources: 17, impactEstimates: 2 });
    expect(qantar.endStatus).toBe("RECORDED");
    // No seeded record is known to be still running; open ends are "not recorded".
    expect(await db.incident.count({ where: { endStatus: "ONGOING" } })).toBe(0);
    expect(await db.phase.count({ where: { endStatus: "NOT_RECORDED", endsAt: { not: null } } })).toBe(0);
    expect(qantar.operators.map((link) => link.operator.slug).sort()).toEqual(["beeline", "kazakhtelecom", "kcell", "tele2-altel"]);
    expect(qantar.firstPublishedAt).not.toBeNull();
  });

  it("adds no rows when run again", async () => {
    const before = await rowCounts();
    expect(before).toMatchObject({ operators: 4, networks: 10, regions: 20, incidents: 12 });

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

  it("brings seeded incidents nobody edited up to the reviewed seed, and leaves staff edits alone (--update-reviewed)", async () => {
    const db = getDb();
    const qantar = SEED_INCIDENTS.find((incident) => incident.slug === "2022-01-qantar-shutdowns")!;
    const election = SEED_INCIDENTS.find((incident) => incident.slug === "2019-06-election-day-disruptions")!;
    const idOf = async (slug: string) => (await db.incident.findUniqueOrThrow({ where: { slug }, select: { id: true, version: true } }));

    // The state of an install seeded before the review: an older Qantar (two phases, open ends) saved by a
    // command line, and an election record a staff editor has changed since.
    const old = await idOf(qantar.slug);
    const olderQantar = { ...qantar, title: "Edited title", phases: qantar.phases!.slice(0, 2).map((phase) => ({ ...phase, allOperators: false })), sources: qantar.sources!.map((source) => ({ ...source, phase: undefined })) };
    await updateIncident({ caller: SYSTEM, id: old.id, baseVersion: old.version, input: olderQantar, db });
    const editor = await createTestActor({ role: "editor" });
    const before = await idOf(election.slug);
    await updateIncident({ caller: editor, id: before.id, baseVersion: before.version, input: { ...election, summary: "A staff editor's summary." }, db });

    const log: string[] = [];
    const result = await updateReviewedIncidents(db, (line) => log.push(line));

    expect(result.updated).toEqual([qantar.slug]);
    expect(result.skipped).toEqual([election.slug]);
    expect(log.at(-1)).toBe("Reviewed seed: 1 incident(s) updated, 1 left for staff");
    const updated = await db.incident.findUniqueOrThrow({ where: { slug: qantar.slug }, include: { _count: { select: { phases: true } } } });
    expect(updated.title).toBe(qantar.title);
    expect(updated._count.phases).toBe(17);
    const revision = await db.incidentRevision.findFirstOrThrow({ where: { incidentId: old.id }, orderBy: { version: "desc" } });
    expect(revision).toMatchObject({ authorId: null, note: REVIEWED_SEED_NOTE });
    expect((await db.incident.findUniqueOrThrow({ where: { slug: election.slug } })).summary).toBe("A staff editor's summary.");

    // Running it again changes nothing.
    expect((await updateReviewedIncidents(db)).updated).toEqual([]);
  });
});
