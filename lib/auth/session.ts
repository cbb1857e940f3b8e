import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth, SESSION_LIFETIME } from "./auth";
import { isRole, type Actor } from "./permissions";
import { isTemporaryPasswordExpired } from "./temporary-password";

/** The signed-in staff member of this request, with the facts about their session that pages need. */
export type StaffSession = {
  actor: Actor;
  sessionId: string;
  /** Invited or reset accounts must choose a password before anything else. */
  mustChangePassword: boolean;
};

/** Whether a session signed in at `createdAt` has reached its absolute lifetime, however recently it was used. */
export function sessionOutlivedAbsoluteLifetime(createdAt: Date, now = new Date()): boolean {
  return createdAt.getTime() + SESSION_LIFETIME.absoluteDays * 24 * 60 * 60 * 1000 <= now.getTime();
}

/**
 * Reads the better-auth session named by the cookie in `requestHeaders` (one
 * database read). A deactivated (banned) user, or one whose role this app does
 * not know, has no session. A session older than its absolute lifetime, or one
 * of an account whose temporary password has expired, is ended here and
 * counts as none: better-auth only knows the sliding expiry.
 */
export async function readStaffSession(requestHeaders: Headers, now = new Date()): Promise<StaffSession | null> {
  const result = await getAuth().api.getSession({ headers: requestHeaders });
  if (!result) return null;
  const { user, session } = result;
  if (user.banned || !isRole(user.role)) return null;
  const mustChangePassword = user.mustChangePassword === true;
  if (sessionOutlivedAbsoluteLifetime(new Date(session.createdAt), now) || (mustChangePassword && isTemporaryPasswordExpired(user.temporaryPasswordExpiresAt, now))) {
    await (await getAuth().$context).internalAdapter.deleteSession(session.token);
    return null;
  }
  return {
    actor: { id: user.id, name: user.name, email: user.email, role: user.role },
    sessionId: session.id,
    mustChangePassword,
  };
}

/** The staff session of the current request, read once and shared by everything that asks during the request. */
export const getStaffSession = cache(async (): Promise<StaffSession | null> => readStaffSession(new Headers(await headers())));

/** The signed-in staff member, or null. Server actions pass it to server functions, which check permissions. */
export async function getActor(): Promise<Actor | null> {
  return (await getStaffSession())?.actor ?? null;
}
