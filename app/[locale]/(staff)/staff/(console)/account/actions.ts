"use server";

import { refresh } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { currentRequestOrigin } from "@/lib/auth/request-context";
import { getStaffSession } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";

export async function changeOwnPasswordAction(_previous: ActionResult<void> | null, formData: FormData): Promise<ActionResult<void>> {
  const [session, origin] = await Promise.all([getStaffSession(), currentRequestOrigin()]);
  const input = {
    currentPassword: String(formData.get("currentPassword") ?? ""),
    newPassword: String(formData.get("newPassword") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
  const result = await runAction(() => changeOwnPassword({ actor: session?.actor ?? null, input, keepSessionId: session?.sessionId, origin }));
  if (result.ok) refresh();
  return result;
}
