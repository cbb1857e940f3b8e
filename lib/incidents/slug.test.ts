import { describe, expect, it } from "vitest";
import { ZSlug } from "@/lib/schemas/incident";
import { slugWords, suggestSlug, SUGGESTED_SLUG_MAX } from "./slug";

describe("slugWords", () => {
  it("keeps Latin words, lowercased and joined by single hyphens", () => {
    expect(slugWords("  Nationwide   blackout: Kcell & Beeline (5–10 Jan)! ")).toBe("nationwide-blackout-kcell-beeline-5-10-jan");
  });

  it("transliterates Russian", () => {
    expect(slugWords("Блокировка мессенджеров в Жанаозене")).toBe("blokirovka-messendzherov-v-zhanaozene");
    expect(slugWords("Щит, ёж, объём, подъезд, юг, яма, цех, хлеб, чай, шум, мышь")).toBe("shchit-ezh-obem-podezd-iug-iama-tsekh-khleb-chai-shum-mysh");
  });

  it("transliterates the Kazakh letters", () => {
    expect(slugWords("Қаңтар оқиғалары")).toBe("qantar-oqigalary");
    expect(slugWords("Әуезов, Өскемен, Ұлытау, Үржар, Һ, Ірі")).toBe("auezov-oskemen-ulytau-urzhar-h-iri");
  });

  it("drops accents and other scripts' marks", () => {
    expect(slugWords("Café Zürich — São Paulo")).toBe("cafe-zurich-sao-paulo");
  });

  it("stops at a word boundary before the length limit", () => {
    const slug = slugWords("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(SUGGESTED_SLUG_MAX);
    expect(slug.endsWith("word")).toBe(true);
    expect(slugWords("a".repeat(200))).toHaveLength(SUGGESTED_SLUG_MAX);
  });

  it("is empty when there is nothing to write", () => {
    expect(slugWords("  —!? ")).toBe("");
    expect(slugWords("")).toBe("");
  });
});

describe("suggestSlug", () => {
  it("puts the start's Kazakhstan year and month first, as the seeded records do", () => {
    expect(suggestSlug("Qantar shutdowns", "2022-01-05T17:15")).toBe("2022-01-qantar-shutdowns");
    expect(suggestSlug("Qantar shutdowns", "2022-01-05")).toBe("2022-01-qantar-shutdowns");
    expect(suggestSlug("Qantar shutdowns", "")).toBe("qantar-shutdowns");
    expect(suggestSlug("", "2022-01-05T17:15")).toBe("");
  });

  it("always gives a valid slug when it gives one", () => {
    for (const title of ["Блокировка Telegram", "Ақтөбе", "x", "2022", "Kcell — 3G/4G off", "ё".repeat(300)]) {
      const slug = suggestSlug(title, "2024-03-01T00:00");
      expect(ZSlug.safeParse(slug).success, `${title} → ${slug}`).toBe(true);
    }
  });
});
