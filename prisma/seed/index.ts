import type { Database } from "@/lib/db/client";
import { SYSTEM } from "@/lib/auth/permissions";
import { diffSnapshots } from "@/lib/incidents/diff";
import { toSnapshot } from "@/lib/incidents/snapshot";
import { ZIncidentInput } from "@/lib/schemas/incident";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { readIncidentState } from "@/lib/server/incidents/read-incident-snapshot";
import { updateIncident } from "@/lib/server/incidents/update-incident";
import { SEED_INCIDENTS } from "./incidents";
import { SEED_OPERATORS, SEED_OTHER_NETWORKS } from "./operators";
import { SEED_REGIONS } from "./regions";

const calendarDate = (value?: string) => (value ? new Date(`${value}T00:00:00Z`) : null);

async function seedOperators(db: Database) {
  for (const { networks, ...operator } of SEED_OPERATORS) {
    const fields = { ...operator, notes: operator.notes ?? null };
    const saved = await db.operator.upsert({ where: { slug: operator.slug }, create: fields, update: {} });
    for (const network of networks) {
      await db.network.upsert({
        where: { asn: network.asn },
        create: { ...network, confidenceNote: network.confidenceNote ?? null, operatorId: saved.id },
        update: {},
      });
    }
  }
  for (const network of SEED_OTHER_NETWORKS) {
    await db.network.upsert({
      where: { asn: network.asn },
      create: { ...network, confidenceNote: network.confidenceNote ?? null },
      update: {},
    });
  }
}

async function seedRegions(db: Database) {
  const ids = new Map<string, number>();
  const created = new Set<string>();
  for (const region of SEED_REGIONS) {
    const fields = {
      slug: region.slug,
      code: region.code,
      codeIsLocal: region.codeIsLocal ?? false,
      kind: region.kind,
      nameEn: region.name.en,
      nameRu: region.name.ru,
      nameKk: region.name.kk,
      centreNameEn: region.centre.en,
      centreNameRu: region.centre.ru,
      centreNameKk: region.centre.kk,
      centreLat: region.centre.lat,
      centreLon: region.centre.lon,
      mapPolygonId: region.mapPolygonId,
      establishedOn: calendarDate(region.establishedOn),
      formerNames: {
        create: (region.formerNames ?? []).map((former) => ({
          nameEn: former.en,
          nameRu: former.ru,
          nameKk: former.kk,
          usedFrom: calendarDate(former.usedFrom),
          usedUntil: calendarDate(former.usedUntil),
        })),
      },
    };
    const existing = await db.region.findUnique({ where: { slug: region.slug }, select: { id: true } });
    if (existing) {
      ids.set(region.slug, existing.id);
    } else {
      ids.set(region.slug, (await db.region.create({ data: fields, select: { id: true } })).id);
      created.add(region.slug);
    }
  }
  // Parents are set once, on creation; later edits by staff stand.
  for (const region of SEED_REGIONS) {
    if (region.parent && created.has(region.slug)) {
      await db.region.update({ where: { slug: region.slug }, data: { parentId: ids.get(region.parent)! } });
    }
  }
}

/** Operators, networks and regions: what every incident refers to. Idempotent. */
export async function seedReferenceData(db: Database) {
  await seedOperators(db);
  await seedRegions(db);
}

/** True once the reference data is in; `npm start` seeds only a database where this is false. */
export async function isDatabaseSeeded(db: Database): Promise<boolean> {
  return (await db.operator.count()) > 0;
}

/**
 * Loads the operators, networks, regions and documented incidents. Safe to run
 * again: existing rows (matched by slug or ASN) are left as staff edited them.
 */
export async function seedDatabase(db: Database, log: (line: string) => void = () => undefined) {
  await seedReferenceData(db);
  let created = 0;
  for (const incident of SEED_INCIDENTS) {
    if (await db.incident.findUnique({ where: { slug: incident.slug }, select: { id: true } })) continue;
    await createIncident({ caller: SYSTEM, input: incident, db });
    created += 1;
  }
  log(`Seeded ${SEED_OPERATORS.length} operators, ${SEED_REGIONS.length} regions and ${created} new incidents`);
}

/** The change note of the reviewed seed, shown in each updated incident's public change log. */
export const REVIEWED_SEED_NOTE =
  "Reviewed against the sources (December 2026): ends are recorded as known, open or not recorded; phases name the operators and regions the sources support; the figures count only what the sources support.";

/**
 * Brings an existing database's seeded incidents up to the reviewed seed
 * (`npm run db:seed -- --update-reviewed`, decision 0013). An incident is
 * updated, as a new version with REVIEWED_SEED_NOTE, only when nobody has
 * edited it since it was seeded: every revision has no author (the seed or a
 * command line) and the stored record is still its latest revision. Anything
 * staff touched is left alone and named in the log, for an editor to compare
 * by hand. Missing seed incidents are created by seedDatabase first.
 */
export async function updateReviewedIncidents(db: Database, log: (line: string) => void = () => undefined): Promise<{ updated: string[]; skipped: string[] }> {
  const updated: string[] = [];
  const skipped: string[] = [];
  for (const incident of SEED_INCIDENTS) {
    const row = await db.incident.findUnique({
      where: { slug: incident.slug },
      select: { id: true, version: true, revisions: { select: { authorId: true, snapshot: true }, orderBy: { version: "desc" } } },
    });
    if (!row) continue;
    const state = await readIncidentState(db, row.id);
    const latest = row.revisions[0];
    // Revisions stored before end statuses existed parse to the same statuses the migration gave the rows.
    const parsedLatest = latest ? ZIncidentInput.safeParse({ ...(latest.snapshot as object), status: state!.status }) : null;
    const untouched =
      row.revisions.every((revision) => revision.authorId === null) &&
      parsedLatest?.success === true &&
      diffSnapshots(toSnapshot(parsedLatest.data), state!.snapshot).length === 0;
    if (!untouched) {
      skipped.push(incident.slug);
      log(`Left ${incident.slug} as it is: staff have edited it since it was seeded; compare it with prisma/seed/incidents.ts by hand`);
      continue;
    }
    const result = await updateIncident({ caller: SYSTEM, id: row.id, baseVersion: row.version, input: incident, note: REVIEWED_SEED_NOTE, db });
    if (result.changed) {
      updated.push(incident.slug);
      log(`Updated ${incident.slug} to the reviewed seed (version ${result.version})`);
    }
  }
  log(`Reviewed seed: ${updated.length} incident(s) updated, ${skipped.length} left for staff`);
  return { updated, skipped };
}
