import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor, Permission, Role } from "@/lib/auth/permissions";
import { closeRateLimiters } from "@/lib/auth/rate-limit-store";
import { getDb } from "@/lib/db/client";
import { isAppError, type AppError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { createUser } from "@/lib/server/users/create-user";
import { deactivateUser } from "@/lib/server/users/deactivate-user";
import { inviteUser } from "@/lib/server/users/invite-user";
import { listUsers } from "@/lib/server/users/list-users";
import { reactivateUser } from "@/lib/server/users/reactivate-user";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { revokeUserSessions } from "@/lib/server/users/revoke-user-sessions";
import { createTestActor, createTestUser, TEST_PASSWORD, uniqueEmail } from "@/lib/testing/users";

/**
 * The authorisation matrix: every user-management and audit-log function ×
 * {anonymous, contributor, editor, admin}. Allowed calls succeed; denied calls
 * throw UNAUTHENTICATED (anonymous) or FORBIDDEN, change nothing, and leave a
 * PERMISSION_DENIED row in the audit log naming the caller and the permission.
 * An administrator who still holds a temporary password may only change it:
 * everything else is FORBIDDEN (not audited: it is the way to the password form).
 */

afterAll(closeRateLimiters);
// Every case starts with empty counters, so each anonymous denial is recorded in full
// (the limit on them is tested in lib/server/audit/record-permission-denial.int.test.ts).
beforeEach(async () => {
  await db().rateLimit.deleteMany();
});

const WITH_TEMPORARY_PASSWORD = "admin with a temporary password";
type Caller = "anonymous" | Role | typeof WITH_TEMPORARY_PASSWORD;
const CALLERS: Caller[] = ["anonymous", "contributor", "editor", "admin", WITH_TEMPORARY_PASSWORD];

async function callerOf(kind: Caller): Promise<Actor | null> {
  if (kind === "anonymous") return null;
  if (kind === WITH_TEMPORARY_PASSWORD) {
    const { id, name, email, role } = await createTestUser({ role: "admin", mustChangePassword: true });
    return { id, name, email, role };
  }
  return createTestActor({ role: kind });
}

type Case = {
  name: string;
  permission: Permission;
  allowed: Caller[];
  /** Runs the function as `actor`; `snapshot` returns what a denied call must leave unchanged. */
  run: (actor: Actor | null) => Promise<{ call: () => Promise<unknown>; snapshot: () => Promise<unknown> }>;
};

const db = () => getDb();
const userRow = (id: string) => db().user.findUniqueOrThrow({ where: { id }, include: { accounts: true } });
const ADMIN_ONLY: Caller[] = ["admin"];

const CASES: Case[] = [
  {
    name: "listUsers",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => ({ call: () => listUsers({ caller: actor }), snapshot: async () => null }),
  },
  {
    name: "inviteUser",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => {
      const email = uniqueEmail("invitee");
      return {
        call: () => inviteUser({ caller: actor, input: { email, name: "Invitee", role: "editor" } }),
        snapshot: () => db().user.count({ where: { email } }),
      };
    },
  },
  {
    name: "createUser (with a staff caller)",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => {
      const email = uniqueEmail("created");
      return {
        call: () => createUser({ caller: actor, input: { email, name: "Created", role: "admin", password: TEST_PASSWORD } }),
        snapshot: () => db().user.count({ where: { email } }),
      };
    },
  },
  {
    name: "changeUserRole",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => {
      const target = await createTestUser({ role: "contributor" });
      return { call: () => changeUserRole({ caller: actor, userId: target.id, role: "admin" }), snapshot: () => userRow(target.id) };
    },
  },
  {
    name: "resetUserPassword",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => {
      const target = await createTestUser({ role: "editor" });
      return { call: () => resetUserPassword({ caller: actor, userId: target.id }), snapshot: () => userRow(target.id) };
    },
  },
  {
    name: "deactivateUser",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => {
      const target = await createTestUser({ role: "editor" });
      return { call: () => deactivateUser({ caller: actor, userId: target.id }), snapshot: () => userRow(target.id) };
    },
  },
  {
    name: "reactivateUser",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => {
      const target = await createTestUser({ role: "editor" });
      await db().user.update({ where: { id: target.id }, data: { banned: true } });
      return { call: () => reactivateUser({ caller: actor, userId: target.id }), snapshot: () => userRow(target.id) };
    },
  },
  {
    name: "revokeUserSessions",
    permission: "user:manage",
    allowed: ADMIN_ONLY,
    run: async (actor) => {
      const target = await createTestUser({ role: "editor" });
      await db().session.create({
        data: { id: `s-${target.id}`, token: `t-${target.id}`, userId: target.id, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return {
        call: () => revokeUserSessions({ caller: actor, userId: target.id }),
        snapshot: () => db().session.count({ where: { userId: target.id } }),
      };
    },
  },
  {
    name: "listAuditEvents",
    permission: "audit:read",
    allowed: ADMIN_ONLY,
    run: async (actor) => ({ call: () => listAuditEvents({ caller: actor }), snapshot: async () => null }),
  },
  {
    name: "changeOwnPassword",
    permission: "account:password",
    allowed: ["contributor", "editor", "admin", WITH_TEMPORARY_PASSWORD],
    run: async (actor) => ({
      call: () =>
        changeOwnPassword({
          caller: actor,
          input: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" },
        }),
      snapshot: async () => null,
    }),
  },
];

describe.each(CASES)("$name", ({ permission, allowed, run }) => {
  it.each(CALLERS)("as %s", async (kind) => {
    const actor = await callerOf(kind);
    const { call, snapshot } = await run(actor);
    const lastEventBefore = (await db().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;

    if (allowed.includes(kind)) {
      await expect(call()).resolves.not.toThrow();
      const denials = await db().auditEvent.count({ where: { action: "PERMISSION_DENIED", id: { gt: lastEventBefore } } });
      expect(denials).toBe(0);
      return;
    }

    const before = await snapshot();
    const error = await call().then(
      () => new Error("the call was allowed"),
      (reason: unknown) => reason,
    );
    expect(isAppError(error, kind === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN"), String(error)).toBe(true);
    expect(await snapshot()).toEqual(before);

    if (kind === WITH_TEMPORARY_PASSWORD) {
      expect((error as AppError).details).toEqual({ reason: "password_change_required" });
      expect(await db().auditEvent.count({ where: { action: "PERMISSION_DENIED", id: { gt: lastEventBefore } } })).toBe(0);
      return;
    }
    const denials = await db().auditEvent.findMany({ where: { action: "PERMISSION_DENIED", id: { gt: lastEventBefore } } });
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({
      actorId: actor?.id ?? null,
      email: actor?.email ?? null,
      details: { permission, role: actor?.role ?? "anonymous" },
    });
  });
});
