import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { ZUserIdInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findUserOrThrow, lockUserAdministration } from "./user-guards";

/** Lets a deactivated account sign in again, with its role and password unchanged. */
export async function reactivateUser({
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
  return getDb().$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const target = await findUserOrThrow(tx, input.userId);
    if (!target.banned) return { changed: false };
    await tx.user.update({ where: { id: target.id }, data: { banned: false, banReason: null, banExpires: null } });
    await recordAuditEvent(
      { action: "USER_REACTIVATED", actorId: admin.id, targetUserId: target.id, email: target.email, ip: origin?.ip, userAgent: origin?.userAgent },
      { db: tx },
    );
    return { changed: true };
  });
}
