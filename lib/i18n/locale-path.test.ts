import { describe, expect, it } from "vitest";
import { pathInLocale, pathWithoutLocale } from "./locale-path";

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
