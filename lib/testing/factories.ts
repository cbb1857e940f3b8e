import { randomBytes } from "node:crypto";
import { SYSTEM } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import type { IncidentInput } from "@/lib/schemas/incident";
import { createIncident, type CreateIncidentRequest } from "@/lib/server/incidents/create-incident";

/**
 * Test-data builders shared by the integration tests and the Playwright
 * fixtures (e2e/fixtures/create-incident.ts). They build input the way callers
 * write it, so everything still goes through ZIncidentInput and createIncident.
 */

let counter = 0;

const HOUR = 3_600_000;
const DEFAULT_START = "2022-01-05T11:15:00Z";

/** A slug no other call returns, in this process or a parallel one. */
export function uniqueSlug(prefix = "test-incident"): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString("hex")}`;
}

/**
 * A valid, minimal but realistic published incident: a nationwide blackout of
 * six hours with one phase and one source supporting it. It names no operator
 * or region, so it can be created in a database without reference data.
 *
 * Overrides replace top-level fields (a shallow merge). The defaults follow
 * them where the schema ties fields together: the end is six hours after an
 * overridden start (pass `endsAt: undefined` for one with no recorded end, and
 * `endStatus: "ONGOING"` with `lastCheckedOn` for an ongoing one), and the
 * default phase copies the incident's period and type, and affects all of the
 * incident's operators.
 */
export function buildIncidentInput(overrides: Partial<IncidentInput> = {}): IncidentInput {
  const slug = overrides.slug ?? uniqueSlug();
  const startsAt = overrides.startsAt ?? DEFAULT_START;
  const endsAt = "endsAt" in overrides ? overrides.endsAt : new Date(new Date(startsAt).getTime() + 6 * HOUR);
  const endPrecision = "endPrecision" in overrides ? overrides.endPrecision : endsAt === undefined ? undefined : "HOUR";
  const startPrecision = overrides.startPrecision ?? "EXACT";
  const type = overrides.type ?? "FULL_BLACKOUT";

  // The default phase affects the incident's operators, if it names any (decision 0013: only marked or named phases count for an operator).
  const phases = overrides.phases ?? [
    {
      label: "Nationwide blackout",
      type,
      extent: "FULL",
      startsAt,
      startPrecision,
      endsAt,
      endPrecision,
      ...(endsAt === undefined && overrides.endStatus === "ONGOING" ? { endStatus: "ONGOING" as const } : {}),
      ...((overrides.operators ?? []).length > 0 ? { allOperators: true } : {}),
    },
  ];
  const sources = overrides.sources ?? [
    {
      kind: "MEASUREMENT",
      url: `https://example.org/reports/${slug}`,
      title: "Measurement report",
      publisher: "Example Observatory",
      ...(phases.length > 0 ? { phase: 0 } : {}),
    },
  ];

  return {
    title: "Nationwide internet blackout",
    summary: "Fixed and mobile networks across Kazakhstan were cut for about six hours.",
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    scope: "NATIONAL",
    cause: "UNREST",
    ...overrides,
    slug,
    startsAt,
    startPrecision,
    endsAt,
    endPrecision,
    type,
    phases,
    sources,
  };
}

/** Builds an incident (see buildIncidentInput) and creates it with createIncident; returns the created row. */
export async function createTestIncident(
  overrides: Partial<IncidentInput> = {},
  options: { db?: Database; now?: Date; caller?: CreateIncidentRequest["caller"] } = {},
) {
  return createIncident({ ...options, caller: options.caller ?? SYSTEM, input: buildIncidentInput(overrides) });
}

