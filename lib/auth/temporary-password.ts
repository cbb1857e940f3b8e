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
