import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("the /api/v1 OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("would be caught if broken (the validator is not a no-op)", async () => {
    const broken = structuredClone(document) as { paths: Record<string, { get: { parameters: { in: string }[] } }> };
    broken.paths["/api/v1/regions"]!.get.parameters[0]!.in = "body"; // OpenAPI 2 only
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes every endpoint, its parameters and its error answers", () => {
    const paths = document.paths as Record<string, { get: { parameters: { name: string; description?: string; required: boolean }[]; responses: Record<string, unknown> } }>;
    expect(Object.keys(paths)).toEqual(["/api/v1/incidents", "/api/v1/incidents/{slug}", "/api/v1/disruption", "/api/v1/operators", "/api/v1/regions", "/api/v1/series"]);
    const list = paths["/api/v1/incidents"]!.get;
    expect(list.parameters.map((param) => param.name)).toEqual([
      "from", "to", "operator", "region", "type", "service", "cause", "status", "limit", "cursor", "lang", "format",
    ]);
    expect(list.parameters.every((param) => typeof param.description === "string" && param.description.length > 0)).toBe(true);
    expect(paths["/api/v1/series"]!.get.parameters.find((param) => param.name === "operator")?.required).toBe(true);
    expect(Object.keys(paths["/api/v1/incidents/{slug}"]!.get.responses)).toEqual(["200", "400", "404", "429"]);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(["Problem", "IncidentList", "IncidentListItem", "IncidentDetail", "OperatorList", "RegionList", "Series", "Disruption", "Figure", "MeasureFigures"]),
    );
    const series = paths["/api/v1/series"]!.get.parameters as { name: string; deprecated?: boolean; "x-alias-of"?: string; description?: string; style?: string }[];
    expect(series.map((param) => param.name)).toEqual(["operator", "signals", "from", "to", "max_points", "asns", "norm", "signal", "split", "normalised", "format"]);
    // The operator page's names are the API's; the first names stay, documented as deprecated aliases of them.
    const aliases = series.filter((param) => param.deprecated);
    expect(aliases.map((param) => [param.name, param["x-alias-of"]])).toEqual([
      ["signal", "signals"],
      ["split", "asns"],
      ["normalised", "norm"],
    ]);
    for (const alias of aliases) expect(alias.description, alias.name).toContain(`alias of \`${alias["x-alias-of"]}\``);
    expect(series.filter((param) => param.style === "form").map((param) => param.name)).toEqual(["signals", "signal"]);
    const disruption = paths["/api/v1/disruption"]!.get;
    expect(disruption.parameters.map((param) => param.name)).toEqual(["operator", "region", "from", "to", "by", "lang", "format"]);
    expect(Object.keys(disruption.responses)).toEqual(["200", "400", "404", "429"]);
  });
});
