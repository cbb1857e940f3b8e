import { describe, expect, it } from "vitest";
import { STAFF_SPELLINGS } from "@/lib/testing/address-spellings";
import { pageCacheControl, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, sharedMaxAgeSeconds } from "./cache-policy";

describe("pageCacheControl", () => {
  it.each(STAFF_SPELLINGS)("%s is private", (path) => {
    expect(pageCacheControl(path.split("?")[0]!, null)).toBe(PRIVATE_CACHE_CONTROL);
  });

  it("is public only for allow-listed pages requested without a session cookie", () => {
    for (const path of ["/", "/ru", "/incidents", "/%69ncidents", "/ru/isps/kcell", "/embed/isp/kcell", "/incidents/2022-01-qantar-shutdowns", "/api-docs"]) {
      expect(pageCacheControl(path, null), path).toBe(PUBLIC_CACHE_CONTROL);
      expect(pageCacheControl(path, "__Secure-kst.session_token=abc"), path).toBe(PRIVATE_CACHE_CONTROL);
    }
    for (const path of ["/no-such-page", "/incidents/Qantar", "/isps/kcell/extra", "/embed/nothing", "/en/incidents"]) {
      expect(pageCacheControl(path, null), path).toBe(PRIVATE_CACHE_CONTROL);
    }
  });

  it("is never something a shared cache keeps when private", () => {
    expect(sharedMaxAgeSeconds(PRIVATE_CACHE_CONTROL)).toBeNull();
    expect(sharedMaxAgeSeconds(PUBLIC_CACHE_CONTROL)).toBe(30);
  });
});
