import "server-only";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZChangeOwnPasswordInput, type ChangeOwnPasswordInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * A signed-in user replaces their password (also the required step after an
 * invitation or a reset). The current password must be given; better-auth
 * verifies and hashes. Every other session of the user ends; the one named by
 * `keepSessionId` (the browser doing this) stays signed in.
 */
export async function changeOwnPassword({
  actor,
  input,
  keepSessionId,
  origin,
}: {
  actor: Actor | null;
  input: ChangeOwnPasswordInput;
  keepSessionId?: string;
  origin?: RequestOrigin;
}): Promise<void> {
  const user = (await requirePermission(actor, "staff:access")) as Actor;
  const { currentPassword, newPassword } = parseOrThrow(ZChangeOwnPasswordInput, input);
  const context = await getAuth().$context;
  const account = await context.internalAdapter.findCredentialAccount(user.id);
  if (!account?.password || !(await context.password.verify({ hash: account.password, password: currentPassword }))) {
    throw new AppError("VALIDATION", "The current password is wrong.", { fieldIssues: { currentPassword: ["wrong_password"] } });
  }
  await context.internalAdapter.updatePassword(user.id, await context.password.hash(newPassword));
  const db = getDb();
  await db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
  const others = await db.session.findMany({
    where: { userId: user.id, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    select: { token: true },
  });
  if (others.length > 0) await context.internalAdapter.deleteSessions(others.map((session) => session.token));
  await recordAuditEvent({
    action: "PASSWORD_CHANGED",
    actorId: user.id,
    targetUserId: user.id,
    email: user.email,
    ip: origin?.ip,
    userAgent: origin?.userAgent,
    details: { otherSessionsEnded: others.length },
  });
}
