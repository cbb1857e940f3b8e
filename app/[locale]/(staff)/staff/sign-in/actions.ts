"use server";

import { getLocale } from "next-intl/server";
import { redirect as redirectTo } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { safeNextPath } from "@/lib/auth/next-path";
import { currentRequestOrigin, headersForAuth } from "@/lib/auth/request-context";
import { getActor } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { signOut } from "@/lib/auth/sign-out";
import { getPathname, redirect } from "@/lib/i18n/pathname";

/** What the sign-in form shows after a refused attempt. The password is never sent back. */
export type SignInFormState = { result: ActionResult<unknown> | null; email: string };

export async function signInAction(_previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const email = String(formData.get("email") ?? "");
  const [origin, authHeaders, locale] = await Promise.all([currentRequestOrigin(), headersForAuth(), getLocale()]);
  const result = await runAction(() => signIn({ email, password: formData.get("password") }, { ...origin, authHeaders }));
  if (!result.ok) return { result, email };
  // A temporary password: straight to the account page to replace it.
  if (result.data.mustChangePassword) redirect({ href: "/staff/account", locale });
  redirectTo(safeNextPath(formData.get("next"), getPathname({ href: "/staff", locale })));
}

export async function signOutAction(): Promise<void> {
  const [actor, origin, authHeaders, locale] = await Promise.all([getActor(), currentRequestOrigin(), headersForAuth(), getLocale()]);
  await signOut(actor, { ...origin, authHeaders });
  redirect({ href: { pathname: "/staff/sign-in", query: { signedOut: "1" } }, locale });
}
