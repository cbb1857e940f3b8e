import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { can, type Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { STAFF_ROW } from "./staff-row";

export type StaffIncidentFilter = { status?: IncidentStatus; mine?: boolean; query?: string; limit?: number };

/**
 * Incidents in every status for the console. Contributors see their own and
 * published ones; editors see all, archived included when asked.
 */
export async function listStaffIncidents({ caller, filter = {} }: { caller: Caller; filter?: StaffIncidentFilter }) {
  const actor = await requirePermission(caller, "staff:access");
  const conditions: Prisma.IncidentWhereInput[] = [];
  if (actor !== "system" && !can(actor, "incident:review")) {
    conditions.push({ OR: [{ createdById: actor.id }, { status: "PUBLISHED" }] });
  }
  if (filter.status) conditions.push({ status: filter.status });
  else conditions.push({ status: { not: "ARCHIVED" } });
  if (filter.mine && actor !== "system") conditions.push({ createdById: actor.id });
  if (filter.query) {
    conditions.push({ OR: [{ title: { contains: filter.query, mode: "insensitive" } }, { slug: { contains: filter.query, mode: "insensitive" } }] });
  }
  return getDb().incident.findMany({ where: { AND: conditions }, orderBy: { updatedAt: "desc" }, take: filter.limit ?? 200, select: STAFF_ROW });
}
