import { describe, expect, it } from "vitest";
import { libpqConnection, parsePgToolVersion } from "./pg-tools";

describe("PostgreSQL's client tools", () => {
  it("read their version from --version", () => {
    expect(parsePgToolVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).toEqual({ version: "15.18", major: 15 });
    expect(parsePgToolVersion("pg_restore (PostgreSQL) 18.1\n")).toEqual({ version: "18.1", major: 18 });
    expect(parsePgToolVersion("pg_dump (PostgreSQL) 18beta2\n")).toEqual({ version: "18", major: 18 });
    expect(parsePgToolVersion("pg_dump from somewhere else 1.0\n")).toBeNull();
  });

  it("get the password through the environment, never on their command line", () => {
    const { dbname, env } = libpqConnection("postgresql://owner:s%40cret%2Fpw@db.example:6543/tracker?sslmode=require");
    expect(dbname).toBe("postgresql://owner@db.example:6543/tracker?sslmode=require");
    expect(dbname).not.toContain("cret");
    expect(env.PGPASSWORD).toBe("s@cret/pw");
  });
});
