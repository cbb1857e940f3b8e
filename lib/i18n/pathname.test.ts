import { describe, expect, it } from "vitest";
import { getPathname as nextIntlPathname } from "./navigation";
import { getPathname } from "./pathname";

describe("getPathname", () => {
  it("gives what next-intl's gives, in every language", () => {
    const hrefs = [
      "/",
      "/isps",
      "/isps/kcell",
      "/?a=1",
      { pathname: "/" },
      { pathname: "/isps/kcell", query: { from: "2022-01-01", to: "2022-01-31" } },
      { pathname: "/timeline", query: { operator: ["kcell", "beeline"], year: 2022, empty: "" } },
      { pathname: "/", query: { q: "a b&c=d/é" } },
      { pathname: "/incidents", query: {} },
    ] as const;
    for (const locale of ["en", "ru"]) {
      for (const href of hrefs) {
        expect(getPathname({ href, locale }), `${JSON.stringify(href)} ${locale}`).toBe(nextIntlPathname({ href: href as never, locale: locale as never }));
      }
    }
  });
});
