import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { authorIdOf, SYSTEM, type Caller, type Role } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { temporaryPasswordExpiry } from "@/lib/auth/temporary-password";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZCreateUserInput, type CreateUserInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export type CreatedUser = { id: string; email: string; name: string; role: Role };

const emailTaken = () =>
  new AppError("VALIDATION", "A user with this e-mail address already exists.", { fieldIssues: { email: ["email_taken"] } });

/**
 * Creates a staff account with a password, through better-auth (which hashes
 * the password and writes the user and its credential account). The trusted
 * path: the command line and the first-start bootstrap call it with SYSTEM;
 * inviteUser calls it for an administrator. Audited as USER_INVITED.
 */
export async function createUser({
  caller,
  input,
  origin,
}: {
  caller: Caller;
  input: CreateUserInput;
  origin?: RequestOrigin;
}): Promise<CreatedUser> {
  const admin = await requirePermission(caller, "user:manage");
  const { email, name, role, password, mustChangePassword } = parseOrThrow(ZCreateUserInput, input);
  const db = getDb();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();

  let created;
  try {
    // No headers: a server-side call, authorised above rather than by a session.
    ({ user: created } = await getAuth().api.createUser({
      body: {
        email,
        name,
        role,
        password,
        data: { mustChangePassword, temporaryPasswordExpiresAt: mustChangePassword ? temporaryPasswordExpiry() : null, emailVerified: true },
      },
    }));
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") throw emailTaken();
    throw error;
  }

  await recordAuditEvent({
    action: "USER_INVITED",
    actorId: authorIdOf(admin),
    targetUserId: created.id,
    email,
    ip: origin?.ip,
    userAgent: origin?.userAgent,
    details: { role, temporaryPassword: mustChangePassword, by: admin === SYSTEM ? "system" : "admin" },
  });
  return { id: created.id, email, name, role };
}
