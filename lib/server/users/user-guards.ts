import "server-only";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Database | Prisma.TransactionClient;

/** Advisory lock key serialising role changes and deactivations, so two admins cannot demote each other at once. */
export const USER_ADMINISTRATION_LOCK = 72707370;

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
export async function assertAnotherActiveAdmin(db: Db, userId: string, message: string): Promise<void> {
  const others = await db.user.count({ where: { role: "admin", banned: false, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", message, { details: { reason: "last_admin" } });
}

export const isActiveAdmin = (user: { role: string; banned: boolean | null }) => user.role === "admin" && !user.banned;
