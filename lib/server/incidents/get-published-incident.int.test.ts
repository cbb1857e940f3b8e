import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { IncidentInput } from "@/lib/schemas/incident";
import { getPublishedIncident } from "@/lib/server/incidents/get-published-incident";
import { buildIncidentInput, createTestIncident } from "@/lib/testing/factories";
import { seedReferenceData } from "@/prisma/seed";

beforeAll(async () => {
  await seedReferenceData(getDb());
});

type SourceInput = NonNullable<IncidentInput["sources"]>[number];

/** Eleven sources, so numbering and sorting past 9 are visible; some support a phase. */
const PHASE_OF_SOURCE: (number | undefined)[] = [undefined, 0, 1, 1, undefined, undefined, undefined, undefined, undefined, undefined, 2];
const sources: SourceInput[] = PHASE_OF_SOURCE.map((phase, index) => ({
  kind: "NEWS",
  url: `https://example.org/source/${index + 1}`,
  publisher: `Publisher ${index + 1}`,
  ...(phase === undefined ? {} : { phase }),
}));

/** A published incident with Russian text on some parts and English only on others. */
function detailedIncident(): IncidentInput {
  return buildIncidentInput({
    title: "Nationwide shutdown",
    summary: "Networks were cut nationwide.",
    body: "The **body**.",
    translations: {
      ru: { title: "Общенациональное отключение", summary: "Сети были отключены.", body: "Текст.", causeDetails: "Протесты." },
    },
    verification: "CONFIRMED_BY_OPERATOR",
    startsAt: "2022-01-04T00:00:00+06:00",
    startPrecision: "DAY",
    endsAt: "2022-01-17T00:00:00+06:00",
    endPrecision: "DAY",
    scope: "NATIONAL",
    type: "FULL_BLACKOUT",
    services: ["WHATSAPP"],
    cause: "UNREST",
    causeDetails: "Protests.",
    operators: ["tele2-altel", "kcell", "beeline"],
    regions: ["almaty-city"],
    phases: [
      {
        label: "Messengers blocked",
        translations: { ru: { label: "Блокировка мессенджеров" } },
        type: "SERVICE_BLOCKING",
        startsAt: "2022-01-04T00:00:00+06:00",
        startPrecision: "DAY",
        services: ["WHATSAPP"],
      },
      {
        label: "Full blackout",
        description: "Everything cut.",
        type: "FULL_BLACKOUT",
        startsAt: "2022-01-05T11:15:00Z",
        startPrecision: "EXACT",
        endsAt: "2022-01-10T02:15:00Z",
        endPrecision: "ESTIMATED",
        operators: ["kcell", "beeline"],
        regions: ["almaty-city"],
      },
      {
        label: "Partial restoration",
        translations: { ru: { label: "Частичное восстановление" } },
        type: "FULL_BLACKOUT",
        extent: "PARTIAL",
        startsAt: "2022-01-11T02:15:00Z",
        startPrecision: "HOUR",
      },
    ],
    sources,
    acknowledgements: [
      {
        party: "OPERATOR",
        operator: "kcell",
        statement: "Kcell cited an order.",
        translations: { ru: { statement: "Kcell сослался на предписание." } },
        sourceUrl: "https://t.me/example/1",
      },
      { party: "GOVERNMENT", statement: "Access will return in stages.", madeOn: "2022-01-08" },
    ],
    impactEstimates: [
      { lowUsd: 410_000_000, highUsd: 429_000_000, estimatedBy: "Top10VPN" },
      { lowUsd: 460_000_000, estimatedBy: "NetBlocks", source: 4, note: "Open range." },
    ],
    discrepancies: [
      {
        topic: "DATES",
        description: "Sources disagree on the start.",
        resolution: "Measured time recorded.",
        translations: { ru: { description: "Источники расходятся в дате начала." } },
        sources: [10, 1, 10],
      },
      { topic: "ECONOMIC_IMPACT", description: "Estimates differ." },
    ],
  });
}

