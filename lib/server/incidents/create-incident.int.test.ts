import { SYSTEM } from "@/lib/auth/permissions";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError, isAppError, type FieldIssues } from "@/lib/errors";
import { toSnapshot } from "@/lib/incidents/snapshot";
import { incidentIssue, ZIncidentInput, type IncidentInput } from "@/lib/schemas/incident";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { EVERY_FIELD_INCIDENTS } from "@/lib/testing/every-field-incidents";
import { buildIncidentInput, createTestIncident, uniqueSlug } from "@/lib/testing/factories";
import { runAsDatabaseOwner } from "@/lib/testing/test-database";
import { seedReferenceData } from "@/prisma/seed";

beforeAll(async () => {
  await seedReferenceData(getDb());
});

/** The VALIDATION error's field issues; fails the test if createIncident does not reject that way. */
async function validationIssues(input: IncidentInput): Promise<FieldIssues> {
  const error = await createIncident({ caller: SYSTEM, input }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(isAppError(error, "VALIDATION")).toBe(true);
  return (error as AppError).fieldIssues ?? {};
}

/** Rows in every table an incident writes to. */
async function incidentRowCounts() {
  const db = getDb();
  return {
    incidents: await db.incident.count(),
    incidentOperators: await db.incidentOperator.count(),
    incidentRegions: await db.incidentRegion.count(),
    phases: await db.phase.count(),
    phaseOperators: await db.phaseOperator.count(),
    phaseRegions: await db.phaseRegion.count(),
    sources: await db.source.count(),
    acknowledgements: await db.acknowledgement.count(),
    impactEstimates: await db.impactEstimate.count(),
    discrepancies: await db.discrepancy.count(),
    discrepancySources: await db.discrepancySource.count(),
  };
}

/** An incident with one of everything, and more than one where order matters. */
function fullIncident(): IncidentInput {
  return buildIncidentInput({
    title: "Regional blackout with a messenger block",
    summary: "Networks in Almaty and Mangystau were cut, then messengers were blocked.",
    body: "First paragraph.\n\nSecond paragraph.",
    translations: { ru: { title: "Региональное отключение", summary: "Сети были отключены." } },
    verification: "CONFIRMED_BY_OPERATOR",
    startsAt: "2022-01-04T00:00:00+06:00",
    startPrecision: "DAY",
    endsAt: "2022-01-11T02:15:00Z",
    endPrecision: "HOUR",
    scope: "REGIONAL",
    type: "FULL_BLACKOUT",
    services: ["WHATSAPP", "TELEGRAM"],
    servicesOther: "Periscope",
    cause: "PROTEST",
    causeDetails: "Fuel-price protests.",
    govJustification: "NATIONAL_SECURITY",
    govJustificationDetails: "Counter-terrorism.",
    legalBasis: 'Article 41-1 of the Law "On Communications".',
    operators: ["kcell", "beeline"],
    regions: ["almaty-city", "mangystau"],
    phases: [
      {
        label: "Messengers blocked",
        translations: { ru: { label: "Блокировка мессенджеров" } },
        type: "SERVICE_BLOCKING",
        extent: "PARTIAL",
        startsAt: "2022-01-04T00:00:00+06:00",
        startPrecision: "DAY",
        services: ["WHATSAPP"],
        operators: ["kcell"],
        regions: ["mangystau"],
      },
      {
        label: "Full blackout",
        description: "Fixed and mobile networks cut.",
        type: "FULL_BLACKOUT",
        startsAt: "2022-01-05T11:15:00Z",
        startPrecision: "EXACT",
        endsAt: "2022-01-10T02:15:00Z",
        endPrecision: "ESTIMATED",
        operators: ["beeline", "tele2-altel"],
        regions: ["almaty-city"],
      },
    ],
    sources: [
      { kind: "NEWS", url: "https://example.org/news/1", publisher: "Example News", publishedOn: "2022-01-06" },
      {
        kind: "MEASUREMENT",
        url: "https://example.org/atlas",
        title: "Atlas report",
        publisher: "RIPE Labs",
        archivedUrl: "https://web.archive.org/example",
        quote: "the outage began at 11:15 UTC",
        note: "Measured start.",
        phase: 1,
      },
      { kind: "OPERATOR_STATEMENT", url: "https://example.org/kcell", publisher: "Kcell", phase: 0 },
    ],
    acknowledgements: [
      {
        party: "OPERATOR",
        operator: "kcell",
        statement: "Kcell said the restriction was ordered.",
        translations: { ru: { statement: "Kcell сообщил об ограничении." } },
        quote: "по требованию",
        sourceUrl: "https://t.me/example/1",
      },
      { party: "GOVERNMENT", statement: "The minister promised a staged return.", madeOn: "2022-01-08" },
    ],
    impactEstimates: [
      { lowUsd: 410_000_000, highUsd: 429_000_000, estimatedBy: "Top10VPN", translations: { ru: { note: "Около" } }, note: "About" },
      { lowUsd: 460_000_000_000, estimatedBy: "NetBlocks", source: 2 },
    ],
    discrepancies: [
      {
        topic: "DATES",
        description: "Sources disagree on the start.",
        resolution: "We record the measured time.",
        translations: { ru: { description: "Источники расходятся." } },
        sources: [2, 0, 2],
      },
      { topic: "OTHER", description: "Nothing links here." },
    ],
  });
}

describe("createIncident", () => {
  it("stores the incident with its phases, sources, statements, estimates and discrepancies", async () => {
    const input = fullIncident();
    const now = new Date("2024-05-01T10:00:00Z");

    const created = await createIncident({ caller: SYSTEM, input, now });

    const stored = await getDb().incident.findUniqueOrThrow({
      where: { id: created.id },
      include: {
        operators: { include: { operator: true } },
        regions: { include: { region: true } },
        phases: {
          orderBy: { position: "asc" },
          include: { operators: { include: { operator: true } }, regions: { include: { region: true } } },
        },
        sources: { orderBy: { position: "asc" } },
        acknowledgements: { orderBy: { position: "asc" }, include: { operator: true } },
        impactEstimates: { orderBy: { position: "asc" } },
        discrepancies: { orderBy: { position: "asc" }, include: { sources: true } },
      },
    });

    expect(created.slug).toBe(input.slug);
    expect(stored).toMatchObject({
      slug: input.slug,
      title: "Regional blackout with a messenger block",
      body: "First paragraph.\n\nSecond paragraph.",
      translations: { ru: { title: "Региональное отключение", summary: "Сети были отключены." } },
      status: "PUBLISHED",
      verification: "CONFIRMED_BY_OPERATOR",
      startsAt: new Date("2022-01-03T18:00:00Z"),
      startPrecision: "DAY",
      endsAt: new Date("2022-01-11T02:15:00Z"),
      endPrecision: "HOUR",
      scope: "REGIONAL",
      type: "FULL_BLACKOUT",
      services: ["WHATSAPP", "TELEGRAM"],
      servicesOther: "Periscope",
      cause: "PROTEST",
      causeDetails: "Fuel-price protests.",
      govJustification: "NATIONAL_SECURITY",
      legalBasis: 'Article 41-1 of the Law "On Communications".',
      firstPublishedAt: now,
    });
    const slugs = (links: { operator: { slug: string } }[]) => links.map((link) => link.operator.slug).sort();
    const regionSlugs = (links: { region: { slug: string } }[]) => links.map((link) => link.region.slug).sort();
    expect(slugs(stored.operators)).toEqual(["beeline", "kcell"]);
    expect(regionSlugs(stored.regions)).toEqual(["almaty-city", "mangystau"]);

    // Phases keep their order as positions, with their own operators and regions.
    expect(stored.phases.map((phase) => [phase.position, phase.label, phase.type, phase.extent])).toEqual([
      [0, "Messengers blocked", "SERVICE_BLOCKING", "PARTIAL"],
      [1, "Full blackout", "FULL_BLACKOUT", "FULL"],
    ]);
    const [first, second] = stored.phases;
    expect(first).toMatchObject({
      translations: { ru: { label: "Блокировка мессенджеров" } },
      description: null,
      startsAt: new Date("2022-01-03T18:00:00Z"),
      endsAt: null,
      endPrecision: null,
      services: ["WHATSAPP"],
    });
    expect(second).toMatchObject({
      description: "Fixed and mobile networks cut.",
      endsAt: new Date("2022-01-10T02:15:00Z"),
      endPrecision: "ESTIMATED",
      services: [],
    });
    expect(slugs(first!.operators)).toEqual(["kcell"]);
    expect(regionSlugs(first!.regions)).toEqual(["mangystau"]);
    expect(slugs(second!.operators)).toEqual(["beeline", "tele2-altel"]);
    expect(regionSlugs(second!.regions)).toEqual(["almaty-city"]);

    // Sources point at the phase whose index they named.
    expect(stored.sources.map((source) => [source.position, source.url, source.phaseId])).toEqual([
      [0, "https://example.org/news/1", null],
      [1, "https://example.org/atlas", second!.id],
      [2, "https://example.org/kcell", first!.id],
    ]);
    expect(stored.sources[0]).toMatchObject({ kind: "NEWS", publishedOn: new Date("2022-01-06T00:00:00Z"), title: null });
    expect(stored.sources[1]).toMatchObject({
      kind: "MEASUREMENT",
      title: "Atlas report",
      publisher: "RIPE Labs",
      archivedUrl: "https://web.archive.org/example",
      quote: "the outage began at 11:15 UTC",
      note: "Measured start.",
      publishedOn: null,
    });
    const sourceId = (position: number) => stored.sources[position]!.id;

    expect(stored.acknowledgements.map((ack) => [ack.position, ack.party, ack.operator?.slug ?? null])).toEqual([
      [0, "OPERATOR", "kcell"],
      [1, "GOVERNMENT", null],
    ]);
    expect(stored.acknowledgements[0]).toMatchObject({
      statement: "Kcell said the restriction was ordered.",
      translations: { ru: { statement: "Kcell сообщил об ограничении." } },
      quote: "по требованию",
      sourceUrl: "https://t.me/example/1",
      madeOn: null,
    });
    expect(stored.acknowledgements[1]).toMatchObject({ madeOn: new Date("2022-01-08T00:00:00Z"), translations: {} });

    // Amounts are BigInt, beyond what an INT column could hold.
    expect(stored.impactEstimates.map((e) => [e.position, e.lowUsd, e.highUsd, e.estimatedBy, e.sourceId])).toEqual([
      [0, 410_000_000n, 429_000_000n, "Top10VPN", null],
      [1, 460_000_000_000n, null, "NetBlocks", sourceId(2)],
    ]);
    expect(stored.impactEstimates[0]).toMatchObject({ note: "About", translations: { ru: { note: "Около" } } });

    // A source named twice is linked once.
    expect(stored.discrepancies.map((d) => [d.position, d.topic, d.sources.map((link) => link.sourceId).sort((a, b) => a - b)])).toEqual([
      [0, "DATES", [sourceId(0), sourceId(2)]],
      [1, "OTHER", []],
    ]);
    expect(stored.discrepancies[0]).toMatchObject({
      description: "Sources disagree on the start.",
      resolution: "We record the measured time.",
      translations: { ru: { description: "Источники расходятся." } },
    });
  });

  it("stores and reads back every field of the field tables, and edits of a text in every record", async () => {
    for (const input of EVERY_FIELD_INCIDENTS) {
      const created = await createIncident({ caller: SYSTEM, input: { ...input, slug: uniqueSlug(input.slug) } });
      const stored = (await readIncidentState(getDb(), created.id))!;
      const expected = toSnapshot(ZIncidentInput.parse({ ...input, slug: created.slug }));
      expect(stored.snapshot, input.slug).toEqual(expected);

      // Every record's texts changed at once: each column is written by an update too.
      const edited = structuredClone(stored.snapshot);
      edited.title = `${edited.title} (edited)`;
      for (const list of [edited.phases, edited.sources, edited.acknowledgements, edited.impactEstimates, edited.discrepancies]) {
        for (const item of list ?? []) {
          const texts = item as Record<string, unknown>;
          for (const field of ["label", "publisher", "statement", "estimatedBy", "description"]) if (typeof texts[field] === "string") texts[field] = `${texts[field]} (edited)`;
        }
      }
      await updateIncident({ caller: SYSTEM, id: created.id, baseVersion: created.version, input: edited });
      expect((await readIncidentState(getDb(), created.id))!.snapshot, input.slug).toEqual(edited);
    }
  });

  it("applies the schema's defaults to a minimal draft and sets firstPublishedAt only when published", async () => {
    const draft = await createTestIncident({ status: "DRAFT" });
    const inReview = await createTestIncident({ status: "IN_REVIEW" });
    const published = await createTestIncident({}, { now: new Date("2025-02-03T04:05:06Z") });

    expect(draft.firstPublishedAt).toBeNull();
    expect(inReview.firstPublishedAt).toBeNull();
    expect(published.firstPublishedAt).toEqual(new Date("2025-02-03T04:05:06Z"));

    const stored = await getDb().incident.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ status: "DRAFT", body: "", translations: {}, services: [], servicesOther: null, legalBasis: null });
  });

  it("reports unknown operators and regions by the path that names them", async () => {
    const issues = await validationIssues(
      buildIncidentInput({
        operators: ["kcell", "no-such-operator"],
        regions: ["atlantis"],
        scope: "REGIONAL",
        phases: [
          {
            label: "Phase",
            type: "FULL_BLACKOUT",
            startsAt: "2022-01-05T11:15:00Z",
            startPrecision: "EXACT",
            operators: ["beeline"],
            regions: ["almaty-city"],
          },
          {
            label: "Phase with unknown references",
            type: "FULL_BLACKOUT",
            startsAt: "2022-01-05T11:15:00Z",
            startPrecision: "EXACT",
            operators: ["ghost-telecom"],
            regions: ["lemuria"],
          },
        ],
        acknowledgements: [{ party: "OPERATOR", operator: "phantom", statement: "We did nothing." }],
      }),
    );

    expect(issues).toEqual({
      operators: [incidentIssue("unknown_operator", { value: "no-such-operator" })],
      regions: [incidentIssue("unknown_region", { value: "atlantis" })],
      "phases.1.operators": [incidentIssue("unknown_operator", { value: "ghost-telecom" })],
      "phases.1.regions": [incidentIssue("unknown_region", { value: "lemuria" })],
      "acknowledgements.0.operator": [incidentIssue("unknown_operator", { value: "phantom" })],
    });
  });

  it("rejects a slug that another incident already uses", async () => {
    const existing = await createTestIncident();

    const issues = await validationIssues(buildIncidentInput({ slug: existing.slug, title: "A different incident" }));

    expect(issues).toEqual({ slug: ["slug_taken"] });
    expect(await getDb().incident.count({ where: { slug: existing.slug } })).toBe(1);
    expect((await getDb().incident.findUniqueOrThrow({ where: { slug: existing.slug } })).title).toBe("Nationwide internet blackout");
  });

  it("reports schema violations by path", async () => {
    const endBeforeStart = await validationIssues(
      buildIncidentInput({ startsAt: "2022-01-05T00:00:00Z", endsAt: "2022-01-04T00:00:00Z", endPrecision: "DAY", phases: [] }),
    );
    expect(endBeforeStart).toEqual({ endsAt: ["end_before_start"] });

    const phaseOutOfRange = await validationIssues(
      buildIncidentInput({ sources: [{ kind: "NEWS", url: "https://example.org/a", publisher: "Example", phase: 1 }] }),
    );
    expect(phaseOutOfRange).toEqual({ "sources.0.phase": ["no_such_phase"] });

    const regionalWithoutRegions = await validationIssues(buildIncidentInput({ scope: "REGIONAL", regions: [] }));
    expect(regionalWithoutRegions).toEqual({ regions: ["region_required"] });

    const longUrl = await validationIssues(
      buildIncidentInput({ sources: [{ kind: "NEWS", url: `https://example.org/${"a".repeat(3000)}`, publisher: "Example" }] }),
    );
    expect(Object.keys(longUrl)).toEqual(["sources.0.url"]);
  });

  it("keeps whether the period follows the phases, and refuses a period that does not when it should", async () => {
    // The factory's incident has one phase with exactly its period.
    const following = await createIncident({ caller: SYSTEM, input: buildIncidentInput({ periodFromPhases: true }) });
    expect(await getDb().incident.findUniqueOrThrow({ where: { id: following.id }, select: { periodFromPhases: true } })).toEqual({ periodFromPhases: true });
    expect((await readIncidentState(getDb(), following.id))!.snapshot.periodFromPhases).toBe(true);

    const byHand = await createIncident({ caller: SYSTEM, input: buildIncidentInput() });
    expect((await readIncidentState(getDb(), byHand.id))!.snapshot).not.toHaveProperty("periodFromPhases");

    // The phase keeps the factory's six hours; the incident claims a day more.
    const longer = await validationIssues({ ...buildIncidentInput({ periodFromPhases: true }), endsAt: "2022-01-06T17:15:00Z" });
    expect(longer).toEqual({ endsAt: ["end_follows_phases"] });
  });

  it("writes nothing when input is rejected", async () => {
    const before = await incidentRowCounts();
    const slugs: [string, string] = [uniqueSlug(), uniqueSlug()];

    await validationIssues(buildIncidentInput({ ...fullIncident(), slug: slugs[0], operators: ["no-such-operator"] }));
    const longUrl = fullIncident();
    longUrl.slug = slugs[1];
    longUrl.sources![2]!.url = `https://example.org/${"a".repeat(3000)}`;
    expect(Object.keys(await validationIssues(longUrl))).toEqual(["sources.2.url"]);

    expect(await incidentRowCounts()).toEqual(before);
    expect(await getDb().incident.count({ where: { slug: { in: slugs } } })).toBe(0);
  });

  it("rolls back everything when the database rejects a row mid-transaction", async () => {
    // A trigger makes PostgreSQL refuse the last insert of the transaction (a
    // discrepancy), after the incident, its phases, sources, statements and
    // estimates have been written.
    // Triggers are the schema owner's to add: the app role may not.
    await runAsDatabaseOwner(`
      CREATE FUNCTION refuse_discrepancy() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'discrepancies are refused in this test'; END $$`);
    await runAsDatabaseOwner(`CREATE TRIGGER refuse_discrepancy BEFORE INSERT ON discrepancies FOR EACH ROW EXECUTE FUNCTION refuse_discrepancy()`);
    try {
      const input = fullIncident();
      const before = await incidentRowCounts();

      await expect(createIncident({ caller: SYSTEM, input })).rejects.toThrow(/tx\.discrepancy\.create\(\)[\s\S]*discrepancies are refused in this test/);

      expect(await incidentRowCounts()).toEqual(before);
      expect(await getDb().incident.findUnique({ where: { slug: input.slug } })).toBeNull();
    } finally {
      await runAsDatabaseOwner(`DROP TRIGGER refuse_discrepancy ON discrepancies`);
      await runAsDatabaseOwner(`DROP FUNCTION refuse_discrepancy()`);
    }
  });

  it("rejects text PostgreSQL cannot store, with a field error", async () => {
    const input = fullIncident();
    input.discrepancies = [{ topic: "DATES", description: "Broken \u0000 text", sources: [0] }];
    expect(await validationIssues(input)).toEqual({ "discrepancies.0.description": ["nul_character"] });
  });

  it("reports a duplicate slug as a validation error even when two creations race", async () => {
    // Both calls pass the slug check before either transaction commits; the
    // loser then hits the unique index inside its transaction.
    const input = buildIncidentInput();
    const results = await Promise.allSettled([createIncident({ caller: SYSTEM, input }), createIncident({ caller: SYSTEM, input: { ...input, title: "The other copy" } })]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(isAppError(rejected?.reason, "VALIDATION")).toBe(true);
    expect((rejected?.reason as AppError).fieldIssues).toEqual({ slug: ["slug_taken"] });
    expect(await getDb().incident.count({ where: { slug: input.slug } })).toBe(1);
  });
});
