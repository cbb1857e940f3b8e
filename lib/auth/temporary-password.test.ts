import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH, ZPassword } from "@/lib/schemas/user";
import { generateTemporaryPassword, isTemporaryPasswordExpired, temporaryPasswordExpiry } from "./temporary-password";

describe("generateTemporaryPassword", () => {
  it("makes readable, valid, different passwords", () => {
    const passwords = Array.from({ length: 200 }, generateTemporaryPassword);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-hj-km-np-z2-9]{5}(-[a-hj-km-np-z2-9]{5}){3}$/);
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(ZPassword.safeParse(password).success).toBe(true);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe("temporary password expiry", () => {
  const madeAt = new Date("2026-12-01T09:00:00Z");

  it("lasts 72 hours from when it was made", () => {
    const expiry = temporaryPasswordExpiry(madeAt);
    expect(expiry.toISOString()).toBe("2026-12-04T09:00:00.000Z");
    expect(isTemporaryPasswordExpired(expiry, new Date("2026-12-04T08:59:59Z"))).toBe(false);
    expect(isTemporaryPasswordExpired(expiry, new Date("2026-12-04T09:00:00Z"))).toBe(true);
    expect(isTemporaryPasswordExpired(expiry.toISOString(), new Date("2026-12-02T00:00:00Z"))).toBe(false);
  });

  it("treats a missing or unreadable expiry as expired", () => {
    expect(isTemporaryPasswordExpired(null)).toBe(true);
    expect(isTemporaryPasswordExpired(undefined)).toBe(true);
    expect(isTemporaryPasswordExpired("not a date")).toBe(true);
  });
});
