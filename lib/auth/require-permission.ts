import "server-only";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { can, SYSTEM, type Actor, type Caller, type IncidentResource, type Permission } from "./permissions";

/**
 * The one server-side permission check. Server functions call it first; it
 * returns the caller when allowed, and otherwise records the denial in the
 * audit log and throws UNAUTHENTICATED (no actor) or FORBIDDEN.
 */
export async function requirePermission(
  actor: Caller,
  permission: Permission,
  incident?: IncidentResource & { id?: number },
): Promise<Actor | typeof SYSTEM> {
  if (actor === SYSTEM) return SYSTEM;
  if (can(actor, permission, incident)) return actor!;
  await recordAuditEvent({
    action: "PERMISSION_DENIED",
    actorId: actor?.id ?? null,
    email: actor?.email ?? null,
    details: { permission, role: actor?.role ?? "anonymous", ...(incident?.id === undefined ? {} : { incidentId: incident.id }) },
  });
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  throw new AppError("FORBIDDEN", "Your role does not allow this.");
}
