import "server-only";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { clearAccountSignInLimit } from "@/lib/auth/sign-in-rate-limit";
import { generateTemporaryPassword, temporaryPasswordExpiry } from "@/lib/auth/temporary-password";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZUserIdInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { clearPasswordCheckLimit } from "./change-own-password";
import { findUserOrThrow } from "./user-guards";

/**
 * Gives a user a new temporary password (shown once to the administrator, to
 * hand over, valid for 72 hours), makes them choose their own at next sign-in,
 * ends their sessions and lifts every sign-in lock on the account, and the
 * limit on its current-password checks. Administrators change their own
 * password on the account page instead.
 */
export async function resetUserPassword({
  actor,
  userId,
  origin,
}: {
  actor: Actor | null;
  userId: string;
  origin?: RequestOrigin;
}): Promise<{ temporaryPassword: string }> {
  const admin = (await requirePermission(actor, "user:manage")) as Actor;
  const input = parseOrThrow(ZUserIdInput, { userId });
  const db = getDb();
  const target = await findUserOrThrow(db, input.userId);
  if (target.id === admin.id) throw new AppError("CONFLICT", "Change your own password on your account page.", { details: { reason: "self_reset" } });

  const context = await getAuth().$context;
  const temporaryPassword = generateTemporaryPassword();
  const hash = await context.password.hash(temporaryPassword);
  if (await context.internalAdapter.findCredentialAccount(target.id)) {
    await context.internalAdapter.updatePassword(target.id, hash);
  } else {
    await context.internalAdapter.linkAccount({ userId: target.id, providerId: "credential", accountId: target.id, password: hash });
  }
  await db.user.update({ where: { id: target.id }, data: { mustChangePassword: true, temporaryPasswordExpiresAt: temporaryPasswordExpiry() } });
  await context.internalAdapter.deleteUserSessions(target.id);
  await Promise.all([clearAccountSignInLimit(target.email), clearPasswordCheckLimit(target.id)]);
  await recordAuditEvent({
    action: "PASSWORD_RESET",
    actorId: admin.id,
    targetUserId: target.id,
    email: target.email,
    ip: origin?.ip,
    userAgent: origin?.userAgent,
  });
  return { temporaryPassword };
}
