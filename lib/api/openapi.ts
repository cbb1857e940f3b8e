import { z } from "zod";
import { ZProblem } from "@/lib/schemas/api/common";
import { aliasesOf, listParamsOf } from "@/lib/schemas/url-state";
import { API_ENDPOINTS, type ApiEndpoint } from "./endpoints";

type JsonSchema = Record<string, unknown>;
type Components = Record<string, JsonSchema>;

const COMPONENT_REF = "#/components/schemas/";

/**
 * JSON Schema 2020-12 (what OpenAPI 3.1 uses) of a zod schema. Named schemas
 * (`.meta({ id })`) go to `components` and are referenced from there.
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Components): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  const schemaOf = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', `"${COMPONENT_REF}`)) as JsonSchema;
  Object.assign(components, (schemaOf.$defs as Components | undefined) ?? {});
  delete schemaOf.$defs;
  delete schemaOf.$schema; // the document's jsonSchemaDialect says it once
  return schemaOf;
}

function parametersOf(endpoint: ApiEndpoint, components: Components) {
  const pathParams = (endpoint.pathParams ?? []).map((param) => ({
    name: param.name,
    in: "path",
    required: true,
    description: param.description,
    schema: { type: "string" },
    example: param.example,
  }));
  const repeatable = listParamsOf(endpoint.query);
  const aliases = aliasesOf(endpoint.query);
  const queryParams = Object.entries(endpoint.query.shape).map(([name, field]) => {
    const { description, ...schema } = jsonSchema(field as z.ZodType, "input", components);
    const alias = aliases.find((entry) => entry.param === name);
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof description === "string" ? { description } : {}),
      ...(repeatable.includes(name) ? { style: "form", explode: true } : {}),
      // An old name, still accepted: the parameter it stands for (giving both is refused).
      ...(alias ? { deprecated: true, "x-alias-of": alias.aliasOf } : {}),
      schema,
    };
  });
  return [...pathParams, ...queryParams];
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: `${COMPONENT_REF}Problem` } } },
});

const rateLimitHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per window.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
  "RateLimit-Policy": { description: "The limit and its window, e.g. `120;w=60`.", schema: { type: "string" } },
  Link: {
    description:
      'The licences of the data, as `<url>; rel="license"` links: the tracker\'s records are CC BY 4.0; measured series link their publishers\' terms (one link per licence).',
    schema: { type: "string" },
  },
};

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl = "/"): JsonSchema {
  const components: Components = {};
  jsonSchema(ZProblem, "output", components);
  const paths: Record<string, JsonSchema> = {};
  for (const endpoint of API_ENDPOINTS) {
    const success = jsonSchema(endpoint.response, "output", components);
    paths[endpoint.path] = {
      get: {
        operationId: endpoint.operationId,
        summary: endpoint.summary,
        description: endpoint.description,
        parameters: parametersOf(endpoint, components),
        responses: {
          "200": {
            description: "OK",
            headers: rateLimitHeaders,
            content: {
              "application/json": { schema: success },
              ...(endpoint.csv ? { "text/csv": { schema: { type: "string" }, example: "(with format=csv) a header row, then one row per record" } } : {}),
            },
          },
          "400": problem("A query parameter is invalid or unknown; `invalid_params` names it."),
          ...(endpoint.notFound ? { "404": problem(endpoint.notFound) } : {}),
          "429": { ...problem("Too many requests from this IP address; see Retry-After."), headers: { "Retry-After": { schema: { type: "integer" } } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Kazakhstan Shutdown Tracker API",
      version: "1.0.0",
      description:
        "Read-only access to the tracker's published incidents, operators, regions and measured signals. No key needed; CORS is open for GET. Each IP address may make a limited number of requests per minute (RateLimit headers). Responses may be cached by CDNs for a minute. The tracker's curated records (incidents, phases, the figures counted from them, operators and regions) are CC BY 4.0: republish them, commercially too, with credit. Measured series keep their publishers' terms (OONI CC BY-NC-SA 4.0, Cloudflare Radar CC BY-NC 4.0, IODA © Georgia Tech Research Corporation), listed in each answer's `credits` and `Link` header.",
      license: { name: "CC BY 4.0 (curated records; measured series keep their publishers' terms)", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas: components },
  };
}
