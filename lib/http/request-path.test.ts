import createIntlMiddleware from "next-intl/middleware";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { routing } from "@/lib/i18n/routing";
import { renderedPathname, splitLocale } from "./request-path";

/**
 * Spellings of addresses an attacker can choose: every one must be judged by
 * the page it renders. (Double slashes and trailing slashes are also
 * redirected by Next.js before its proxy runs; the function must still agree.)
 */
const ADDRESS_SPELLINGS: Record<string, string> = {
  "/staff/audit": "/en/staff/audit",
  "/%73taff/audit": "/en/staff/audit",
  "/%73taff/users": "/en/staff/users",
  "/%72u/%73taff/users": "/ru/staff/users",
  "/%72%75/staff/users": "/ru/staff/users",
  "/ru/%73taff/audit": "/ru/staff/audit",
  "/ru/staff/users/": "/ru/staff/users",
  "//staff/audit": "/en/staff/audit",
  "/staff//audit": "/en/staff/audit",
  "/./staff/audit": "/en/staff/audit",
  "/incidents/../staff/audit": "/en/staff/audit",
  "/incidents/%2e%2e/staff/audit": "/en/staff/audit",
  "/incidents/%2E%2E/staff/audit": "/en/staff/audit",
  "/incidents/%252e%252e/staff/audit": "/en/staff/audit",
  "/embed/%252e%252e/staff/audit": "/en/staff/audit",
  "/embed/.%252e/staff/audit": "/en/staff/audit",
  // Climbs above the locale: next-intl rewrites to /staff/users, which Next.js renders as locale "staff" (a 404).
  "/ru/embed/%252e%252e/%252e%252e/staff/users": "/staff/users",
  "/%2573taff/audit": "/en/%73taff/audit",
  "/STAFF/audit": "/en/STAFF/audit",
  "/Staff/Users": "/en/Staff/Users",
  "/%53taff/audit": "/en/Staff/audit",
  "/RU/staff/users": "/en/RU/staff/users",
  "/en/staff/users": "/en/en/staff/users",
  "/incidents%2Fx": "/en/incidents%2Fx",
  "/incidents/%5C..%5Cstaff": "/en/incidents/%5C..%5Cstaff",
  "/": "/en",
  "/ru": "/ru",
  "/ru/": "/ru",
  "/incidents": "/en/incidents",
  "/%69ncidents/": "/en/incidents",
  "/ru/isps/kcell": "/ru/isps/kcell",
  "/embed/isp/%6Bcell": "/en/embed/isp/kcell",
  "/incidents/%D0%B0": "/en/incidents/%D0%B0",
};

const intlMiddleware = createIntlMiddleware(routing);

/** What next-intl's middleware makes of a path: the internal path it rewrites to, or null for a redirect or pass-through. */
function nextIntlInternalPath(path: string): string | null {
  const request = new NextRequest(new URL(`http://127.0.0.1:3000${path}`));
  const response = intlMiddleware(request);
  const rewrite = response.headers.get("x-middleware-rewrite");
  if (rewrite) return new URL(rewrite).pathname;
  if (response.headers.get("x-middleware-next")) return request.nextUrl.pathname;
  return null;
}

describe("renderedPathname", () => {
  it.each(Object.entries(ADDRESS_SPELLINGS))("%s renders %s", (requested, rendered) => {
    expect(renderedPathname(requested)).toBe(rendered);
  });

  it("agrees with next-intl's middleware on every spelling it rewrites", () => {
    const redirected: string[] = [];
    for (const requested of Object.keys(ADDRESS_SPELLINGS)) {
      const internal = nextIntlInternalPath(requested);
      if (internal === null) {
        redirected.push(requested); // never a 200 page
        continue;
      }
      expect(renderedPathname(requested), requested).toBe(internal.length > 1 ? internal.replace(/\/$/, "") : internal);
    }
    expect(redirected).toEqual(["/RU/staff/users", "/en/staff/users"]);
  });

  it("is null for a path that cannot be decoded (Next.js answers 400)", () => {
    expect(renderedPathname("/%E0%A4%A")).toBeNull();
    expect(renderedPathname("/%ff")).toBeNull();
  });
});

describe("splitLocale", () => {
  it("splits an internal path into its locale and the path", () => {
    expect(splitLocale("/ru/embed/map")).toEqual({ locale: "ru", path: "/embed/map" });
    expect(splitLocale("/en")).toEqual({ locale: "en", path: "/" });
  });
});
