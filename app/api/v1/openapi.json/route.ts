import { apiGet, apiOptions } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of this API. */
export const GET = apiGet(async () => Response.json(buildOpenApiDocument()));

export const OPTIONS = apiOptions;
