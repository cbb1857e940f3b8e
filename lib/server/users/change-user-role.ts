import "server-only";
import type { Actor, Role } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZChangeUserRoleInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertAnotherActiveAdmin, findUserOrThrow, isActiveAdmin, lockUserAdministration } from "./user-guards";

/**
 * Gives a user another role, audited as ROLE_CHANGED with { from, to }. An
 * administrator cannot demote themselves, and the last active administrator
 * cannot be demoted. Sessions stay: every request reads the role afresh.
 */
export async function changeUserRole({
  actor,
  userId,
  role,
  origin,
}: {
  actor: Actor | null;
  userId: string;
  role: Role;
  origin?: RequestOrigin;
}): Promise<{ changed: boolean }> {
  const admin = (await requirePermission(actor, "user:manage")) as Actor;
  const input = parseOrThrow(ZChangeUserRoleInput, { userId, role });
  return getDb().$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const target = await findUserOrThrow(tx, input.userId);
    if (target.role === input.role) return { changed: false };
    if (input.role !== "admin" && target.id === admin.id) {
      throw new AppError("CONFLICT", "You cannot take away your own administrator role. Ask another administrator.", {
        details: { reason: "self_demotion" },
      });
    }
    if (input.role !== "admin" && isActiveAdmin(target)) {
      await assertAnotherActiveAdmin(tx, target.id, "This is the last active administrator; make someone else an administrator first.");
    }
    await tx.user.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAuditEvent(
      {
        action: "ROLE_CHANGED",
        actorId: admin.id,
        targetUserId: target.id,
        email: target.email,
        ip: origin?.ip,
        userAgent: origin?.userAgent,
        details: { from: target.role, to: input.role },
      },
      { db: tx },
    );
    return { changed: true };
  });
}
