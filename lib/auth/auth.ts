import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultAc } from "better-auth/plugins/admin/access";
import { getDb, type Database } from "@/lib/db/client";
import { readServerEnv, type ServerEnv } from "@/lib/env";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/schemas/user";
import { CLIENT_IP_HEADER } from "./request-context";
import { ensureAuthSecret } from "./secret";
import { AUTH_COOKIE_PREFIX } from "./session-cookie";

/** Used by unit and integration tests only (NODE_ENV=test), so their sessions are reproducible. */
const TEST_SECRET = "kst-test-secret-not-for-production-0123456789";

/**
 * Sessions last a week and slide forward once a day while in use, but never
 * beyond 30 days after sign-in (the absolute lifetime, which better-auth has no
 * option for: lib/auth/session.ts enforces it on every read).
 */
export const SESSION_LIFETIME = { slidingDays: 7, absoluteDays: 30 } as const;

function resolveSecret(env: ServerEnv): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (env.NODE_ENV === "test") return TEST_SECRET;
  // `npm start` / `npm run dev` pass the generated secret; any other entry
  // point (the e2e server, a bare `next start`) reads the same file.
  return ensureAuthSecret(env.KST_DATA_DIR).secret;
}

function createAuth(db: Database) {
  const env = readServerEnv();
  return betterAuth({
    appName: "Kazakhstan Shutdown Tracker",
    // Only used to build absolute links, which nothing here sends; unset, it follows the request.
    baseURL: env.SITE_URL,
    secret: resolveSecret(env),
    database: prismaAdapter(db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    // No HTTP handler is mounted (decision record 0004): sign-in runs in a server
    // action through auth.api, behind the PostgreSQL rate limiter in
    // lib/auth/sign-in-rate-limit.ts. better-auth's own limiter only guards its
    // HTTP routes, so it is off.
    rateLimit: { enabled: false },
    logger: { level: "error" },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    session: {
      expiresIn: SESSION_LIFETIME.slidingDays * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      // No cookie cache: every request reads the session row, so ending a
      // session or deactivating a user takes effect at once.
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        mustChangePassword: { type: "boolean", defaultValue: false, input: false, required: false },
        temporaryPasswordExpiresAt: { type: "date", input: false, required: false },
      },
    },
    advanced: {
      // HttpOnly and SameSite=Lax are better-auth's defaults; Secure (and the
      // __Secure- name prefix) in production. Browsers accept Secure cookies
      // from http://localhost and http://127.0.0.1, which count as secure origins.
      useSecureCookies: env.NODE_ENV === "production",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      cookiePrefix: AUTH_COOKIE_PREFIX,
      // Sessions record the same client address as the rate limiter and the audit log.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [
      admin({
        defaultRole: "contributor",
        adminRoles: ["admin"],
        roles: {
          contributor: defaultAc.newRole({ user: [], session: [] }),
          editor: defaultAc.newRole({ user: [], session: [] }),
          admin: adminAc,
        },
      }),
      nextCookies(), // must stay last: it writes the cookies set by the calls above
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { kstAuth?: { db: Database; auth: Auth } };

/**
 * The better-auth instance, created on first use (so that `next build` and
 * modules that merely import this file need no database or secret), and again
 * if the shared Prisma client was replaced (tests, scripts that disconnect).
 */
export function getAuth(): Auth {
  const db = getDb();
  if (globalForAuth.kstAuth?.db !== db) globalForAuth.kstAuth = { db, auth: createAuth(db) };
  return globalForAuth.kstAuth.auth;
}
