import type { Database } from "@/lib/db/client";
import { SYSTEM } from "@/lib/auth/permissions";
import { createIncident } from "@/lib/server/incidents/create-incident";
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
    await createIncident(incident, { db, by: SYSTEM });
    created += 1;
  }
  log(`Seeded ${SEED_OPERATORS.length} operators, ${SEED_REGIONS.length} regions and ${created} new incidents`);
}
