import "server-only";
import { getLocale } from "next-intl/server";
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getPathname, redirect } from "@/lib/i18n/pathname";
import { REQUEST_PATH_HEADER, safeNextPath } from "./next-path";
import type { Actor, IncidentResource, Permission } from "./permissions";
import { requirePermission, type AccountStateRefusal } from "./require-permission";
import { getStaffSession } from "./session";

/**
 * The gate for staff pages and layouts:
 * - nobody signed in: redirect to the sign-in page in the page's language, with
 *   `next` set to the requested path;
 * - a role that does not allow `permission`: the denial is audited and the page
 *   answers 403 (app/[locale]/(staff)/staff/(console)/forbidden.tsx);
 * - an account that must choose its password first (invited, or reset by an
 *   administrator): redirect to the account page, which shows the form, with
 *   `next` set to the requested path. requirePermission refuses such an
 *   account everything but "account:password", so this holds for every page
 *   and server function, not only for what the layout shows.
 * Returns the actor otherwise. Server actions check again in the server function.
 */
export async function requireStaffPage(permission: Permission, incident?: IncidentResource & { id?: number }): Promise<Actor> {
  const [session, locale, requestHeaders] = await Promise.all([getStaffSession(), getLocale(), headers()]);
  const path = safeNextPath(requestHeaders.get(REQUEST_PATH_HEADER), getPathname({ href: "/staff", locale }));
  if (!session) {
    return redirect({ href: { pathname: "/staff/sign-in", query: { next: path } }, locale });
  }
  try {
    await requirePermission(session.actor, permission, incident);
  } catch (error) {
    if (!isAppError(error, "FORBIDDEN")) throw error;
    const reason = (error.details as { reason?: AccountStateRefusal } | undefined)?.reason;
    if (reason === "password_change_required") return redirect({ href: { pathname: "/staff/account", query: { next: path } }, locale });
    if (reason === "temporary_password_expired") return redirect({ href: { pathname: "/staff/sign-in", query: { next: path } }, locale });
    forbidden();
  }
  return session.actor;
}
