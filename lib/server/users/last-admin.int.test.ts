import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { deactivateUser } from "@/lib/server/users/deactivate-user";
import { createTestActor } from "@/lib/testing/users";
import { USER_ADMINISTRATION_LOCK } from "./user-guards";

/**
 * The last active administrator can be neither demoted nor deactivated, even
 * by a request that still carries an administrator's (now stale) identity, and
 * two administrators demoting each other at once cannot both succeed. This
 * file has a database of its own, so the administrators below are all there are.
 */

const anAdmin = (name: string): Promise<Actor> => createTestActor({ role: "admin", name });

async function conflictReason(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("CONFLICT");
  return ((error as AppError).details as { reason?: unknown } | undefined)?.reason;
}

const activeAdmins = () => getDb().user.count({ where: { role: "admin", banned: false } });

describe("the last active administrator", () => {
  it("cannot be removed, and concurrent mutual demotions leave one administrator", async () => {
    expect(await activeAdmins()).toBe(0);
    const ada = await anAdmin("Ada");
    const bob = await anAdmin("Bob");

    // Bob deactivates Ada; Ada's request, started before, still says "admin".
    await deactivateUser({ caller: bob, userId: ada.id });
    expect(await activeAdmins()).toBe(1);
    expect(await conflictReason(changeUserRole({ caller: ada, userId: bob.id, role: "editor" }))).toBe("last_admin");
    expect(await conflictReason(deactivateUser({ caller: ada, userId: bob.id }))).toBe("last_admin");
    expect(await getDb().user.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({ role: "admin", banned: false });

    // A deactivated administrator does not count: Bob is still the last one.
    expect(await conflictReason(changeUserRole({ caller: bob, userId: bob.id, role: "editor" }))).toBe("self_demotion");

    // Two active administrators demote each other at the same moment.
    const cleo = await anAdmin("Cleo");
    const outcomes = await Promise.allSettled([
      changeUserRole({ caller: bob, userId: cleo.id, role: "editor" }),
      changeUserRole({ caller: cleo, userId: bob.id, role: "editor" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected");
    expect((rejected?.reason as AppError).details).toEqual({ reason: "last_admin" });
    expect(await activeAdmins()).toBe(1);
  });

  it("is decided after a concurrent change commits, not before (the changes queue on one lock)", async () => {
    await getDb().user.updateMany({ where: { role: "admin" }, data: { role: "editor" } }); // the previous test's administrators
    const [dan, eve] = [await anAdmin("Dan"), await anAdmin("Eve")];
    const other = await anAdmin("Other");
    await deactivateUser({ caller: dan, userId: other.id });

    // Another request is half-way through demoting Eve: it holds the lock, its update is not committed yet.
    const concurrent = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await concurrent.connect();
    try {
      await concurrent.query("BEGIN");
      await concurrent.query("SELECT pg_advisory_xact_lock($1::bigint)", [USER_ADMINISTRATION_LOCK]);
      await concurrent.query("UPDATE users SET role = 'editor' WHERE id = $1", [eve.id]);

      // Eve's own request (her identity read before the demotion) now tries to demote Dan.
      const demoteDan = changeUserRole({ caller: eve, userId: dan.id, role: "editor" }).then(
        () => "changed",
        (error: unknown) => error,
      );
      const early = await Promise.race([demoteDan, new Promise((resolve) => setTimeout(() => resolve("waiting"), 500))]);
      expect(early).toBe("waiting");

      await concurrent.query("COMMIT");
      const outcome = await demoteDan;
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).details).toEqual({ reason: "last_admin" });
    } finally {
      await concurrent.end();
    }
    expect(await getDb().user.findUniqueOrThrow({ where: { id: dan.id } })).toMatchObject({ role: "admin", banned: false });
  });
});
