import "server-only";
import { rateLimiter } from "./rate-limit-store";

/**
 * Wrong current passwords one account may give on the account page before the
 * check is refused for the rest of the window: a stolen session must not
 * become a way to guess the password it was stolen from.
 */
export const PASSWORD_CHECK_LIMIT = { attempts: 5, windowSeconds: 15 * 60 } as const;

const PASSWORD_CHECK_PREFIX = "password-check";

/** The account page's limiter, keyed by user id (changeOwnPassword takes a point per check). */
export const passwordCheckLimiter = () => rateLimiter(PASSWORD_CHECK_PREFIX, PASSWORD_CHECK_LIMIT.attempts, PASSWORD_CHECK_LIMIT.windowSeconds);

/** Lets the account check its current password again (an administrator's reset). */
export async function clearPasswordCheckLimit(userId: string): Promise<void> {
  await passwordCheckLimiter().delete(userId);
}
