import "server-only";
import { SYSTEM } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { ZEmail } from "@/lib/schemas/user";
import { createUser } from "./create-user";

/**
 * First start: when ADMIN_EMAIL and ADMIN_PASSWORD are set and no user has
 * that address, creates it as an administrator. Never changes an existing
 * account (so a changed ADMIN_PASSWORD does not reset anybody's password).
 */
export async function createInitialAdmin({ email, password }: { email: string; password: string }): Promise<"created" | "exists"> {
  const normalised = ZEmail.parse(email);
  if (await getDb().user.findUnique({ where: { email: normalised }, select: { id: true } })) return "exists";
  await createUser({ caller: SYSTEM, input: { email: normalised, name: "Administrator", role: "admin", password } });
  return "created";
}
