import "server-only";
import { SESSION_LIFETIME } from "@/lib/auth/auth";
import { isRole, type Caller, type Role } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";

export type StaffUser = {
  id: string;
  name: string;
  email: string;
  /** null when the stored role is not one this app knows (such a user cannot sign in to the console). */
  role: Role | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  activeSessions: number;
};

/** Every staff account, administrators first, then by name, with its last sign-in and open sessions. */
export async function listUsers({ caller }: { caller: Caller }): Promise<StaffUser[]> {
  await requirePermission(caller, "user:manage");
  const db = getDb();
  const users = await db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }] });
  const ids = users.map((user) => user.id);
  const now = new Date();
  // Open: neither past the sliding expiry nor the absolute lifetime (lib/auth/session.ts).
  const signedInSince = new Date(now.getTime() - SESSION_LIFETIME.absoluteDays * 24 * 60 * 60 * 1000);
  const [signIns, sessions] = await Promise.all([
    db.auditEvent.groupBy({ by: ["actorId"], where: { action: "SIGN_IN", actorId: { in: ids } }, _max: { at: true } }),
    db.session.groupBy({
      by: ["userId"],
      where: { userId: { in: ids }, expiresAt: { gt: now }, createdAt: { gt: signedInSince } },
      _count: { _all: true },
    }),
  ]);
  const lastSignIn = new Map(signIns.map((row) => [row.actorId, row._max.at]));
  const sessionCount = new Map(sessions.map((row) => [row.userId, row._count._all]));
  const rank = (role: Role | null) => (role === "admin" ? 0 : role === "editor" ? 1 : role === "contributor" ? 2 : 3);
  return users
    .map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: isRole(user.role) ? user.role : null,
      active: !user.banned,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt,
      lastSignInAt: lastSignIn.get(user.id) ?? null,
      activeSessions: sessionCount.get(user.id) ?? 0,
    }))
    .sort((a, b) => rank(a.role) - rank(b.role));
}
