import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { signIn } from "@/lib/auth/sign-in";
import { closeRateLimiters } from "@/lib/auth/rate-limit-store";
import { getDb } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
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

afterAll(closeRateLimiters);

const db = () => getDb();
let ipCounter = 0;
/** A distinct documentation address per sign-in, so the per-IP limit never interferes here. */
const request = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest", authHeaders: new Headers() });
const origin = { ip: "192.0.2.7", userAgent: "admin-browser" };

const anAdmin = (): Promise<Actor> => createTestActor({ role: "admin", name: "Ada Admin" });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const sessionsOf = (userId: string) => db().session.count({ where: { userId } });

describe("invitations", () => {
  it("creates an account whose temporary password signs in and must be replaced", async () => {
    const admin = await anAdmin();
    const email = uniqueEmail("Invitee").toUpperCase();
    const { user, temporaryPassword } = await inviteUser({ caller: admin, input: { email, name: "  Ivan Invitee ", role: "editor" }, origin });

    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Ivan Invitee", role: "editor" });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, include: { accounts: true } });
    expect(row.mustChangePassword).toBe(true);
    // better-auth's scrypt hash, never the password itself.
    expect(row.accounts[0]?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(row.accounts[0]?.password).not.toContain(temporaryPassword);

    const signedIn = await signIn({ email: email.toLowerCase(), password: temporaryPassword }, request());
    expect(signedIn).toEqual({ userId: user.id, mustChangePassword: true });
    expect(await sessionsOf(user.id)).toBe(1);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "USER_INVITED", targetUserId: user.id } });
    expect(audit).toMatchObject({ actorId: admin.id, ip: origin.ip, userAgent: origin.userAgent, details: { role: "editor", temporaryPassword: true } });
    expect(JSON.stringify(await db().auditEvent.findMany())).not.toContain(temporaryPassword);
  });

  it("refuses an address that is already taken, and bad input, with field issues", async () => {
    const admin = await anAdmin();
    const existing = await createTestUser();
    const taken = await rejection(inviteUser({ caller: admin, input: { email: existing.email.toUpperCase(), name: "Again", role: "editor" } }));
    expect(taken.code).toBe("VALIDATION");
    expect(taken.fieldIssues).toEqual({ email: ["email_taken"] });

    const invalid = await rejection(inviteUser({ caller: admin, input: { email: "not-an-address", name: "", role: "owner" as "admin" } }));
    expect(invalid.fieldIssues).toEqual({ email: ["invalid_email"], name: ["required"], role: ["invalid_role"] });
  });
});

describe("changing your own password", () => {
  it("requires the current password, clears mustChangePassword and ends the other sessions only", async () => {
    const admin = await anAdmin();
    const { user, temporaryPassword } = await inviteUser({ caller: admin, input: { email: uniqueEmail(), name: "Nadia", role: "contributor" } });
    await signIn({ email: user.email, password: temporaryPassword }, request());
    await signIn({ email: user.email, password: temporaryPassword }, request());
    const [keep] = await db().session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role };

    const wrong = await rejection(
      changeOwnPassword({ caller: actor, input: { currentPassword: "not it at all", newPassword: "my own passphrase", confirmPassword: "my own passphrase" } }),
    );
    expect(wrong.fieldIssues).toEqual({ currentPassword: ["wrong_password"] });
    const mismatch = await rejection(
      changeOwnPassword({ caller: actor, input: { currentPassword: temporaryPassword, newPassword: "my own passphrase", confirmPassword: "my own passphrase!" } }),
    );
    expect(mismatch.fieldIssues).toEqual({ confirmPassword: ["passwords_differ"] });

    await changeOwnPassword({
      caller: actor,
      input: { currentPassword: temporaryPassword, newPassword: "my own passphrase", confirmPassword: "my own passphrase" },
      keepSessionId: keep!.id,
      origin,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
    expect((await db().session.findMany({ where: { userId: user.id } })).map((session) => session.id)).toEqual([keep!.id]);
    expect(await db().auditEvent.count({ where: { action: "PASSWORD_CHANGED", actorId: user.id } })).toBe(1);

    const old = await rejection(signIn({ email: user.email, password: temporaryPassword }, request()));
    expect(old.code).toBe("UNAUTHENTICATED");
    await expect(signIn({ email: user.email, password: "my own passphrase" }, request())).resolves.toEqual({ userId: user.id, mustChangePassword: false });
  });
});

describe("deactivation", () => {
  it("ends every session and blocks sign-in until the account is reactivated", async () => {
    const admin = await anAdmin();
    const user = await createTestUser({ role: "editor" });
    await signIn({ email: user.email, password: user.password }, request());
    await signIn({ email: user.email, password: user.password }, request());
    expect(await sessionsOf(user.id)).toBe(2);

    await expect(deactivateUser({ caller: admin, userId: user.id, origin })).resolves.toEqual({ changed: true });
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ banned: true });

    const refused = await rejection(signIn({ email: user.email, password: user.password }, request()));
    expect(refused.code).toBe("UNAUTHENTICATED");
    expect(refused.details).toEqual({ reason: "deactivated" });
    expect(await sessionsOf(user.id)).toBe(0);
    const failure = await db().auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN_FAILED", email: user.email }, orderBy: { id: "desc" } });
    expect(failure.details).toEqual({ reason: "deactivated" });

    await expect(reactivateUser({ caller: admin, userId: user.id, origin })).resolves.toEqual({ changed: true });
    await expect(signIn({ email: user.email, password: user.password }, request())).resolves.toMatchObject({ userId: user.id });

    const actions = await db().auditEvent.findMany({ where: { targetUserId: user.id, actorId: admin.id }, orderBy: { id: "asc" } });
    expect(actions.map((event) => event.action)).toEqual(["USER_DEACTIVATED", "USER_REACTIVATED"]);
    expect(actions[0]).toMatchObject({ ip: origin.ip, userAgent: origin.userAgent, email: user.email });
  });

  it("does not let an administrator deactivate themselves", async () => {
    const admin = await anAdmin();
    const error = await rejection(deactivateUser({ caller: admin, userId: admin.id }));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ reason: "self_deactivation" });
  });
});

