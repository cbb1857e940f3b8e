import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { disconnectDb, getDb } from "@/lib/db/client";
import { checkDatabaseHealth } from "@/lib/server/health/check-database-health";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { seedReferenceData } from "@/prisma/seed";

beforeAll(async () => {
  await seedReferenceData(getDb());
});

describe("listOperators", () => {
  it("lists operators by name, each with its ASNs in ascending order", async () => {
    expect(await listOperators({ caller: ANONYMOUS })).toEqual([
      { slug: "beeline", name: "Beeline", asns: [21299, 206026] },
      { slug: "kazakhtelecom", name: "Kazakhtelecom", asns: [9198, 50482] },
      { slug: "kcell", name: "Kcell", asns: [29355] },
      { slug: "tele2-altel", name: "Tele2/Altel", asns: [29555, 48503] },
    ]);
  });
});

describe("listRegions", () => {
  it("lists the cities first, then the regions alphabetically, in English", async () => {
    const regions = await listRegions({ caller: ANONYMOUS, locale: "en" });

    expect(regions.slice(0, 3)).toEqual([
      { slug: "almaty-city", code: "KZ-ALA", kind: "CITY", name: "Almaty" },
      { slug: "astana", code: "KZ-AST", kind: "CITY", name: "Astana" },
      { slug: "shymkent", code: "KZ-SHY", kind: "CITY", name: "Shymkent" },
    ]);
    expect(regions.slice(3).map((region) => region.name)).toEqual([
      "Abai Region",
      "Akmola Region",
      "Aktobe Region",
      "Almaty Region",
      "Atyrau Region",
      "East Kazakhstan Region",
      "Jambyl Region",
      "Jetisu Region",
      "Karaganda Region",
      "Kostanay Region",
      "Kyzylorda Region",
      "Mangystau Region",
      "North Kazakhstan Region",
      "Pavlodar Region",
      "Turkistan Region",
      "Ulytau Region",
      "West Kazakhstan Region",
    ]);
    expect(new Set(regions.slice(3).map((region) => region.kind))).toEqual(new Set(["REGION"]));
  });

  it("names and orders them in Russian for Russian readers", async () => {
    const regions = await listRegions({ caller: ANONYMOUS, locale: "ru" });

    expect(regions.map((region) => region.name)).toEqual([
      "Алматы",
      "Астана",
      "Шымкент",
      "Абайская область",
      "Акмолинская область",
      "Актюбинская область",
      "Алматинская область",
      "Атырауская область",
      "Восточно-Казахстанская область",
      "Жамбылская область",
      "Жетысуская область",
      "Западно-Казахстанская область",
      "Карагандинская область",
      "Костанайская область",
      "Кызылординская область",
      "Мангистауская область",
      "Павлодарская область",
      "Северо-Казахстанская область",
      "Туркестанская область",
      "Улытауская область",
    ]);
    expect(regions.find((region) => region.slug === "west-kazakhstan")).toEqual({
      slug: "west-kazakhstan",
      code: "KZ-ZAP",
      kind: "REGION",
      name: "Западно-Казахстанская область",
    });
  });
});

describe("checkDatabaseHealth", () => {
  it("reports the database up, with the round trip's latency", async () => {
    const health = await checkDatabaseHealth({ caller: ANONYMOUS });

    expect(health).toEqual({ status: "up", latencyMs: expect.any(Number) });
    expect((health as { latencyMs: number }).latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports the database down, quickly, when it cannot connect", async () => {
    const originalUrl = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://postgres:x@127.0.0.1:1/nope";
    try {
      const started = performance.now();
      const health = await checkDatabaseHealth({ caller: ANONYMOUS });
      const elapsed = performance.now() - started;

      expect(health).toEqual({ status: "down" });
      expect(elapsed).toBeLessThan(2000);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = originalUrl;
    }
    // The shared client reconnects to the test database afterwards.
    expect((await checkDatabaseHealth({ caller: ANONYMOUS })).status).toBe("up");
  });
});
