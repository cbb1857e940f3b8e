import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadIncidentDetail } from "./published/detail";

/** Any incident as the public page would render it, for staff who may read it. */
export async function getIncidentPreview({ caller, id, locale }: { caller: Caller; id: number; locale: string }) {
  // Staff only, checked before the look-up: an anonymous caller learns nothing about which ids exist.
  await requirePermission(caller, "staff:access");
  const incident = await getDb().incident.findUnique({ where: { id }, select: { id: true, status: true, version: true, createdById: true } });
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  await requirePermission(caller, "incident:read", incident);
  const detail = await loadIncidentDetail({ where: { id }, locale });
  if (!detail) throw new AppError("NOT_FOUND", "No such incident.");
  return { ...detail, status: incident.status, version: incident.version };
}
