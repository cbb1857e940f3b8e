import { describe, expect, it } from "vitest";
import { getPathname as nextIntlPathname } from "./navigation";
import { getPathname, pathInLocale, pathWithoutLocale } from "./pathname";

describe("getPathname", () => {
  it("gives what next-intl's gives, in every language", () => {
    const hrefs = [
      "/",
      "/isps",
      "/isps/kcell",
      "/?a=1",
      "/isps?next=/a?b",
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

describe("locale paths", () => {
  it("takes the language's prefix off an address", () => {
    expect(pathWithoutLocale("/ru/isps/kcell")).toBe("/isps/kcell");
    expect(pathWithoutLocale("/ru")).toBe("/");
    expect(pathWithoutLocale("/isps")).toBe("/isps");
    expect(pathWithoutLocale("/")).toBe("/");
    // Only a whole segment is a prefix.
    expect(pathWithoutLocale("/rules")).toBe("/rules");
  });

  it("puts it on again, English without one", () => {
    expect(pathInLocale("/isps/kcell", "ru")).toBe("/ru/isps/kcell");
    expect(pathInLocale("/", "ru")).toBe("/ru");
    expect(pathInLocale("/isps", "en")).toBe("/isps");
    expect(pathInLocale("/", "en")).toBe("/");
  });
});