describe("getPublishedIncident", () => {
  it("returns null for an unknown slug and for incidents that are not published", async () => {
    const draft = await createTestIncident({ status: "DRAFT" });
    const inReview = await createTestIncident({ status: "IN_REVIEW" });
    const archived = await createTestIncident({ status: "ARCHIVED" });
    const published = await createTestIncident();

    expect(await getPublishedIncident({ caller: ANONYMOUS, slug: "no-such-incident", locale: "en" })).toBeNull();
    expect(await getPublishedIncident({ caller: ANONYMOUS, slug: draft.slug, locale: "en" })).toBeNull();
    expect(await getPublishedIncident({ caller: ANONYMOUS, slug: inReview.slug, locale: "en" })).toBeNull();
    expect(await getPublishedIncident({ caller: ANONYMOUS, slug: archived.slug, locale: "en" })).toBeNull();
    expect((await getPublishedIncident({ caller: ANONYMOUS, slug: published.slug, locale: "en" }))?.slug).toBe(published.slug);
  });

  it("numbers phases and sources from 1 and links evidence by number", async () => {
    const now = new Date("2024-06-01T00:00:00Z");
    const created = await createTestIncident(detailedIncident(), { now });

    const incident = await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" });

    expect(incident).toMatchObject({
      slug: created.slug,
      title: "Nationwide shutdown",
      summary: "Networks were cut nationwide.",
      body: "The **body**.",
      untranslated: false,
      verification: "CONFIRMED_BY_OPERATOR",
      startsAt: new Date("2022-01-03T18:00:00Z"),
      startPrecision: "DAY",
      endsAt: new Date("2022-01-16T18:00:00Z"),
      endPrecision: "DAY",
      causeDetails: "Protests.",
      operators: [
        { slug: "beeline", name: "Beeline" },
        { slug: "kcell", name: "Kcell" },
        { slug: "tele2-altel", name: "Tele2/Altel" },
      ],
      regions: [{ slug: "almaty-city", name: "Almaty" }],
      firstPublishedAt: now,
    });
    expect(incident!.phases).toEqual([
      {
        number: 1,
        label: "Messengers blocked",
        description: null,
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: new Date("2022-01-03T18:00:00Z"),
        startPrecision: "DAY",
        endsAt: null,
        endPrecision: null,
        endStatus: "NOT_RECORDED",
        lastReportedOn: null,
        services: ["WHATSAPP"],
        allOperators: false,
        operators: [],
        regions: [],
        sourceNumbers: [2],
      },
      {
        number: 2,
        label: "Full blackout",
        description: "Everything cut.",
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: new Date("2022-01-05T11:15:00Z"),
        startPrecision: "EXACT",
        endsAt: new Date("2022-01-10T02:15:00Z"),
        endPrecision: "ESTIMATED",
        endStatus: "RECORDED",
        lastReportedOn: null,
        services: [],
        allOperators: false,
        operators: [
          { slug: "beeline", name: "Beeline" },
          { slug: "kcell", name: "Kcell" },
        ],
        regions: [{ slug: "almaty-city", name: "Almaty" }],
        sourceNumbers: [3, 4],
      },
      expect.objectContaining({ number: 3, label: "Partial restoration", extent: "PARTIAL", sourceNumbers: [11] }),
    ]);
    expect(incident!.sources.map((source) => [source.number, source.url, source.phaseNumber])).toEqual(
      PHASE_OF_SOURCE.map((phase, index) => [index + 1, `https://example.org/source/${index + 1}`, phase === undefined ? null : phase + 1]),
    );
    expect(incident!.sources[0]).toEqual({
      number: 1,
      kind: "NEWS",
      url: "https://example.org/source/1",
      title: null,
      publisher: "Publisher 1",
      publishedOn: null,
      archivedUrl: null,
      quote: null,
      note: null,
      phaseNumber: null,
    });
    expect(incident!.statements).toEqual([
      {
        party: "OPERATOR",
        operator: { slug: "kcell", name: "Kcell" },
        statement: "Kcell cited an order.",
        quote: null,
        sourceUrl: "https://t.me/example/1",
        madeOn: null,
      },
      { party: "GOVERNMENT", operator: null, statement: "Access will return in stages.", quote: null, sourceUrl: null, madeOn: new Date("2022-01-08T00:00:00Z") },
    ]);
    expect(incident!.impactEstimates).toEqual([
      { lowUsd: 410_000_000, highUsd: 429_000_000, estimatedBy: "Top10VPN", note: null, sourceNumber: null },
      { lowUsd: 460_000_000, highUsd: null, estimatedBy: "NetBlocks", note: "Open range.", sourceNumber: 5 },
    ]);
    // Sorted as numbers (2 before 11), each source once.
    expect(incident!.discrepancies).toEqual([
      { topic: "DATES", description: "Sources disagree on the start.", resolution: "Measured time recorded.", sourceNumbers: [2, 11] },
      { topic: "ECONOMIC_IMPACT", description: "Estimates differ.", resolution: null, sourceNumbers: [] },
    ]);
  });

  it("follows the stored positions after phases are reordered", async () => {
    const created = await createTestIncident(detailedIncident());
    const db = getDb();
    // What a staff editor's reordering does: swap the first and last phases.
    const stored = await db.phase.findMany({ where: { incidentId: created.id }, orderBy: { position: "asc" } });
    await db.$transaction([
      db.phase.update({ where: { id: stored[0]!.id }, data: { position: 99 } }),
      db.phase.update({ where: { id: stored[2]!.id }, data: { position: 0 } }),
      db.phase.update({ where: { id: stored[0]!.id }, data: { position: 2 } }),
    ]);

    const incident = await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" });

    expect(incident!.phases.map((phase) => [phase.number, phase.label, phase.sourceNumbers])).toEqual([
      [1, "Partial restoration", [11]],
      [2, "Full blackout", [3, 4]],
      [3, "Messengers blocked", [2]],
    ]);
    expect(incident!.sources[1]!.phaseNumber).toBe(3);
    expect(incident!.sources[10]!.phaseNumber).toBe(1);
  });

  it("shows Russian text where it exists and English where it does not", async () => {
    const created = await createTestIncident(detailedIncident());

    const incident = await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "ru" });

    expect(incident).toMatchObject({
      title: "Общенациональное отключение",
      summary: "Сети были отключены.",
      body: "Текст.",
      causeDetails: "Протесты.",
      untranslated: false,
      regions: [{ slug: "almaty-city", name: "Алматы" }],
    });
    expect(incident!.phases.map((phase) => [phase.label, phase.description])).toEqual([
      ["Блокировка мессенджеров", null],
      ["Full blackout", "Everything cut."],
      ["Частичное восстановление", null],
    ]);
    expect(incident!.phases[1]!.regions).toEqual([{ slug: "almaty-city", name: "Алматы" }]);
    expect(incident!.statements.map((statement) => statement.statement)).toEqual(["Kcell сослался на предписание.", "Access will return in stages."]);
    expect(incident!.discrepancies.map((discrepancy) => [discrepancy.description, discrepancy.resolution])).toEqual([
      ["Источники расходятся в дате начала.", "Measured time recorded."],
      ["Estimates differ.", null],
    ]);
  });

  it("translates every free-text field the public reads, and keeps source titles and quotes as published", async () => {
    const created = await createTestIncident({
      ...detailedIncident(),
      servicesOther: "Periscope",
      govJustification: "PUBLIC_SAFETY",
      govJustificationDetails: "Officials cited public safety.",
      legalBasis: "Article 41-1 of the Law on Communications.",
      translations: {
        ru: {
          title: "Общенациональное отключение",
          summary: "Сети были отключены.",
          servicesOther: "Перископ",
          govJustificationDetails: "Власти сослались на общественную безопасность.",
          legalBasis: "Статья 41-1 Закона о связи.",
        },
      },
      sources: [
        {
          kind: "NEWS",
          url: "https://example.org/source/translated",
          title: "Kazakhstan goes offline",
          publisher: "Ministry of Digital Development",
          quote: "Internet access was restricted.",
          note: "Gives the start as 17:15.",
          translations: { ru: { publisher: "Министерство цифрового развития", note: "Называет время начала 17:15." } },
        },
      ],
      impactEstimates: [{ lowUsd: 1_000_000, estimatedBy: "National Chamber of Entrepreneurs", translations: { ru: { estimatedBy: "Национальная палата предпринимателей" } } }],
      discrepancies: [],
    });

    const russian = (await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "ru" }))!;
    expect(russian).toMatchObject({
      servicesOther: "Перископ",
      govJustificationDetails: "Власти сослались на общественную безопасность.",
      legalBasis: "Статья 41-1 Закона о связи.",
    });
    expect(russian.sources[0]).toMatchObject({
      publisher: "Министерство цифрового развития",
      note: "Называет время начала 17:15.",
      title: "Kazakhstan goes offline",
      quote: "Internet access was restricted.",
    });
    expect(russian.impactEstimates[0]!.estimatedBy).toBe("Национальная палата предпринимателей");

    const english = (await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" }))!;
    expect(english).toMatchObject({ servicesOther: "Periscope", legalBasis: "Article 41-1 of the Law on Communications." });
    expect(english.sources[0]).toMatchObject({ publisher: "Ministry of Digital Development", note: "Gives the start as 17:15." });
    expect(english.impactEstimates[0]!.estimatedBy).toBe("National Chamber of Entrepreneurs");
  });

  it("flags an incident without a Russian translation and shows it in English", async () => {
    const created = await createTestIncident({ title: "Untranslated blackout", summary: "Only in English.", body: "English body." });

    const russian = await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "ru" });
    const english = await getPublishedIncident({ caller: ANONYMOUS, slug: created.slug, locale: "en" });

    expect(russian).toMatchObject({ title: "Untranslated blackout", summary: "Only in English.", body: "English body.", untranslated: true });
    expect(russian!.phases[0]!.label).toBe("Nationwide blackout");
    expect(english).toMatchObject({ title: "Untranslated blackout", untranslated: false });
  });
});
