import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZChangeUserRoleInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEvent, assertAnotherActiveAdmin, findUserOrThrow, isActiveAdmin, lockUserAdministration, type AccountAdministration } from "./user-guards";

/**
 * Gives a user another role, audited as ROLE_CHANGED with { from, to }. An
 * administrator cannot demote themselves, and the last active administrator
 * cannot be demoted. Sessions stay: every request reads the role afresh.
 */
export async function changeUserRole(request: AccountAdministration & { role: Role }): Promise<{ changed: boolean }> {
  const admin = await requirePermission(request.caller, "user:manage");
  const { userId, role } = parseOrThrow(ZChangeUserRoleInput, { userId: request.userId, role: request.role });
  return getDb().$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const target = await findUserOrThrow(tx, userId);
    if (target.role === role) return { changed: false };
    if (role !== "admin" && target.id === admin.id) {
      throw new AppError("CONFLICT", "You cannot take away your own administrator role. Ask another administrator.", {
        details: { reason: "self_demotion" },
      });
    }
    if (role !== "admin" && isActiveAdmin(target)) {
      await assertAnotherActiveAdmin(tx, { exceptUserId: target.id, message: "This is the last active administrator; make someone else an administrator first." });
    }
    await tx.user.update({ where: { id: target.id }, data: { role } });
    await recordAuditEvent({ ...accountEvent("ROLE_CHANGED", { admin, target, origin: request.origin, details: { from: target.role, to: role } }), db: tx });
    return { changed: true };
  });
}
