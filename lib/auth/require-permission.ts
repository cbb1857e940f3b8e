import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordPermissionDenial } from "@/lib/server/audit/record-permission-denial";
import { can, SYSTEM, type Actor, type Caller, type IncidentResource, type Permission } from "./permissions";
import { requestOriginIfAny } from "./request-context";
import { isTemporaryPasswordExpired } from "./temporary-password";

/** Why a signed-in caller with the right role is still refused: their account must choose a password first. */
export type AccountStateRefusal = "password_change_required" | "temporary_password_expired";

/**
 * The one server-side permission check. Server functions call it before they
 * read anything the caller asked about; it returns the caller when allowed.
 * Otherwise it records the denial in the audit log (anonymous denials within
 * the limits of recordPermissionDenial) and throws UNAUTHENTICATED (no actor)
 * or FORBIDDEN.
 *
 * It also reads the caller's account: an account that still holds a temporary
 * password (invited, or reset by an administrator) may do nothing but choose
 * its own password ("account:password"), whichever page or server action it
 * comes through, and one whose temporary password has expired may not even do
 * that. Such refusals are FORBIDDEN with `details.reason` (AccountStateRefusal)
 * and are not audited: they are the expected way to the password form.
 *
 * It returns the caller it was given, narrowed: a server function that takes
 * only a person (`Actor | null`) gets an Actor back, one that also takes
 * SYSTEM gets `Actor | SYSTEM`.
 */
export async function requirePermission(caller: Actor | null, permission: Permission, incident?: IncidentResource & { id?: number }): Promise<Actor>;
export async function requirePermission(caller: Caller, permission: Permission, incident?: IncidentResource & { id?: number }): Promise<Actor | typeof SYSTEM>;
export async function requirePermission(
  caller: Caller,
  permission: Permission,
  incident?: IncidentResource & { id?: number },
): Promise<Actor | typeof SYSTEM> {
  if (caller === SYSTEM) return SYSTEM;
  if (!can(caller, permission, incident)) {
    await recordPermissionDenial({ caller, permission, incidentId: incident?.id, origin: await requestOriginIfAny() });
    if (!caller) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
    throw new AppError("FORBIDDEN", "Your role does not allow this.");
  }
  const refusal = await accountStateRefusal(caller!, permission);
  if (refusal === "temporary_password_expired") {
    throw new AppError("FORBIDDEN", "Your temporary password has expired. Ask an administrator for a new one.", { details: { reason: refusal } });
  }
  if (refusal === "password_change_required") {
    throw new AppError("FORBIDDEN", "Choose your own password first.", { details: { reason: refusal } });
  }
  return caller!;
}

async function accountStateRefusal(actor: Actor, permission: Permission): Promise<AccountStateRefusal | null> {
  const account = await getDb().user.findUnique({
    where: { id: actor.id },
    select: { mustChangePassword: true, temporaryPasswordExpiresAt: true },
  });
  if (!account?.mustChangePassword) return null;
  if (isTemporaryPasswordExpired(account.temporaryPasswordExpiresAt)) return "temporary_password_expired";
  return permission === "account:password" ? null : "password_change_required";
}
