"use server";

import { getLocale } from "next-intl/server";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { safeNextPath } from "@/lib/auth/next-path";
import { currentRequestOrigin } from "@/lib/auth/request-context";
import { getStaffSession } from "@/lib/auth/session";
import { getPathname } from "@/lib/i18n/pathname";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";

export async function changeOwnPasswordAction(_previous: ActionResult<void> | null, formData: FormData): Promise<ActionResult<void>> {
  const [session, origin, locale] = await Promise.all([getStaffSession(), currentRequestOrigin(), getLocale()]);
  const input = {
    currentPassword: String(formData.get("currentPassword") ?? ""),
    newPassword: String(formData.get("newPassword") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
  const result = await runAction(() => changeOwnPassword({ caller: session?.actor ?? null, input, keepSessionId: session?.sessionId, origin }));
  // A temporary password replaced: on to the page that sent the account to the form.
  if (result.ok && session?.mustChangePassword) redirect(safeNextPath(formData.get("next"), getPathname({ href: "/staff", locale })));
  if (result.ok) refresh();
  return result;
}
