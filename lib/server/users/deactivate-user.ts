import "server-only";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZUserIdInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertAnotherActiveAdmin, findUserOrThrow, isActiveAdmin, lockUserAdministration } from "./user-guards";

/**
 * Deactivates an account (better-auth's ban: it can no longer sign in) and ends
 * all its sessions. Nothing is deleted: the user's incidents and revisions keep
 * their author. An administrator cannot deactivate themselves, and the last
 * active administrator cannot be deactivated.
 */
export async function deactivateUser({
  actor,
  userId,
  origin,
}: {
  actor: Actor | null;
  userId: string;
  origin?: RequestOrigin;
}): Promise<{ changed: boolean }> {
  const admin = (await requirePermission(actor, "user:manage")) as Actor;
  const input = parseOrThrow(ZUserIdInput, { userId });
  const result = await getDb().$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const target = await findUserOrThrow(tx, input.userId);
    if (target.id === admin.id) throw new AppError("CONFLICT", "You cannot deactivate your own account.", { details: { reason: "self_deactivation" } });
    if (target.banned) return { changed: false };
    if (isActiveAdmin(target)) {
      await assertAnotherActiveAdmin(tx, target.id, "This is the last active administrator and cannot be deactivated.");
    }
    await tx.user.update({ where: { id: target.id }, data: { banned: true, banReason: "Deactivated by an administrator", banExpires: null } });
    await recordAuditEvent(
      { action: "USER_DEACTIVATED", actorId: admin.id, targetUserId: target.id, email: target.email, ip: origin?.ip, userAgent: origin?.userAgent },
      { db: tx },
    );
    return { changed: true };
  });
  // Also after a repeated request: a deactivated user must hold no session.
  await (await getAuth().$context).internalAdapter.deleteUserSessions(input.userId);
  return result;
}
