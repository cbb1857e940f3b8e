import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type Database = PrismaClient;

/** A new client for one connection string; callers own it and must disconnect it. */
export function createDb(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

function createClientFromEnv(): PrismaClient {
  const env = readServerEnv();
  if (!env.DATABASE_URL) {
    throw new AppError(
      "STARTUP",
      "DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`, which provide a database.",
    );
  }
  return createDb(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
}

// One client per process; in development, survive hot reloads.
const globalForPrisma = globalThis as unknown as { kstPrisma?: PrismaClient };

/** The shared Prisma client, created on first use. */
export function getDb(): PrismaClient {
  globalForPrisma.kstPrisma ??= createClientFromEnv();
  return globalForPrisma.kstPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.kstPrisma?.$disconnect();
  globalForPrisma.kstPrisma = undefined;
}
