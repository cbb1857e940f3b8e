import { describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers 200 with the database status when PostgreSQL is up", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" } });
  });

  it("answers 503 when PostgreSQL cannot be reached", async () => {
    const originalUrl = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://postgres:x@127.0.0.1:1/nope";
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: { status: "down" } });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = originalUrl;
    }
  });
});
