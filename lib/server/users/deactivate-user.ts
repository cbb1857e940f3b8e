import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEvent, assertAnotherActiveAdmin, beginAccountAdministration, findUserOrThrow, isActiveAdmin, lockUserAdministration, type AccountAdministration } from "./user-guards";

/**
 * Deactivates an account (better-auth's ban: it can no longer sign in) and ends
 * all its sessions. Nothing is deleted: the user's incidents and revisions keep
 * their author. An administrator cannot deactivate themselves, and the last
 * active administrator cannot be deactivated.
 */
export async function deactivateUser(request: AccountAdministration): Promise<{ changed: boolean }> {
  const { admin, userId } = await beginAccountAdministration(request);
  const result = await getDb().$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const target = await findUserOrThrow(tx, userId);
    if (target.id === admin.id) throw new AppError("CONFLICT", "You cannot deactivate your own account.", { details: { reason: "self_deactivation" } });
    if (target.banned) return { changed: false };
    if (isActiveAdmin(target)) {
      await assertAnotherActiveAdmin(tx, { exceptUserId: target.id, message: "This is the last active administrator and cannot be deactivated." });
    }
    await tx.user.update({ where: { id: target.id }, data: { banned: true, banReason: "Deactivated by an administrator", banExpires: null } });
    await recordAuditEvent({ ...accountEvent("USER_DEACTIVATED", { admin, target, origin: request.origin }), db: tx });
    return { changed: true };
  });
  // Also after a repeated request: a deactivated user must hold no session.
  await (await getAuth().$context).internalAdapter.deleteUserSessions(userId);
  return result;
}
