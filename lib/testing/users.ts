import { randomBytes } from "node:crypto";
import { SYSTEM, type Actor, type Role } from "@/lib/auth/permissions";
import { createUser } from "@/lib/server/users/create-user";

/**
 * Staff accounts for integration tests and the Playwright `login` fixture
 * (e2e/fixtures/create-user.ts). They go through createUser, the same path as
 * `npm run user:create`, so passwords are hashed by better-auth.
 */

/** An address no other call returns, in this process or a parallel one. */
export function uniqueEmail(prefix = "staff"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.org`;
}

export const TEST_PASSWORD = "correct horse battery staple";

export type TestUser = Actor & { password: string };

export async function createTestUser(
  options: { role?: Role; name?: string; email?: string; password?: string; mustChangePassword?: boolean } = {},
): Promise<TestUser> {
  const role = options.role ?? "contributor";
  const password = options.password ?? TEST_PASSWORD;
  const created = await createUser({
    caller: SYSTEM,
    input: {
      email: options.email ?? uniqueEmail(role),
      name: options.name ?? `Test ${role}`,
      role,
      password,
      mustChangePassword: options.mustChangePassword ?? false,
    },
  });
  return { ...created, password };
}

/** A staff member as server functions see them (createTestUser without the password). */
export async function createTestActor(options: { role?: Role; name?: string } = {}): Promise<Actor> {
  const { id, name, email, role } = await createTestUser(options);
  return { id, name, email, role };
}
