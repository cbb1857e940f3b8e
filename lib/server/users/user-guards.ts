import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { ZUserIdInput } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/parse";
import type { AuditEventInput } from "@/lib/server/audit/record-audit-event";

type Db = Database | Prisma.TransactionClient;

/** Advisory lock key serialising role changes and deactivations, so two admins cannot demote each other at once. */
export const USER_ADMINISTRATION_LOCK = 72707370;

/** What an administrator's action on one account takes: who asks (a person: SYSTEM administers no account), which account, from where. */
export type AccountAdministration = { caller: Actor | null; userId: string; origin?: RequestOrigin };

/** The administrator, once `user:manage` is checked, and the account's id, once it is checked to be one. */
export async function beginAccountAdministration({ caller, userId }: AccountAdministration): Promise<{ admin: Actor; userId: string }> {
  const admin = await requirePermission(caller, "user:manage");
  return { admin, userId: parseOrThrow(ZUserIdInput, { userId }).userId };
}

/** The audit record of an administrator's action on an account. */
export function accountEvent(
  action: AuditAction,
  { admin, target, origin, details }: { admin: Actor; target: { id: string; email: string }; origin?: RequestOrigin; details?: Prisma.InputJsonObject },
): AuditEventInput {
  return { action, actorId: admin.id, targetUserId: target.id, email: target.email, ip: origin?.ip, userAgent: origin?.userAgent, ...(details ? { details } : {}) };
}

/** Holds the user-administration lock until the surrounding transaction ends. */
export async function lockUserAdministration(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_ADMINISTRATION_LOCK}::bigint)`;
}

export async function findUserOrThrow(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

/** Refuses a change that would leave no active administrator. */
export async function assertAnotherActiveAdmin(db: Db, { exceptUserId, message }: { exceptUserId: string; message: string }): Promise<void> {
  const others = await db.user.count({ where: { role: "admin", banned: false, id: { not: exceptUserId } } });
  if (others === 0) throw new AppError("CONFLICT", message, { details: { reason: "last_admin" } });
}

export const isActiveAdmin = (user: { role: string; banned: boolean | null }) => user.role === "admin" && !user.banned;
