import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type DatabaseHealth = { status: "up"; latencyMs: number } | { status: "down" };

/** One round trip to PostgreSQL, bounded so a hung server cannot hang the caller. Public: open to every caller (it says up or down, nothing more). */
export async function checkDatabaseHealth({ timeoutMs = 3000 }: { caller: Caller; timeoutMs?: number }): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "down" };
  } finally {
    clearTimeout(timer);
  }
}
