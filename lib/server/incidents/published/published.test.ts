import { describe, expect, it } from "vitest";
import { END_FIELDS, PERIOD_FIELDS, PHASE_FIELDS, TEXT_FIELDS, endOf, periodOf, phaseOf, regionName, textOf, typesOf } from "./fields";
import { publicChangesOf } from "./public-changes";
import { summaryFields, summaryOf } from "./summary";
import { EVERY_PUBLISHED_INCIDENT, publishedIncidentWhere } from "./where";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

const end = { endsAt: null, endPrecision: null, endStatus: "ONGOING", lastReportedOn: null } as const;
const period = { startsAt: new Date("2022-01-05T11:15:00Z"), startPrecision: "EXACT", ...end, lastCheckedOn: day("2022-01-06") } as const;

const phase = {
  label: "Cut",
  translations: { ru: { label: "Отключение" } },
  type: "FULL_BLACKOUT",
  extent: "FULL",
  startsAt: period.startsAt,
  startPrecision: period.startPrecision,
  ...end,
  allOperators: true,
  services: ["TELEGRAM" as const],
} as const;

describe("the column sets and their mappers", () => {
  it("show every column they select, the translations folded into the text they translate", () => {
    const text = { slug: "qantar", title: "Blackout", summary: "Cut", translations: {} };
    expect(Object.keys(textOf(text, "en")).sort()).toEqual(Object.keys(TEXT_FIELDS).filter((key) => key !== "translations").sort());
    expect(Object.keys(endOf({ ...period })).sort()).toEqual(Object.keys(END_FIELDS).sort());
    expect(Object.keys(periodOf({ ...period })).sort()).toEqual(Object.keys(PERIOD_FIELDS).sort());
    expect(Object.keys(phaseOf({ ...phase, services: [...phase.services] }, "en")).sort()).toEqual(
      Object.keys(PHASE_FIELDS).filter((key) => key !== "translations").sort(),
    );
  });

  it("give nothing but what they show, whatever else the row holds", () => {
    const row = { ...period, slug: "qantar", title: "Blackout", summary: "Cut", translations: {}, body: "draft notes" };
    expect(periodOf(row)).toEqual(period);
    expect(textOf(row, "en")).toEqual({ slug: "qantar", title: "Blackout", summary: "Cut" });
  });

  it("read the text in the reader's language, English where no translation exists", () => {
    const row = { slug: "qantar", title: "Blackout", summary: "Cut", translations: { ru: { title: "Блэкаут" } } };
    expect(textOf(row, "ru")).toEqual({ slug: "qantar", title: "Блэкаут", summary: "Cut" });
    expect(textOf(row, "en")).toEqual({ slug: "qantar", title: "Blackout", summary: "Cut" });
    expect(phaseOf({ ...phase, services: [...phase.services] }, "ru").label).toBe("Отключение");
    expect(regionName({ slug: "almaty", nameEn: "Almaty", nameRu: "Алматы" }, "ru")).toEqual({ slug: "almaty", name: "Алматы" });
  });

  it("list the incident's type, then each phase type once, in phase order", () => {
    expect(typesOf({ type: "THROTTLING", phases: [{ type: "FULL_BLACKOUT" }, { type: "THROTTLING" }, { type: "FULL_BLACKOUT" }, { type: "SERVICE_BLOCKING" }] })).toEqual([
      "THROTTLING",
      "FULL_BLACKOUT",
      "SERVICE_BLOCKING",
    ]);
  });
});

describe("the summary", () => {
  it("selects operators and regions by the names readers see, or by slug for the API", () => {
    expect(summaryFields({ namesBy: "name", locale: "ru" }).regions.orderBy).toEqual({ region: { nameRu: "asc" } });
    expect(summaryFields({ namesBy: "name", locale: "en" }).operators.orderBy).toEqual({ operator: { name: "asc" } });
    expect(summaryFields({ namesBy: "slug" }).regions.orderBy).toEqual({ region: { slug: "asc" } });
    expect(summaryFields({ namesBy: "slug" }).operators.orderBy).toEqual({ operator: { slug: "asc" } });
  });

  it("is made of the columns it selects, counted and named for the reader", () => {
    const row = {
      slug: "qantar",
      title: "Blackout",
      summary: "Cut",
      translations: { ru: { summary: "Отключение" } },
      ...period,
      scope: "NATIONAL",
      type: "FULL_BLACKOUT",
      services: ["TELEGRAM"],
      verification: "CORROBORATED",
      operators: [{ operator: { slug: "kcell", name: "Kcell" } }],
      regions: [{ region: { slug: "almaty", nameEn: "Almaty", nameRu: "Алматы" } }],
      phases: [{ type: "FULL_BLACKOUT" }, { type: "THROTTLING" }],
      _count: { sources: 3 },
    } as const;
    expect(summaryOf({ ...row, services: [...row.services], operators: [...row.operators], regions: [...row.regions], phases: [...row.phases] }, "ru")).toEqual({
      slug: "qantar",
      title: "Blackout",
      summary: "Отключение",
      ...period,
      scope: "NATIONAL",
      type: "FULL_BLACKOUT",
      types: ["FULL_BLACKOUT", "THROTTLING"],
      services: ["TELEGRAM"],
      verification: "CORROBORATED",
      operators: [{ slug: "kcell", name: "Kcell" }],
      regions: [{ slug: "almaty", name: "Алматы" }],
      phaseCount: 2,
      sourceCount: 3,
    });
  });
});

describe("publishedIncidentWhere", () => {
  it("selects every published incident and nothing else when nothing is filtered", () => {
    expect(publishedIncidentWhere(EVERY_PUBLISHED_INCIDENT)).toEqual({ status: "PUBLISHED", AND: [] });
  });

  it("keeps to published incidents whatever the filters", () => {
    const where = publishedIncidentWhere({ ...EVERY_PUBLISHED_INCIDENT, years: [2022], operators: ["kcell"], state: "ongoing" });
    expect(where.status).toBe("PUBLISHED");
    expect(where.AND).toHaveLength(3);
  });
});

describe("publicChangesOf", () => {
  const revision = (version: number, title: string, note: string | null = null) => ({
    version,
    createdAt: new Date(Date.UTC(2022, 0, version)),
    snapshot: { title, summary: "Cut" },
    note,
    author: { name: `Editor ${version}` },
  });

  it("lists the first publication and each later version that changed something, newest first", () => {
    const changes = publicChangesOf([revision(2, "Blackout"), revision(4, "Blackout"), revision(7, "Nationwide blackout", "Scope widened")], { showEditorNames: false });
    expect(changes).toEqual([
      { at: new Date(Date.UTC(2022, 0, 7)), version: 7, kind: "UPDATED", fields: ["title"], note: "Scope widened", editor: null },
      { at: new Date(Date.UTC(2022, 0, 2)), version: 2, kind: "FIRST_PUBLISHED", fields: [], note: null, editor: null },
    ]);
  });

  it("names editors only when told to", () => {
    expect(publicChangesOf([revision(1, "Blackout")], { showEditorNames: true })[0]!.editor).toBe("Editor 1");
    expect(publicChangesOf([revision(1, "Blackout")], { showEditorNames: false })[0]!.editor).toBeNull();
  });
});
