import { afterAll, describe, expect, it } from "vitest";
import { getAuth, SESSION_LIFETIME } from "@/lib/auth/auth";
import { closeRateLimiters } from "@/lib/auth/rate-limit-store";
import { readStaffSession } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { createTestUser, type TestUser } from "@/lib/testing/users";

/**
 * A session slides forward while it is used (better-auth's expiresIn and
 * updateAge) but ends 30 days after sign-in however busy it is, and a session
 * of an account whose temporary password has expired ends too. Both are read
 * through readStaffSession, with the cookie a browser would send.
 */

afterAll(closeRateLimiters);

const db = () => getDb();
const DAY = 24 * 60 * 60 * 1000;

/** Signs in through better-auth and returns the request headers a browser would then send. */
async function signedInBrowser(user: TestUser): Promise<{ headers: Headers; sessionId: string }> {
  const { headers } = await getAuth().api.signInEmail({ body: { email: user.email, password: user.password }, returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .find((pair) => pair.includes("session_token="));
  expect(cookie).toBeDefined();
  const session = await db().session.findFirstOrThrow({ where: { userId: (await db().user.findUniqueOrThrow({ where: { email: user.email } })).id }, orderBy: { createdAt: "desc" } });
  return { headers: new Headers({ cookie: cookie! }), sessionId: session.id };
}

describe("session lifetime", () => {
  it(`renews a session in use, but ends it ${SESSION_LIFETIME.absoluteDays} days after sign-in`, async () => {
    const user = await createTestUser({ role: "editor" });
    const browser = await signedInBrowser(user);
    await expect(readStaffSession(browser.headers)).resolves.toMatchObject({ actor: { id: user.id }, sessionId: browser.sessionId });

    // Signed in 29 days ago and used every day since: the sliding expiry is an hour away.
    const now = Date.now();
    await db().session.update({
      where: { id: browser.sessionId },
      data: { createdAt: new Date(now - 29 * DAY), expiresAt: new Date(now + 60 * 60 * 1000), updatedAt: new Date(now - DAY) },
    });
    await expect(readStaffSession(browser.headers)).resolves.toMatchObject({ sessionId: browser.sessionId });
    // better-auth slid it forward by its full sliding lifetime…
    const renewed = await db().session.findUniqueOrThrow({ where: { id: browser.sessionId } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(now + (SESSION_LIFETIME.slidingDays - 1) * DAY);

    // …but a day and a second later the absolute lifetime is over, whatever the sliding expiry says.
    await db().session.update({ where: { id: browser.sessionId }, data: { createdAt: new Date(Date.now() - SESSION_LIFETIME.absoluteDays * DAY - 1000) } });
    await expect(readStaffSession(browser.headers)).resolves.toBeNull();
    expect(await db().session.count({ where: { id: browser.sessionId } })).toBe(0);
  });

  it("ends the session of an account whose temporary password has expired", async () => {
    const user = await createTestUser({ role: "contributor", mustChangePassword: true });
    const browser = await signedInBrowser(user);
    await expect(readStaffSession(browser.headers)).resolves.toMatchObject({ mustChangePassword: true });

    await db().user.update({ where: { id: user.id }, data: { temporaryPasswordExpiresAt: new Date(Date.now() - 1000) } });
    await expect(readStaffSession(browser.headers)).resolves.toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });
});
