import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEvent, beginAccountAdministration, findUserOrThrow, type AccountAdministration } from "./user-guards";

/** Signs a user out everywhere (every session row goes), e.g. after a lost laptop. */
export async function revokeUserSessions(request: AccountAdministration): Promise<{ revoked: number }> {
  const { admin, userId } = await beginAccountAdministration(request);
  const db = getDb();
  const target = await findUserOrThrow(db, userId);
  const revoked = await db.session.count({ where: { userId: target.id } });
  await (await getAuth().$context).internalAdapter.deleteUserSessions(target.id);
  await recordAuditEvent(accountEvent("SESSIONS_REVOKED", { admin, target, origin: request.origin, details: { sessions: revoked } }));
  return { revoked };
}