describe("roles, resets and sessions", () => {
  it("audits a role change with from and to, and a repeated change is a no-op", async () => {
    const admin = await anAdmin();
    const user = await createTestUser({ role: "contributor" });
    await expect(changeUserRole({ caller: admin, userId: user.id, role: "editor", origin })).resolves.toEqual({ changed: true });
    await expect(changeUserRole({ caller: admin, userId: user.id, role: "editor", origin })).resolves.toEqual({ changed: false });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("editor");
    const events = await db().auditEvent.findMany({ where: { action: "ROLE_CHANGED", targetUserId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, email: user.email, ip: origin.ip, details: { from: "contributor", to: "editor" } });
  });

  it("does not let an administrator demote themselves", async () => {
    const admin = await anAdmin();
    const error = await rejection(changeUserRole({ caller: admin, userId: admin.id, role: "editor" }));
    expect(error).toMatchObject({ code: "CONFLICT", details: { reason: "self_demotion" } });
  });

  it("resets a password: a new temporary one, sessions ended, the old password refused", async () => {
    const admin = await anAdmin();
    const user = await createTestUser({ role: "editor" });
    await signIn({ email: user.email, password: user.password }, request());
    const { temporaryPassword } = await resetUserPassword({ caller: admin, userId: user.id, origin });
    expect(await sessionsOf(user.id)).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);
    expect((await rejection(signIn({ email: user.email, password: user.password }, request()))).code).toBe("UNAUTHENTICATED");
    await expect(signIn({ email: user.email, password: temporaryPassword }, request())).resolves.toEqual({
      userId: user.id,
      mustChangePassword: true,
    });
    expect(await db().auditEvent.count({ where: { action: "PASSWORD_RESET", targetUserId: user.id, actorId: admin.id } })).toBe(1);
    expect((await rejection(resetUserPassword({ caller: admin, userId: admin.id }))).details).toEqual({ reason: "self_reset" });
  });

  it("ends all of a user's sessions and records how many", async () => {
    const admin = await anAdmin();
    const user = await createTestUser({ role: "contributor" });
    await signIn({ email: user.email, password: user.password }, request());
    await signIn({ email: user.email, password: user.password }, request());
    await expect(revokeUserSessions({ caller: admin, userId: user.id, origin })).resolves.toEqual({ revoked: 2 });
    expect(await sessionsOf(user.id)).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "SESSIONS_REVOKED", targetUserId: user.id } });
    expect(event.details).toEqual({ sessions: 2 });
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const admin = await anAdmin();
    expect((await rejection(changeUserRole({ caller: admin, userId: "no-such-user", role: "editor" }))).code).toBe("NOT_FOUND");
    expect((await rejection(deactivateUser({ caller: admin, userId: "no-such-user" }))).code).toBe("NOT_FOUND");
  });
});

describe("listing", () => {
  it("lists users with role, status, last sign-in and open sessions", async () => {
    const admin = await anAdmin();
    const user = await createTestUser({ role: "editor", name: "Listed Editor" });
    await signIn({ email: user.email, password: user.password }, request());
    const listed = (await listUsers({ caller: admin })).find((row) => row.id === user.id);
    expect(listed).toMatchObject({ name: "Listed Editor", role: "editor", active: true, mustChangePassword: false, activeSessions: 1 });
    expect(listed?.lastSignInAt).toBeInstanceOf(Date);
    const admins = (await listUsers({ caller: admin })).filter((row) => row.role === "admin");
    expect(admins.length).toBeGreaterThan(0);
  });

  it("lists the audit log newest first, filtered by action, a page at a time", async () => {
    const admin = await anAdmin();
    const user = await createTestUser();
    await signIn({ email: user.email, password: "definitely wrong" }, request()).catch(() => undefined);
    const log = await listAuditEvents({ caller: admin, query: { action: "SIGN_IN_FAILED" } });
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries.every((entry) => entry.action === "SIGN_IN_FAILED")).toBe(true);
    expect(log.entries[0]).toMatchObject({ email: user.email, actorId: null, details: { reason: "wrong_credentials" } });

    const all = await listAuditEvents({ caller: admin });
    const times = all.entries.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.page).toBe(1);
    expect(all.total).toBeGreaterThanOrEqual(all.entries.length);
    const beyond = await listAuditEvents({ caller: admin, query: { page: all.pageCount + 1 } });
    expect(beyond.entries).toEqual([]);
  });

  it("creates a user from the trusted path (SYSTEM), without a temporary password flag", async () => {
    const created = await createUser({ caller: "system", input: { email: uniqueEmail("cli"), name: "From CLI", role: "admin", password: TEST_PASSWORD } });
    expect((await db().user.findUniqueOrThrow({ where: { id: created.id } })).mustChangePassword).toBe(false);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "USER_INVITED", targetUserId: created.id } });
    expect(event).toMatchObject({ actorId: null, details: { by: "system", role: "admin" } });
    expect(isAppError(await rejection(createUser({ caller: "system", input: { email: created.email, name: "x", role: "admin", password: TEST_PASSWORD } })), "VALIDATION")).toBe(true);
  });
});
