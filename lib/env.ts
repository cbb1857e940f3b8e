import { z } from "zod";
import { AppError } from "@/lib/errors";
import { FEED_INTERVALS_MINUTES, ZEnabledFeedsList } from "@/lib/schemas/feed-schedule";

/**
 * Every environment variable the server reads, validated once. Nothing here is
 * exposed to the browser. The README's configuration table mirrors this schema.
 */
/** "true"/"1"/"yes" or "false"/"0"/"no", as environment variables spell booleans. */
const ZBooleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string the app connects with. Unset: the scripts start an embedded server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /**
   * The same database as the role that owns its schema: migrations, the seed
   * and the job queue's tables use it, the app never does. Unset: DATABASE_URL.
   */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** Connections in the app's pool. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Public address of the site (scheme, host, port), for citations, feeds, cards and embed code.
   * Required when NODE_ENV=production is served on anything but loopback (siteUrlProblem below).
   * Unset: the request's Host header (docs/decisions/0008-cache-trust-model.md).
   */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** HTTP port for `npm start` and `npm run dev`. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address `npm start` listens on: loopback unless told (e.g. 0.0.0.0, which needs SITE_URL). */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Where the embedded PostgreSQL keeps its files and state. */
  KST_DATA_DIR: z.string().min(1).default(".data"),
  /** Fixed port for the embedded PostgreSQL; unset picks a free one. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /**
   * Key that signs session cookies (at least 32 characters). Unset: `npm start`
   * and `npm run dev` generate one once into <KST_DATA_DIR>/auth-secret.
   */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** First administrator, created on start when no user has this e-mail (needs ADMIN_PASSWORD too). */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(128).optional(),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For.
   * 0 (false): the app is reached directly. See the README, "Staff accounts".
   */
  TRUST_PROXY: z
    .union([z.literal("true").transform(() => 1), z.literal("false").transform(() => 0), z.coerce.number().int().min(0).max(10)], {
      error: "must be true, false or the number of proxies",
    })
    .default(0),
  /** Whether the public change log names the editors of each revision. */
  PUBLIC_EDITOR_NAMES: ZBooleanFlag.default(false),
  /**
   * Load the invented example feed files on start (`npm run demo` sets it), marked as example data
   * (decision 0018). Off by default: a default start never loads them.
   */
  DEMO_DATA: ZBooleanFlag.default(false),
  /** Base URLs of the measurement feeds' APIs for live pulls (tests point them at a local server). */
  OONI_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.ooni.io"),
  IODA_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.ioda.inetintel.cc.gatech.edu/v2"),
  CLOUDFLARE_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.cloudflare.com/client/v4"),
  /** Cloudflare API token with Radar read access; required for Cloudflare pulls only. */
  CLOUDFLARE_API_TOKEN: z.string().min(1).optional(),
  /**
   * Feeds whose scheduled pulls start switched on ("ooni,ioda"), until staff change them in the
   * console: it applies to feeds nobody has configured yet. Unset: every feed starts off.
   */
  FEEDS_ENABLED: ZEnabledFeedsList.optional(),
  /** Interval of the feeds FEEDS_ENABLED switches on: 15, 30, 60, 180, 360, 720 or 1440 minutes. */
  FEEDS_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .refine((value) => (FEED_INTERVALS_MINUTES as readonly number[]).includes(value), `must be one of ${FEED_INTERVALS_MINUTES.join(", ")}`)
    .default(60),
  /**
   * Renders per minute one client address (IPv6: its /64) may cause in one app process: requests
   * the production server's cache cannot answer (lib/http/render-rate-limit.ts).
   */
  CACHE_MISS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Requests per minute one IP address may make to the public API (/api/v1), counted in PostgreSQL across every app server. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
});

export type ServerEnv = z.infer<typeof ZServerEnv>;

export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  // Treat empty strings as unset, as shells and .env files often produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = ZServerEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    throw new AppError("STARTUP", `Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** Host names and addresses that only this machine can reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host) || host === "::ffff:127.0.0.1";
}

/**
 * Why a production server may not start on this address, or null. Without
 * SITE_URL the site's address would come from each request's Host header;
 * that is acceptable only where nobody else can connect (loopback).
 */
export function siteUrlProblem(env: Pick<ServerEnv, "NODE_ENV" | "SITE_URL">, hostname: string): string | null {
  if (env.NODE_ENV !== "production" || env.SITE_URL || isLoopbackHost(hostname)) return null;
  return `SITE_URL must be set to the site's public address (e.g. https://shutdowns.example.org) when a production server listens on ${hostname}, which is not loopback.`;
}
