import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { ZEmail } from "@/lib/schemas/user";
import { createUser } from "./create-user";

/**
 * First start: when ADMIN_EMAIL and ADMIN_PASSWORD are set and no user has
 * that address, creates it as an administrator. Never changes an existing
 * account (so a changed ADMIN_PASSWORD does not reset anybody's password).
 * The start-up script calls it as SYSTEM.
 */
export async function createInitialAdmin({ caller, email, password }: { caller: Caller; email: string; password: string }): Promise<"created" | "exists"> {
  await requirePermission(caller, "user:manage");
  const normalised = ZEmail.parse(email);
  if (await getDb().user.findUnique({ where: { email: normalised }, select: { id: true } })) return "exists";
  await createUser({ caller, input: { email: normalised, name: "Administrator", role: "admin", password } });
  return "created";
}
