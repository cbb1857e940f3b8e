import { describe, expect, it } from "vitest";
import { filterPeriodLabel } from "./card-period";
import { cardImagePath, cardTakesFilters, isCardView } from "./card-target";
import { cardText, coveredText } from "./card-text";

describe("cardImagePath", () => {
  it("puts the locale first and the filters A–Z, values sorted, so one card has one URL", () => {
    expect(cardImagePath({ kind: "view", view: "timeline" }, "ru", { to: "2022-01-31", operator: ["kcell", "beeline"], from: "2022-01-01" })).toBe(
      "/api/og/timeline?locale=ru&from=2022-01-01&operator=beeline&operator=kcell&to=2022-01-31",
    );
  });

  it("drops the filters of cards that do not take them, and encodes slugs", () => {
    expect(cardImagePath({ kind: "incident", slug: "2022-01-qantar-shutdowns" }, "en", { from: "2022-01-01" })).toBe(
      "/api/og/incident/2022-01-qantar-shutdowns?locale=en",
    );
    expect(cardImagePath({ kind: "view", view: "home" }, "en", { year: "2022" })).toBe("/api/og/home?locale=en");
    expect(cardImagePath({ kind: "isp", slug: "a b" }, "en")).toBe("/api/og/isp/a%20b?locale=en");
  });

  it("knows which cards read the filters", () => {
    expect(cardTakesFilters({ kind: "view", view: "map" })).toBe(true);
    expect(cardTakesFilters({ kind: "isp", slug: "kcell" })).toBe(true);
    expect(cardTakesFilters({ kind: "view", view: "api-docs" })).toBe(false);
    expect(cardTakesFilters({ kind: "incident", slug: "x" })).toBe(false);
    expect(isCardView("isps")).toBe(true);
    expect(isCardView("isp")).toBe(false);
  });
});

describe("card text", () => {
  it("keeps Latin, Kazakh and Russian Cyrillic and punctuation, and drops what the fonts cannot draw", () => {
    expect(coveredText("Қазақстан — «Kcell» 😀 中文  ok")).toBe("Қазақстан — «Kcell» ok");
  });

  it("cuts long text on a word boundary with an ellipsis", () => {
    expect(cardText("Nationwide internet blackout during the January unrest", 30)).toBe("Nationwide internet blackout…");
    expect(cardText("short", 30)).toBe("short");
    expect([...cardText("x".repeat(100), 20)].length).toBe(20);
  });
});

describe("filterPeriodLabel", () => {
  const messages = {
    all: () => "all",
    between: (from: string, to: string) => `${from} to ${to}`,
    since: (from: string) => `since ${from}`,
    until: (to: string) => `until ${to}`,
    years: (years: string) => `years ${years}`,
  };

  it("shows inclusive Kazakhstan calendar dates in the reader's language", () => {
    expect(filterPeriodLabel({ years: [], from: "2022-01-04", to: "2022-01-31" }, "en", messages)).toBe("4 Jan 2022 to 31 Jan 2022");
    expect(filterPeriodLabel({ years: [], from: "2022-01-04" }, "ru", messages)).toMatch(/^since 4 янв\.? 2022/);
    expect(filterPeriodLabel({ years: [], to: "2024-03-01" }, "en", messages)).toBe("until 1 Mar 2024");
  });

  it("falls back to the chosen years, then to everything", () => {
    expect(filterPeriodLabel({ years: [2023, 2022] }, "en", messages)).toBe("years 2022, 2023");
    expect(filterPeriodLabel({ years: [] }, "en", messages)).toBe("all");
  });
});
