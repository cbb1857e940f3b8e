import "server-only";
import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/errors";
import { ZSignInInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { getAuth } from "./auth";
import type { RequestOrigin } from "./request-context";
import { recordSuccessfulSignIn, takeSignInAttempt } from "./sign-in-rate-limit";
import { isTemporaryPasswordExpired } from "./temporary-password";

export type SignInResult = { userId: string; mustChangePassword: boolean };

/**
 * Why a sign-in failed, as the form explains it. Wrong e-mail and wrong
 * password are one reason on purpose; an expired temporary password is said
 * only once the password matched.
 */
export type SignInFailure = "wrong_credentials" | "deactivated" | "temporary_password_expired";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Signs a staff member in with e-mail and password: the rate limits first
 * (lib/auth/sign-in-rate-limit.ts, including the progressive delay), then
 * better-auth checks the password and creates the session. A temporary
 * password older than 72 hours no longer signs in (the session just made is
 * ended again). `authHeaders` are the request's headers (see headersForAuth);
 * in a server action, better-auth's nextCookies plugin sets the session cookie
 * on the response. Every outcome is audited.
 *
 * Throws VALIDATION (empty fields), RATE_LIMITED (details.retryAfterSeconds) or
 * UNAUTHENTICATED (details.reason: SignInFailure).
 */
export async function signIn(input: unknown, request: RequestOrigin & { authHeaders: Headers }): Promise<SignInResult> {
  const { email, password } = parseOrThrow(ZSignInInput, input);
  const origin = { ip: request.ip, userAgent: request.userAgent };

  const attempt = await takeSignInAttempt({ email, ip: request.ip });
  if (!attempt.allowed) {
    await recordAuditEvent({
      action: "SIGN_IN_THROTTLED",
      email,
      ...origin,
      details: { limit: attempt.limit, retryAfterSeconds: attempt.retryAfterSeconds },
    });
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    throw new AppError("RATE_LIMITED", `Too many sign-in attempts. Try again in ${minutes} minute(s).`, {
      details: { retryAfterSeconds: attempt.retryAfterSeconds },
    });
  }

  await sleep(attempt.delayMs);

  let user;
  let token;
  try {
    ({ user, token } = await getAuth().api.signInEmail({ body: { email, password, rememberMe: true }, headers: request.authHeaders }));
  } catch (error) {
    if (!isAPIError(error)) throw error;
    // better-auth answers BANNED_USER only after the password matched.
    const reason: SignInFailure = error.body?.code === "BANNED_USER" ? "deactivated" : "wrong_credentials";
    await recordAuditEvent({ action: "SIGN_IN_FAILED", email, ...origin, details: { reason } });
    throw new AppError(
      "UNAUTHENTICATED",
      reason === "deactivated" ? "This account is deactivated." : "Wrong e-mail or password.",
      { details: { reason } },
    );
  }

  if (user.mustChangePassword === true && isTemporaryPasswordExpired(user.temporaryPasswordExpiresAt)) {
    const context = await getAuth().$context;
    await context.internalAdapter.deleteSession(token);
    await recordAuditEvent({ action: "SIGN_IN_FAILED", actorId: user.id, targetUserId: user.id, email, ...origin, details: { reason: "temporary_password_expired" } });
    throw new AppError("UNAUTHENTICATED", "This temporary password has expired. Ask an administrator for a new one.", {
      details: { reason: "temporary_password_expired" satisfies SignInFailure },
    });
  }

  await recordSuccessfulSignIn({ email, ip: request.ip });
  await recordAuditEvent({ action: "SIGN_IN", actorId: user.id, targetUserId: user.id, email: user.email, ...origin });
  return { userId: user.id, mustChangePassword: user.mustChangePassword === true };
}
