import { existsSync } from "node:fs";
import { isAppError } from "@/lib/errors";
import { shutdown } from "@/lib/process/shutdown";

export const log = (line: string) => console.log(`[tracker] ${line}`);

/** Known errors print as one line; unexpected ones keep their stack for the developer. */
export function exitWithError(error: unknown): Promise<never> {
  if (isAppError(error)) console.error(`[tracker] ${error.message}`);
  else console.error(`[tracker] Unexpected error:`, error);
  return shutdown(1);
}

/** Reads .env when there is one (Prisma 7 and these scripts do not otherwise); real environment variables win. */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
