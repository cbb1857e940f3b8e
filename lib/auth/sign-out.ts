import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { getAuth } from "./auth";
import type { Actor } from "./permissions";
import type { RequestOrigin } from "./request-context";

/**
 * Ends the session named by the request's cookie (better-auth deletes the row
 * and, through nextCookies, clears the cookie) and audits it.
 */
export async function signOut(actor: Actor | null, request: RequestOrigin & { authHeaders: Headers }): Promise<void> {
  await getAuth().api.signOut({ headers: request.authHeaders });
  if (actor) {
    await recordAuditEvent({ action: "SIGN_OUT", actorId: actor.id, targetUserId: actor.id, email: actor.email, ip: request.ip, userAgent: request.userAgent });
  }
}
