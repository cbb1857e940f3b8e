import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { generateTemporaryPassword } from "@/lib/auth/temporary-password";
import { ZInviteUserInput, type InviteUserInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { createUser, type CreatedUser } from "./create-user";

/**
 * An administrator creates an account for a colleague with a role and a random
 * temporary password, which the page shows once to hand over (there is no
 * e-mail; decision record 0004). The colleague must choose a new password at
 * first sign-in.
 */
export async function inviteUser({
  caller,
  input,
  origin,
}: {
  caller: Caller;
  input: InviteUserInput;
  origin?: RequestOrigin;
}): Promise<{ user: CreatedUser; temporaryPassword: string }> {
  await requirePermission(caller, "user:manage");
  const { email, name, role } = parseOrThrow(ZInviteUserInput, input);
  const temporaryPassword = generateTemporaryPassword();
  const user = await createUser({
    caller,
    input: { email, name, role, password: temporaryPassword, mustChangePassword: true },
    origin,
  });
  return { user, temporaryPassword };
}
