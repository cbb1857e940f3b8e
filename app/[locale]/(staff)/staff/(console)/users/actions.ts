"use server";

import { refresh } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import type { Role } from "@/lib/auth/permissions";
import { currentRequestOrigin } from "@/lib/auth/request-context";
import { getActor } from "@/lib/auth/session";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { deactivateUser } from "@/lib/server/users/deactivate-user";
import { inviteUser } from "@/lib/server/users/invite-user";
import { reactivateUser } from "@/lib/server/users/reactivate-user";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { revokeUserSessions } from "@/lib/server/users/revoke-user-sessions";

/*
 * Thin actions for the users page: who is asking, then one server function,
 * which checks `user:manage` and validates. They take FormData so the forms
 * work without JavaScript; the previous state is not used.
 */

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

async function run<T>(work: (context: { actor: Awaited<ReturnType<typeof getActor>>; origin: Awaited<ReturnType<typeof currentRequestOrigin>> }) => Promise<T>) {
  const [actor, origin] = await Promise.all([getActor(), currentRequestOrigin()]);
  const result = await runAction(() => work({ actor, origin }));
  if (result.ok) refresh();
  return result;
}

export type InviteUserState = ActionResult<{ email: string; temporaryPassword: string }> & { values?: Record<string, string> };

export async function inviteUserAction(_previous: InviteUserState | null, formData: FormData): Promise<InviteUserState> {
  const input = { email: field(formData, "email"), name: field(formData, "name"), role: field(formData, "role") as Role };
  const result = await run(async ({ actor, origin }) => {
    const { user, temporaryPassword } = await inviteUser({ caller: actor, input, origin });
    return { email: user.email, temporaryPassword };
  });
  return result.ok ? result : { ...result, values: input };
}

export async function changeUserRoleAction(_previous: ActionResult<{ changed: boolean }> | null, formData: FormData) {
  return run(({ actor, origin }) => changeUserRole({ caller: actor, userId: field(formData, "userId"), role: field(formData, "role") as Role, origin }));
}

export async function resetUserPasswordAction(_previous: ActionResult<{ temporaryPassword: string }> | null, formData: FormData) {
  return run(({ actor, origin }) => resetUserPassword({ caller: actor, userId: field(formData, "userId"), origin }));
}

export async function deactivateUserAction(_previous: ActionResult<{ changed: boolean }> | null, formData: FormData) {
  return run(({ actor, origin }) => deactivateUser({ caller: actor, userId: field(formData, "userId"), origin }));
}

export async function reactivateUserAction(_previous: ActionResult<{ changed: boolean }> | null, formData: FormData) {
  return run(({ actor, origin }) => reactivateUser({ caller: actor, userId: field(formData, "userId"), origin }));
}

export async function revokeUserSessionsAction(_previous: ActionResult<{ revoked: number }> | null, formData: FormData) {
  return run(({ actor, origin }) => revokeUserSessions({ caller: actor, userId: field(formData, "userId"), origin }));
}
