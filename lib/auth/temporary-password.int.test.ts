import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { closeRateLimiters } from "@/lib/auth/rate-limit-store";
import { signIn } from "@/lib/auth/sign-in";
import { TEMPORARY_PASSWORD_LIFETIME_HOURS } from "@/lib/auth/temporary-password";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createIncident } from "@/lib/server/incidents/create-incident";
import { listStaffIncidents } from "@/lib/server/incidents/list-staff-incidents";
import { PASSWORD_CHECK_LIMIT } from "@/lib/auth/password-check-limit";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { inviteUser } from "@/lib/server/users/invite-user";
import { listUsers } from "@/lib/server/users/list-users";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { buildIncidentInput } from "@/lib/testing/factories";
import { createTestActor, createTestUser, uniqueEmail } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";

/**
 * Temporary passwords (invitations, resets): until the account has chosen its
 * own, every server function refuses it everything but that choice; the
 * temporary password stops working after 72 hours; and the current-password
 * check of the account page is limited, with every failure in the audit log.
 */

afterAll(closeRateLimiters);
beforeAll(async () => {
  await seedReferenceData(getDb());
});

const db = () => getDb();
let addresses = 0;
const request = () => ({ ip: `198.51.100.${++addresses}`, userAgent: "vitest", authHeaders: new Headers() });
const origin = { ip: "192.0.2.44", userAgent: "account-page" };
const HOUR = 60 * 60 * 1000;

async function failureOf(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => new Error("the call was allowed"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function invite(role: "editor" | "admin" = "editor") {
  const admin = await createTestActor({ role: "admin" });
  const { user, temporaryPassword } = await inviteUser({ caller: admin, input: { email: uniqueEmail("temp"), name: "Tamara Temp", role } });
  const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role };
  return { admin, actor, temporaryPassword };
}

const choose = (actor: Actor, currentPassword: string, newPassword = "a passphrase of my own") =>
  changeOwnPassword({ caller: actor, input: { currentPassword, newPassword, confirmPassword: newPassword }, origin });

describe("an account with a temporary password", () => {
  it("may do nothing through any server function but choose its own password", async () => {
    const { actor, temporaryPassword } = await invite("admin");
    await signIn({ email: actor.email, password: temporaryPassword }, request());

    for (const call of [
      listStaffIncidents({ caller: actor }),
      createIncident({ caller: actor, input: buildIncidentInput({ status: "DRAFT" }) }),
      listUsers({ caller: actor }),
    ]) {
      const refused = await failureOf(call);
      expect(refused).toMatchObject({ code: "FORBIDDEN", details: { reason: "password_change_required" } });
    }
    expect(await db().incident.count({ where: { createdById: actor.id } })).toBe(0);

    await choose(actor, temporaryPassword);
    expect(await db().user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ mustChangePassword: false, temporaryPasswordExpiresAt: null });
    await expect(listStaffIncidents({ caller: actor })).resolves.toBeDefined();
    await expect(listUsers({ caller: actor })).resolves.toBeDefined();
  });

  it(`stops signing in ${TEMPORARY_PASSWORD_LIFETIME_HOURS} hours after it was made, until an administrator resets it again`, async () => {
    const { admin, actor, temporaryPassword } = await invite();
    const { temporaryPasswordExpiresAt } = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
    const lifetime = temporaryPasswordExpiresAt!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(TEMPORARY_PASSWORD_LIFETIME_HOURS * HOUR - 5 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(TEMPORARY_PASSWORD_LIFETIME_HOURS * HOUR);

    // Signed in while it was valid, then the 72 hours pass.
    await signIn({ email: actor.email, password: temporaryPassword }, request());
    await db().user.update({ where: { id: actor.id }, data: { temporaryPasswordExpiresAt: new Date(Date.now() - 1000) } });

    const expired = await failureOf(signIn({ email: actor.email, password: temporaryPassword }, request()));
    expect(expired).toMatchObject({ code: "UNAUTHENTICATED", details: { reason: "temporary_password_expired" } });
    // The session the expired attempt made is gone again; the older one remains until it is next read.
    expect(await db().session.count({ where: { userId: actor.id } })).toBe(1);
    const failure = await db().auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN_FAILED", email: actor.email }, orderBy: { id: "desc" } });
    expect(failure.details).toEqual({ reason: "temporary_password_expired" });
    // Nor can the older session use it to choose a password.
    expect(await failureOf(choose(actor, temporaryPassword))).toMatchObject({ code: "FORBIDDEN", details: { reason: "temporary_password_expired" } });

    const { temporaryPassword: fresh } = await resetUserPassword({ caller: admin, userId: actor.id });
    const reset = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(reset.temporaryPasswordExpiresAt!.getTime()).toBeGreaterThan(Date.now() + (TEMPORARY_PASSWORD_LIFETIME_HOURS - 1) * HOUR);
    await expect(signIn({ email: actor.email, password: fresh }, request())).resolves.toEqual({ userId: actor.id, mustChangePassword: true });
    await choose(actor, fresh);
  });
});

describe("the current-password check on the account page", () => {
  const { attempts } = PASSWORD_CHECK_LIMIT;

  it(`is refused after ${attempts} wrong current passwords, and every failure is audited`, async () => {
    const user = await createTestUser({ role: "editor" });
    const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role };
    for (let i = 0; i < attempts; i++) {
      const wrong = await failureOf(choose(actor, `a wrong guess ${i}`));
      expect(wrong).toMatchObject({ code: "VALIDATION", fieldIssues: { currentPassword: ["wrong_password"] } });
    }
    // The right password no longer helps: the check is not even made.
    const refused = await failureOf(choose(actor, user.password));
    expect(refused.code).toBe("RATE_LIMITED");
    expect((refused.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    await expect(signIn({ email: user.email, password: user.password }, request())).resolves.toMatchObject({ userId: user.id });

    const events = await db().auditEvent.findMany({ where: { action: "PASSWORD_CHANGE_FAILED", actorId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => (event.details as { reason: string }).reason)).toEqual([
      ...Array<string>(attempts).fill("wrong_current_password"),
      "too_many_attempts",
    ]);
    expect(events[0]).toMatchObject({ targetUserId: user.id, email: user.email, ip: origin.ip, userAgent: origin.userAgent });

    // An administrator's reset lifts the limit, so the owner can choose a password at once.
    const admin = await createTestActor({ role: "admin" });
    const { temporaryPassword } = await resetUserPassword({ caller: admin, userId: user.id });
    await choose(actor, temporaryPassword);
    expect(await db().auditEvent.count({ where: { action: "PASSWORD_CHANGED", actorId: user.id } })).toBe(1);
  });

  it("forgives earlier mistakes once the right password is given", async () => {
    const user = await createTestUser({ role: "contributor" });
    const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role };
    for (let i = 0; i < attempts - 1; i++) await failureOf(choose(actor, "not it"));
    await choose(actor, user.password, "the second passphrase");
    for (let i = 0; i < attempts; i++) expect((await failureOf(choose(actor, "not it either"))).code).toBe("VALIDATION");
  });
});
