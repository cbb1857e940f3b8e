import { describe, expect, it } from "vitest";
import { SEED_REFERENCE } from "./fixtures/seed-reference";
import { matchOperators, matchRegions, operatorsMentioned } from "./reference";

const operators = SEED_REFERENCE.operators;
const regions = SEED_REFERENCE.regions;

describe("matchOperators", () => {
  it("matches STOP's telcos_involved text against names and aliases", () => {
    const match = matchOperators(
      "Kazakhstan: Beeline (VEON), Kazakhstan: Kcell (Fintur), Kazakhstan: Tele2 / ALTEL, Kazakhtelecom JSC",
      operators,
    );
    expect(match).toEqual({ slugs: ["beeline", "kcell", "tele2-altel", "kazakhtelecom"], unmatched: [] });
  });

  it("matches single brands, other separators, case and Cyrillic aliases", () => {
    expect(matchOperators("Beeline; KCELL\nAltel", operators).slugs).toEqual(["beeline", "kcell", "tele2-altel"]);
    expect(matchOperators("Tele2, Altel", operators).slugs).toEqual(["tele2-altel"]);
    expect(matchOperators("Казахтелеком, Билайн", operators).slugs).toEqual(["kazakhtelecom", "beeline"]);
    expect(matchOperators("Kar-Tel LLP", operators).slugs).toEqual(["beeline"]);
  });

  it("keeps names it cannot match and ignores 'Unknown'", () => {
    expect(matchOperators("Kazakhstan: Kazakhtelecom, Kazakhstan: Jusan Mobile, Unknown", operators)).toEqual({
      slugs: ["kazakhtelecom"],
      unmatched: ["Jusan Mobile"],
    });
    expect(matchOperators("", operators)).toEqual({ slugs: [], unmatched: [] });
  });

  it("does not match a brand inside another word", () => {
    expect(matchOperators("Activision", operators).slugs).toEqual([]);
    expect(matchOperators("Kcellular Ltd", operators).slugs).toEqual([]);
  });

  it("finds operators named in a sentence", () => {
    expect(operatorsMentioned("Kcell told customers the authorities ordered it", operators)).toEqual(["kcell"]);
  });
});

describe("matchRegions", () => {
  it("tells the city of Almaty from Almaty Region, and knows former names", () => {
    expect(matchRegions("Almaty", regions).slugs).toEqual(["almaty-city"]);
    expect(matchRegions("Almaty Region", regions).slugs).toEqual(["almaty-region"]);
    expect(matchRegions("Almaty oblast", regions).slugs).toEqual(["almaty-region"]);
    expect(matchRegions("Almaty city", regions).slugs).toEqual(["almaty-city"]);
    expect(matchRegions("Nur-Sultan", regions).slugs).toEqual(["astana"]);
    expect(matchRegions("South Kazakhstan", regions).slugs).toEqual(["turkistan"]);
  });

  it("splits lists and keeps what it cannot match", () => {
    expect(matchRegions("Almaty, Nur-Sultan and Mangystau; Baikonur", regions)).toEqual({
      slugs: ["almaty-city", "astana", "mangystau"],
      unmatched: ["Baikonur"],
    });
    expect(matchRegions("Zhanaozen (Mangystau)", regions).slugs).toEqual(["mangystau"]);
    expect(matchRegions("Алматы", regions).slugs).toEqual(["almaty-city"]);
  });
});
