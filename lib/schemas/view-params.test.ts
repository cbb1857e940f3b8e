import { describe, expect, it } from "vitest";
import { readMapParams } from "@/app/[locale]/(public)/map/read-map-params";
import { parseEmbedParams, readClosedEmbedParams, ZIncidentEmbedParams, ZOverviewEmbedParams } from "@/lib/schemas/embed";
import { parseIncidentFilters } from "@/lib/schemas/incident-filters";
import { chartsOf } from "@/lib/embed/embed-charts";
import { readEmbedChart } from "@/lib/embed/read-embed-chart";
import { parseOperatorViewParams, ZOperatorParams, ZOperatorsEmbedParams, ZOperatorsParams } from "@/lib/schemas/operator-view";
import { VIEW_PARAMS, VIEW_SCHEMAS } from "@/lib/schemas/view-params";
import { readTimelineParams } from "@/lib/timeline/timeline-params";

/**
 * The cache keys hold only the parameters in VIEW_PARAMS (lib/http/public-routes.ts). Each parser
 * must read exactly its list: a listed name with a value it refuses is reported (so it is read),
 * and a name that is not listed changes nothing.
 */
type Query = Record<string, string | string[] | undefined>;
const KNOWN = { operators: ["kcell"], regions: ["almaty"] };
const NOT_LISTED = { utm_source: "newsletter", fbclid: "x", theme: "dark", view: "1", sort: "desc" };

function withoutListed(listed: readonly string[]): Query {
  return Object.fromEntries(Object.entries(NOT_LISTED).filter(([name]) => !listed.includes(name)));
}

describe("VIEW_PARAMS matches what each parser reads", () => {
  it("filters: parseIncidentFilters", () => {
    const parse = (query: Query) => parseIncidentFilters(query, KNOWN);
    for (const name of VIEW_PARAMS.filters) {
      expect(parse({ [name]: "not-a-valid-value" }).ignored.map((entry) => entry.param), name).toEqual([name]);
    }
    expect(parse({ year: "2022", ...withoutListed(VIEW_PARAMS.filters) })).toEqual(parse({ year: "2022" }));
  });

  it("embed: parseEmbedParams", () => {
    for (const name of VIEW_PARAMS.embed) {
      const result = parseEmbedParams({ [name]: "not-a-valid-value" });
      expect(result.ok ? null : result.param, name).toBe(name);
    }
    expect(parseEmbedParams({ ...withoutListed(VIEW_PARAMS.embed) })).toEqual(parseEmbedParams({}));
  });

  it("map: readMapParams", () => {
    const read = (query: Query) => readMapParams(query, { months: ["2022-01"], regions: ["almaty"] });
    for (const name of VIEW_PARAMS.map) expect(read({ [name]: "not-a-valid-value" }).ignored.map((entry) => entry.param), name).toEqual([name]);
    expect(read({ measure: "full_blackout", ...withoutListed(VIEW_PARAMS.map) })).toEqual(read({ measure: "full_blackout" }));
  });

  it("operator pages: parseOperatorViewParams", () => {
    const views = [
      ["operators", ZOperatorsParams],
      ["operator", ZOperatorParams],
      ["operatorsEmbed", ZOperatorsEmbedParams],
    ] as const;
    for (const [view, schema] of views) {
      for (const name of VIEW_PARAMS[view]) {
        expect(parseOperatorViewParams({ [name]: "not-a-valid-value" }, schema).ignored.map((entry) => entry.param), `${view}: ${name}`).toEqual([name]);
      }
      expect(parseOperatorViewParams({ by: "year", ...withoutListed(VIEW_PARAMS[view]) }, schema)).toEqual(parseOperatorViewParams({ by: "year" }, schema));
    }
    // The embed of the comparison reads what the comparison reads and refuses the rest of what the parser reads.
    const embedReads = VIEW_PARAMS.operatorsEmbed as readonly string[];
    expect([...VIEW_PARAMS.operators, ...VIEW_PARAMS.operator].every((name) => embedReads.includes(name))).toBe(true);
    expect(embedReads.every((name) => (VIEW_PARAMS.operators as readonly string[]).includes(name) || (VIEW_PARAMS.operator as readonly string[]).includes(name))).toBe(true);
  });

  it("timeline: readTimelineParams", () => {
    const domain = { start: Date.UTC(2022, 0, 1), end: Date.UTC(2023, 0, 1) };
    const items = [{ slug: "qantar", start: Date.UTC(2022, 0, 4), end: Date.UTC(2022, 0, 20) }];
    const read = (query: Query) => readTimelineParams(query, { items, domain, zone: "local" });
    for (const name of VIEW_PARAMS.timeline) expect(read({ [name]: "not-a-valid-value" }).ignored.map((entry) => entry.param), name).toEqual([name]);
    expect(read({ incident: "qantar", ...withoutListed(VIEW_PARAMS.timeline) })).toEqual(read({ incident: "qantar" }));
  });

  it("embedChart: readEmbedChart", () => {
    for (const name of VIEW_PARAMS.embedChart) expect(readEmbedChart("isp", { [name]: "not-a-valid-value" }).ok, name).toBe(false);
    expect(readEmbedChart("isp", { ...withoutListed(VIEW_PARAMS.embedChart) })).toEqual(readEmbedChart("isp", {}));
  });

  it("overviewEmbed and incidentEmbed: readClosedEmbedParams reads its list and refuses every other name", () => {
    const embeds = [
      ["overviewEmbed", ZOverviewEmbedParams, chartsOf("overview")],
      ["incidentEmbed", ZIncidentEmbedParams, chartsOf("incident")],
    ] as const;
    for (const [view, schema, charts] of embeds) {
      for (const name of VIEW_PARAMS[view]) expect(readClosedEmbedParams(schema, charts, { [name]: "not-a-valid-value" }).problem?.param, `${view}: ${name}`).toBe(name);
      for (const name of Object.keys(withoutListed(VIEW_PARAMS[view]))) expect(readClosedEmbedParams(schema, charts, { [name]: "x" }).problem?.param, `${view}: ${name}`).toBe(name);
      expect(readClosedEmbedParams(schema, charts, { theme: "dark" }).problem).toBeNull();
    }
  });

  it("is derived from the views' schemas", () => {
    for (const [view, schema] of Object.entries(VIEW_SCHEMAS)) expect(VIEW_PARAMS[view as keyof typeof VIEW_PARAMS], view).toEqual(Object.keys(schema.shape));
  });

  it("lists no name twice within a view", () => {
    for (const [view, names] of Object.entries(VIEW_PARAMS)) expect(new Set(names).size, view).toBe(names.length);
  });
});
