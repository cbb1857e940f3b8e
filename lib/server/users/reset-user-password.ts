import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { clearPasswordCheckLimit } from "@/lib/auth/password-check-limit";
import { clearAccountSignInLimit } from "@/lib/auth/sign-in-rate-limit";
import { generateTemporaryPassword, temporaryPasswordExpiry } from "@/lib/auth/temporary-password";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEvent, beginAccountAdministration, findUserOrThrow, type AccountAdministration } from "./user-guards";

/**
 * Gives a user a new temporary password (shown once to the administrator, to
 * hand over, valid for 72 hours), makes them choose their own at next sign-in,
 * ends their sessions and lifts every sign-in lock on the account, and the
 * limit on its current-password checks. Administrators change their own
 * password on the account page instead.
 */
export async function resetUserPassword(request: AccountAdministration): Promise<{ temporaryPassword: string }> {
  const { admin, userId } = await beginAccountAdministration(request);
  const db = getDb();
  const target = await findUserOrThrow(db, userId);
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
  await recordAuditEvent(accountEvent("PASSWORD_RESET", { admin, target, origin: request.origin }));
  return { temporaryPassword };
}
