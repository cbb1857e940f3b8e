import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { IncidentInput } from "@/lib/schemas/incident";
import type { IncidentFilters } from "@/lib/schemas/incident-filters";
import { listPublishedIncidents } from "@/lib/server/incidents/list-published-incidents";
import { createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";

/**
 * All tests share one database. Each test dates its incidents in a year of its
 * own and filters by that year, so it sees only what it created; the year
 * filter itself is tested on 2020–2025.
 */

beforeAll(async () => {
  await seedReferenceData(getDb());
});

type Filters = Partial<Omit<IncidentFilters, "page">> & { page?: number };
type PhaseInput = NonNullable<IncidentInput["phases"]>[number];

const NO_FILTERS = { years: [], operators: [], regions: [], types: [], services: [] };

function list(filters: Filters, options: { locale?: string; pageSize?: number | "all" } = {}) {
  return listPublishedIncidents({ caller: ANONYMOUS, filters: { ...NO_FILTERS, ...filters }, locale: options.locale ?? "en", pageSize: options.pageSize ?? "all" });
}

async function slugsFor(filters: Filters): Promise<string[]> {
  return (await list(filters)).incidents.map((incident) => incident.slug);
}

/** Creates a published incident starting at `startsAt` (six hours long unless overridden); returns its slug. */
async function incidentAt(startsAt: string, overrides: Partial<IncidentInput> = {}): Promise<string> {
  return (await createTestIncident({ startsAt, ...overrides })).slug;
}

function phase(startsAt: string, overrides: Partial<PhaseInput> = {}): PhaseInput {
  return { label: "Phase", type: "FULL_BLACKOUT", startsAt, startPrecision: "EXACT", ...overrides };
}

describe("listPublishedIncidents", () => {
  it("lists only published incidents", async () => {
    const published = await incidentAt("2036-03-01T06:00:00Z");
    const hidden = [
      await incidentAt("2036-03-02T06:00:00Z", { status: "DRAFT" }),
      await incidentAt("2036-03-03T06:00:00Z", { status: "IN_REVIEW" }),
      await incidentAt("2036-03-04T06:00:00Z", { status: "ARCHIVED" }),
    ];

    expect(await slugsFor({ years: [2036] })).toEqual([published]);
    const everything = await slugsFor({});
    expect(everything).toContain(published);
    expect(everything.filter((slug) => hidden.includes(slug))).toEqual([]);
  });

  it("lists the newest first, and the later record first when two start together", async () => {
    const may = await incidentAt("2037-05-01T06:00:00Z");
    const september = await incidentAt("2037-09-01T06:00:00Z");
    const february = await incidentAt("2037-02-01T06:00:00Z");
    const septemberAgain = await incidentAt("2037-09-01T06:00:00Z");

    expect(await slugsFor({ years: [2037] })).toEqual([septemberAgain, september, may, february]);

    const all = (await list({})).incidents.map((incident) => incident.startsAt.getTime());
    expect(all).toEqual([...all].sort((a, b) => b - a));
  });

  it("pages through the matches and clamps a page beyond the last", async () => {
    const [january, february, march, april, may] = [
      await incidentAt("2035-01-10T06:00:00Z"),
      await incidentAt("2035-02-10T06:00:00Z"),
      await incidentAt("2035-03-10T06:00:00Z"),
      await incidentAt("2035-04-10T06:00:00Z"),
      await incidentAt("2035-05-10T06:00:00Z"),
    ];
    const page = async (number: number | undefined, pageSize: number | "all") => {
      const result = await list({ years: [2035], page: number }, { pageSize });
      return { ...result, incidents: result.incidents.map((incident) => incident.slug) };
    };

    expect(await page(undefined, 2)).toEqual({ incidents: [may, april], total: 5, page: 1, pageCount: 3 });
    expect(await page(2, 2)).toEqual({ incidents: [march, february], total: 5, page: 2, pageCount: 3 });
    expect(await page(3, 2)).toEqual({ incidents: [january], total: 5, page: 3, pageCount: 3 });
    expect(await page(9, 2)).toEqual({ incidents: [january], total: 5, page: 3, pageCount: 3 });
    expect(await page(2, 5)).toEqual({ incidents: [may, april, march, february, january], total: 5, page: 1, pageCount: 1 });
    expect(await page(4, "all")).toEqual({ incidents: [may, april, march, february, january], total: 5, page: 1, pageCount: 1 });

    // The default page size (25) holds all five.
    const byDefault = await listPublishedIncidents({ caller: ANONYMOUS, filters: { ...NO_FILTERS, years: [2035] }, locale: "en" });
    expect(byDefault).toMatchObject({ total: 5, page: 1, pageCount: 1 });
    expect(byDefault.incidents).toHaveLength(5);

    // No match: one empty page.
    expect(await list({ years: [2099], page: 3 }, { pageSize: 2 })).toEqual({
      incidents: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });

  it("filters by Kazakhstan calendar year: begun in it, or ran into it with a recorded end", async () => {
    const ended2021 = await incidentAt("2021-06-01T06:00:00Z");
    const ongoingSince2021 = await incidentAt("2021-10-01T06:00:00Z", { endsAt: undefined });
    const ranInto2022 = await incidentAt("2021-11-01T06:00:00Z", { endsAt: "2022-01-10T00:00:00+06:00", endPrecision: "DAY" });
    // 23:30 on 31 December in Almaty (UTC+6), over before midnight.
    const lastNightOf2021 = await incidentAt("2021-12-31T17:30:00Z", { endsAt: "2021-12-31T17:50:00Z" });
    // 02:00 on 1 January in Almaty, though still 2021 in UTC.
    const firstNightOf2022 = await incidentAt("2021-12-31T20:00:00Z");
    const began2022 = await incidentAt("2022-03-01T06:00:00Z");
    // Since March 2024 Kazakhstan is UTC+5: 23:30 and 00:30 local.
    const lastNightOf2024 = await incidentAt("2024-12-31T18:30:00Z", { endsAt: "2024-12-31T18:45:00Z" });
    const firstNightOf2025 = await incidentAt("2024-12-31T19:30:00Z");

    expect(await slugsFor({ years: [2022] })).toEqual([began2022, firstNightOf2022, ranInto2022]);
    expect(await slugsFor({ years: [2021] })).toEqual([lastNightOf2021, ranInto2022, ongoingSince2021, ended2021]);
    expect(await slugsFor({ years: [2023] })).toEqual([]);
    expect(await slugsFor({ years: [2024] })).toEqual([lastNightOf2024]);
    expect(await slugsFor({ years: [2025] })).toEqual([firstNightOf2025]);
    expect(await slugsFor({ years: [2021, 2022] })).toEqual([
      began2022,
      firstNightOf2022,
      lastNightOf2021,
      ranInto2022,
      ongoingSince2021,
      ended2021,
    ]);
  });

  it("filters by operator named on the incident or on any phase", async () => {
    const onIncident = await incidentAt("2030-01-10T06:00:00Z", { operators: ["kcell"] });
    const onPhase = await incidentAt("2030-02-10T06:00:00Z", {
      phases: [phase("2030-02-10T06:00:00Z"), phase("2030-02-10T08:00:00Z", { operators: ["kcell", "beeline"] })],
    });
    const beeline = await incidentAt("2030-03-10T06:00:00Z", { operators: ["beeline"] });
    await incidentAt("2030-04-10T06:00:00Z", { operators: ["kazakhtelecom"] });

    expect(await slugsFor({ years: [2030], operators: ["kcell"] })).toEqual([onPhase, onIncident]);
    expect(await slugsFor({ years: [2030], operators: ["beeline"] })).toEqual([beeline, onPhase]);
    expect(await slugsFor({ years: [2030], operators: ["tele2-altel"] })).toEqual([]);

    const [first, second] = (await list({ years: [2030], operators: ["kcell"] })).incidents;
    expect(first!.operators).toEqual([]);
    expect(second!.operators).toEqual([{ slug: "kcell", name: "Kcell" }]);
  });

  it("filters by region named on the incident or a phase, and counts every nationwide incident in", async () => {
    const almaty = await incidentAt("2031-01-10T06:00:00Z", { scope: "REGIONAL", regions: ["almaty-city"] });
    const almatyPhase = await incidentAt("2031-02-10T06:00:00Z", {
      scope: "LOCAL",
      regions: ["mangystau"],
      phases: [phase("2031-02-10T06:00:00Z", { regions: ["almaty-city"] })],
    });
    const astana = await incidentAt("2031-03-10T06:00:00Z", { scope: "REGIONAL", regions: ["astana"] });
    const nationwide = await incidentAt("2031-04-10T06:00:00Z", { scope: "NATIONAL" });

    expect(await slugsFor({ years: [2031], regions: ["almaty-city"] })).toEqual([nationwide, almatyPhase, almaty]);
    expect(await slugsFor({ years: [2031], regions: ["astana", "mangystau"] })).toEqual([nationwide, astana, almatyPhase]);
    expect(await slugsFor({ years: [2031], regions: ["pavlodar"] })).toEqual([nationwide]);
  });

  it("filters by disruption type of the incident or any phase", async () => {
    const throttling = await incidentAt("2032-01-10T06:00:00Z", { type: "THROTTLING" });
    const throttledPhase = await incidentAt("2032-02-10T06:00:00Z", {
      type: "FULL_BLACKOUT",
      phases: [phase("2032-02-10T06:00:00Z"), phase("2032-02-10T08:00:00Z", { type: "THROTTLING" })],
    });
    const blocking = await incidentAt("2032-03-10T06:00:00Z", { type: "SERVICE_BLOCKING" });

    expect(await slugsFor({ years: [2032], types: ["THROTTLING"] })).toEqual([throttledPhase, throttling]);
    expect(await slugsFor({ years: [2032], types: ["THROTTLING", "SERVICE_BLOCKING"] })).toEqual([blocking, throttledPhase, throttling]);
    expect(await slugsFor({ years: [2032], types: ["MOBILE_DATA_SHUTDOWN"] })).toEqual([]);

    const summary = (await list({ years: [2032], types: ["THROTTLING"] })).incidents[0]!;
    expect(summary).toMatchObject({ type: "FULL_BLACKOUT", types: ["FULL_BLACKOUT", "THROTTLING"], phaseCount: 2, sourceCount: 1 });
  });

  it("filters by affected service of the incident or any phase", async () => {
    const telegram = await incidentAt("2033-01-10T06:00:00Z", { type: "SERVICE_BLOCKING", services: ["TELEGRAM"] });
    const telegramPhase = await incidentAt("2033-02-10T06:00:00Z", {
      type: "SERVICE_BLOCKING",
      phases: [phase("2033-02-10T06:00:00Z", { type: "SERVICE_BLOCKING", services: ["SIGNAL", "TELEGRAM"] })],
    });
    const whatsapp = await incidentAt("2033-03-10T06:00:00Z", { type: "SERVICE_BLOCKING", services: ["WHATSAPP"] });
    await incidentAt("2033-04-10T06:00:00Z");

    expect(await slugsFor({ years: [2033], services: ["TELEGRAM"] })).toEqual([telegramPhase, telegram]);
    expect(await slugsFor({ years: [2033], services: ["TELEGRAM", "WHATSAPP"] })).toEqual([whatsapp, telegramPhase, telegram]);
    expect(await slugsFor({ years: [2033], services: ["VPN"] })).toEqual([]);
  });

  it("filters by what is known about the end: ongoing, ended, or end not recorded", async () => {
    // An ongoing incident is in every later year: this test uses the last year any test here uses.
    const ongoing = await incidentAt("2096-01-10T06:00:00Z", { endsAt: undefined, endStatus: "ONGOING", lastCheckedOn: "2096-03-01" });
    const ended = await incidentAt("2096-02-10T06:00:00Z");
    const unknownEnd = await incidentAt("2096-03-10T06:00:00Z", { endsAt: undefined });

    expect(await slugsFor({ years: [2096], state: "ongoing" })).toEqual([ongoing]);
    expect(await slugsFor({ years: [2096], state: "ended" })).toEqual([ended]);
    expect(await slugsFor({ years: [2096], state: "end-not-recorded" })).toEqual([unknownEnd]);
    expect(await slugsFor({ years: [2096] })).toEqual([unknownEnd, ended, ongoing]);
  });

  it("filters by a Kazakhstan calendar period: incidents that overlap it, ongoing ones and those last reported in it included", async () => {
    // 1–10 March 2041 in Almaty (UTC+5): 29 Feb 19:00Z to 10 Mar 19:00Z.
    const endedJustBefore = await incidentAt("2041-02-28T10:00:00Z", { endsAt: new Date("2041-02-28T18:59:00Z") });
    const ranIntoIt = await incidentAt("2041-02-28T12:00:00Z", { endsAt: new Date("2041-03-01T01:00:00Z") });
    const insideIt = await incidentAt("2041-03-05T06:00:00Z");
    const lastEveningLocal = await incidentAt("2041-03-10T18:30:00Z");
    await incidentAt("2041-03-10T19:00:00Z"); // 11 March, local midnight
    const ongoing = await incidentAt("2041-01-01T06:00:00Z", { endsAt: undefined, endStatus: "ONGOING", lastCheckedOn: "2041-02-01" });
    // No recorded end: in the period only when last reported in it (or when it began in it).
    const reportedIntoIt = await incidentAt("2041-01-02T06:00:00Z", { endsAt: undefined, lastReportedOn: "2041-03-01" });
    await incidentAt("2041-01-03T06:00:00Z", { endsAt: undefined, lastReportedOn: "2041-02-28" });
    await incidentAt("2041-01-04T06:00:00Z", { endsAt: undefined });

    expect(await slugsFor({ years: [2041], from: "2041-03-01", to: "2041-03-10" })).toEqual([lastEveningLocal, insideIt, ranIntoIt, reportedIntoIt, ongoing]);
    expect(await slugsFor({ years: [2041], to: "2041-02-28" })).toContain(endedJustBefore);
    expect(await slugsFor({ years: [2041], from: "2041-03-01" })).not.toContain(endedJustBefore);
  });

  it("filters by cause", async () => {
    const election = await incidentAt("2042-03-01T06:00:00Z", { cause: "ELECTION" });
    const exam = await incidentAt("2042-04-01T06:00:00Z", { cause: "EXAM" });
    await incidentAt("2042-05-01T06:00:00Z", { cause: "PROTEST" });

    expect(await slugsFor({ years: [2042], causes: ["ELECTION"] })).toEqual([election]);
    expect(await slugsFor({ years: [2042], causes: ["ELECTION", "EXAM"] })).toEqual([exam, election]);
  });

  it("combines different filters with AND and values of one filter with OR", async () => {
    const kcellThrottlingOngoing = await incidentAt("2043-01-10T06:00:00Z", {
      operators: ["kcell"],
      type: "THROTTLING",
      endsAt: undefined,
      endStatus: "ONGOING",
      lastCheckedOn: "2043-06-01",
    });
    const kcellBlackoutEnded = await incidentAt("2043-02-10T06:00:00Z", { operators: ["kcell"], type: "FULL_BLACKOUT" });
    const beelineThrottlingEnded = await incidentAt("2043-03-10T06:00:00Z", { operators: ["beeline"], type: "THROTTLING" });
    await incidentAt("2043-04-10T06:00:00Z", { operators: ["beeline"], type: "SERVICE_BLOCKING", endsAt: undefined });

    expect(await slugsFor({ years: [2043], operators: ["kcell"], types: ["THROTTLING"] })).toEqual([kcellThrottlingOngoing]);
    expect(await slugsFor({ years: [2043], operators: ["kcell", "beeline"], types: ["THROTTLING"] })).toEqual([
      beelineThrottlingEnded,
      kcellThrottlingOngoing,
    ]);
    expect(
      await slugsFor({ years: [2043], operators: ["kcell", "beeline"], types: ["THROTTLING", "FULL_BLACKOUT"], state: "ended" }),
    ).toEqual([beelineThrottlingEnded, kcellBlackoutEnded]);
    expect(await slugsFor({ years: [2042, 2043], operators: ["kcell"], state: "ongoing" })).toEqual([kcellThrottlingOngoing]);
  });

  it("shows Russian titles, summaries and region names, falling back to English", async () => {
    const translated = await incidentAt("2038-02-10T06:00:00Z", {
      title: "Blackout in Almaty",
      summary: "Almaty was cut off.",
      translations: { ru: { title: "Отключение в Алматы", summary: "Алматы осталась без связи." } },
      scope: "REGIONAL",
      regions: ["almaty-city"],
    });
    const untranslated = await incidentAt("2038-01-10T06:00:00Z", {
      title: "Blackout in Aktau",
      summary: "Aktau was cut off.",
      scope: "LOCAL",
      regions: ["mangystau"],
    });
    const shown = async (locale: string) =>
      (await list({ years: [2038] }, { locale })).incidents.map(({ slug, title, summary, regions }) => ({ slug, title, summary, regions }));

    expect(await shown("ru")).toEqual([
      {
        slug: translated,
        title: "Отключение в Алматы",
        summary: "Алматы осталась без связи.",
        regions: [{ slug: "almaty-city", name: "Алматы" }],
      },
      {
        slug: untranslated,
        title: "Blackout in Aktau",
        summary: "Aktau was cut off.",
        regions: [{ slug: "mangystau", name: "Мангистауская область" }],
      },
    ]);
    expect(await shown("en")).toEqual([
      { slug: translated, title: "Blackout in Almaty", summary: "Almaty was cut off.", regions: [{ slug: "almaty-city", name: "Almaty" }] },
      { slug: untranslated, title: "Blackout in Aktau", summary: "Aktau was cut off.", regions: [{ slug: "mangystau", name: "Mangystau Region" }] },
    ]);
  });
});
