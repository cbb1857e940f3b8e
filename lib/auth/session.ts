import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth } from "./auth";
import { isRole, type Actor } from "./permissions";

/** The signed-in staff member of this request, with the facts about their session that pages need. */
export type StaffSession = {
  actor: Actor;
  sessionId: string;
  /** Invited or reset accounts must choose a password before anything else. */
  mustChangePassword: boolean;
};

/**
 * Reads the better-auth session from the request's cookie (one database read,
 * shared by everything that asks during the same request). A deactivated
 * (banned) user, or one whose role this app does not know, has no session.
 */
export const getStaffSession = cache(async (): Promise<StaffSession | null> => {
  const result = await getAuth().api.getSession({ headers: await headers() });
  if (!result) return null;
  const { user, session } = result;
  if (user.banned || !isRole(user.role)) return null;
  return {
    actor: { id: user.id, name: user.name, email: user.email, role: user.role },
    sessionId: session.id,
    mustChangePassword: user.mustChangePassword === true,
  };
});

/** The signed-in staff member, or null. Server actions pass it to server functions, which check permissions. */
export async function getActor(): Promise<Actor | null> {
  return (await getStaffSession())?.actor ?? null;
}
