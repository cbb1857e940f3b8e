import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The file that holds the generated session-signing secret when BETTER_AUTH_SECRET is unset. */
export const authSecretFile = (dataDir: string) => path.join(path.resolve(dataDir), "auth-secret");

/**
 * Reads <dataDir>/auth-secret, creating it (mode 600, 48 random bytes) the
 * first time. Creation uses the exclusive flag, so two processes starting at
 * once agree on one secret.
 */
export function ensureAuthSecret(dataDir: string): { secret: string; created: boolean } {
  const file = authSecretFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  let created = false;
  try {
    writeFileSync(file, `${randomBytes(48).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one.`);
  return { secret, created };
}
