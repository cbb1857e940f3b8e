import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * A one-time password for an invited or reset account, e.g. "k7qpm-x3tfa-9wnhe-2bzrd":
 * 20 characters drawn with the operating system's CSPRNG (about 99 bits), in
 * groups that are easy to read out. The account must replace it at first sign-in.
 */
export function generateTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}

/** How long a temporary password (invitation, reset, `npm run user:create` without --password) signs in. */
export const TEMPORARY_PASSWORD_LIFETIME_HOURS = 72;

/** When a temporary password made at `now` stops working. */
export function temporaryPasswordExpiry(now = new Date()): Date {
  return new Date(now.getTime() + TEMPORARY_PASSWORD_LIFETIME_HOURS * 60 * 60 * 1000);
}

/**
 * Whether an account that must change its password holds a temporary password
 * that has expired. A missing expiry counts as expired: the account then needs
 * a fresh reset rather than keeping a password nobody dated.
 */
export function isTemporaryPasswordExpired(expiresAt: Date | string | null | undefined, now = new Date()): boolean {
  if (expiresAt === null || expiresAt === undefined) return true;
  const time = new Date(expiresAt).getTime();
  return Number.isNaN(time) || time <= now.getTime();
}
