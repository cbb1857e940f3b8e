import { ANONYMOUS } from "@/lib/auth/permissions";
import { checkDatabaseHealth } from "@/lib/server/health/check-database-health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not. For load balancers and uptime checks. */
export async function GET() {
  const database = await checkDatabaseHealth({ caller: ANONYMOUS });
  const ok = database.status === "up";
  return Response.json(
    { status: ok ? "ok" : "unavailable", database, time: new Date().toISOString() },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
