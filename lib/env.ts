import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Every environment variable the server reads, validated once. Nothing here is
 * exposed to the browser. The README's configuration table mirrors this schema.
 */
const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset: the scripts start an embedded server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** Connections in the app's pool. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Public address of the site, for citations and links that leave the site. Unset: taken from the request. */
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** HTTP port for `npm start` and `npm run dev`. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the embedded PostgreSQL keeps its files and state. */
  KST_DATA_DIR: z.string().min(1).default(".data"),
  /** Fixed port for the embedded PostgreSQL; unset picks a free one. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
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
