import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEvent, beginAccountAdministration, findUserOrThrow, lockUserAdministration, type AccountAdministration } from "./user-guards";

/** Lets a deactivated account sign in again, with its role and password unchanged. */
export async function reactivateUser(request: AccountAdministration): Promise<{ changed: boolean }> {
  const { admin, userId } = await beginAccountAdministration(request);
  return getDb().$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const target = await findUserOrThrow(tx, userId);
    if (!target.banned) return { changed: false };
    await tx.user.update({ where: { id: target.id }, data: { banned: false, banReason: null, banExpires: null } });
    await recordAuditEvent({ ...accountEvent("USER_REACTIVATED", { admin, target, origin: request.origin }), db: tx });
    return { changed: true };
  });
}
