import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { AUDIT_PAGE_SIZE, ZAuditLogQuery, type AuditLogQuery } from "@/lib/schemas/audit";

type PersonRef = { id: string; name: string; email: string } | null;

export type AuditLogEntry = {
  id: number;
  at: Date;
  action: AuditAction;
  /** Who acted, when known and still present; actorId stays even if the user is gone. */
  actorId: string | null;
  actor: PersonRef;
  targetUserId: string | null;
  target: PersonRef;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
};

export type AuditLogPage = { entries: AuditLogEntry[]; page: number; pageCount: number; total: number; action?: AuditAction };

/** The audit log, newest first, optionally one action only, one page at a time. Administrators only. */
export async function listAuditEvents({ caller, query = {} }: { caller: Caller; query?: Partial<AuditLogQuery> }): Promise<AuditLogPage> {
  await requirePermission(caller, "audit:read");
  const { action, page } = ZAuditLogQuery.parse(query);
  const db = getDb();
  const where = action ? { action } : {};
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  const ids = [...new Set(rows.flatMap((row) => [row.actorId, row.targetUserId]).filter((id): id is string => id !== null))];
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((user) => [user.id, user]),
  );
  const person = (id: string | null): PersonRef => (id === null ? null : (people.get(id) ?? null));
  return {
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actorId: row.actorId,
      actor: person(row.actorId),
      targetUserId: row.targetUserId,
      target: person(row.targetUserId),
      email: row.email,
      ip: row.ip,
      userAgent: row.userAgent,
      details: row.details !== null && typeof row.details === "object" && !Array.isArray(row.details) ? (row.details as Record<string, unknown>) : {},
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    action,
  };
}
