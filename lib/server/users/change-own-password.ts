import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/permissions";
import { passwordCheckLimiter } from "@/lib/auth/password-check-limit";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZChangeOwnPasswordInput, type ChangeOwnPasswordInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * A signed-in user replaces their password (also the required step after an
 * invitation or a reset; the one step requirePermission allows an account with
 * a temporary password). The current password must be given; better-auth
 * verifies and hashes. Each check of it takes a point from the account's limit
 * (PASSWORD_CHECK_LIMIT, lib/auth/password-check-limit.ts) first, and a wrong or refused one is audited as
 * PASSWORD_CHANGE_FAILED. Every other session of the user ends; the one named
 * by `keepSessionId` (the browser doing this) stays signed in.
 *
 * Throws VALIDATION (field issues), RATE_LIMITED (details.retryAfterSeconds),
 * or FORBIDDEN when the temporary password has expired.
 */
export async function changeOwnPassword({
  caller,
  input,
  keepSessionId,
  origin,
}: {
  /** A person: SYSTEM has no password of its own. */
  caller: Actor | null;
  input: ChangeOwnPasswordInput;
  keepSessionId?: string;
  origin?: RequestOrigin;
}): Promise<void> {
  const user = await requirePermission(caller, "account:password");
  const { currentPassword, newPassword } = parseOrThrow(ZChangeOwnPasswordInput, input);
  const refused = (reason: "wrong_current_password" | "too_many_attempts") =>
    recordAuditEvent({
      action: "PASSWORD_CHANGE_FAILED",
      actorId: user.id,
      targetUserId: user.id,
      email: user.email,
      ip: origin?.ip,
      userAgent: origin?.userAgent,
      details: { reason },
    });

  const limiter = passwordCheckLimiter();
  try {
    await limiter.consume(user.id);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    await refused("too_many_attempts");
    const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `Too many wrong current passwords. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, {
      details: { retryAfterSeconds },
    });
  }
  const context = await getAuth().$context;
  const account = await context.internalAdapter.findCredentialAccount(user.id);
  if (!account?.password || !(await context.password.verify({ hash: account.password, password: currentPassword }))) {
    await refused("wrong_current_password");
    throw new AppError("VALIDATION", "The current password is wrong.", { fieldIssues: { currentPassword: ["wrong_password"] } });
  }
  await limiter.delete(user.id);
  await context.internalAdapter.updatePassword(user.id, await context.password.hash(newPassword));
  const db = getDb();
  await db.user.update({ where: { id: user.id }, data: { mustChangePassword: false, temporaryPasswordExpiresAt: null } });
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
