import { can } from "@/lib/auth/permissions";
import { getStaffSession } from "@/lib/auth/session";
import type { StaffMe } from "@/lib/auth/staff-me";

export const dynamic = "force-dynamic";

/**
 * GET /api/staff/me: whether the request carries a staff session. Public
 * pages are the same for everybody and shared caches keep them, so whatever
 * is shown to staff only (the command lines that load measurements) is asked
 * for from the browser, here, with an answer no cache may keep.
 */
export async function GET() {
  const session = await getStaffSession();
  const body: StaffMe = { staff: session !== null, canImport: session !== null && can(session.actor, "import:run") };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
