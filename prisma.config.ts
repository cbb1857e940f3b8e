import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; the project's scripts pass DATABASE_URL.
// `prisma generate` needs no database, so the URL may be empty here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
