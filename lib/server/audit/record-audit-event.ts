import "server-only";
import { getDb, type Database } from "@/lib/db/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEventInput = {
  action: AuditAction;
  actorId?: string | null;
  email?: string | null;
  targetUserId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Prisma.InputJsonObject;
};

/**
 * Appends one event to the audit log. The time is the database's, in UTC.
 * Pass a transaction client as `db` to write the event with the change it records.
 * A step of the server functions that record what they did (and of sign-in
 * and sign-out): it checks no permission, and its actor is the event's.
 */
export async function recordAuditEvent({ db = getDb(), ...event }: AuditEventInput & { db?: Database | Prisma.TransactionClient }) {
  await db.auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actorId ?? null,
      email: event.email ?? null,
      targetUserId: event.targetUserId ?? null,
      ip: event.ip ?? null,
      userAgent: event.userAgent?.slice(0, 500) ?? null,
      details: event.details ?? {},
    },
  });
}
