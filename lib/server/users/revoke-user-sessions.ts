import "server-only";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { ZUserIdInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findUserOrThrow } from "./user-guards";

/** Signs a user out everywhere (every session row goes), e.g. after a lost laptop. */
export async function revokeUserSessions({
  actor,
  userId,
  origin,
}: {
  actor: Actor | null;
  userId: string;
  origin?: RequestOrigin;
}): Promise<{ revoked: number }> {
  const admin = (await requirePermission(actor, "user:manage")) as Actor;
  const input = parseOrThrow(ZUserIdInput, { userId });
  const db = getDb();
  const target = await findUserOrThrow(db, input.userId);
  const revoked = await db.session.count({ where: { userId: target.id } });
  await (await getAuth().$context).internalAdapter.deleteUserSessions(target.id);
  await recordAuditEvent({
    action: "SESSIONS_REVOKED",
    actorId: admin.id,
    targetUserId: target.id,
    email: target.email,
    ip: origin?.ip,
    userAgent: origin?.userAgent,
    details: { sessions: revoked },
  });
  return { revoked };
}
