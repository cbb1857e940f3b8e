import { ANONYMOUS } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/api/csv";
import { apiGet, apiOptions } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/problem";
import { ZReferenceListQuery } from "@/lib/schemas/api/reference";
import { listApiOperators } from "@/lib/server/operators/list-api-operators";

export const dynamic = "force-dynamic";

/** GET /api/v1/operators: every operator with its legal entity and ASNs. */
export const GET = apiGet(async (request: Request) => {
  const query = parseQuery(ZReferenceListQuery, new URL(request.url));
  const operators = await listApiOperators({ caller: ANONYMOUS });
  if (query.format === "csv") {
    return csvResponse(
      "operators",
      ["slug", "name", "legal_entity", "asns"],
      operators.map((operator) => [operator.slug, operator.name, operator.legal_entity, operator.asns.join(" ")]),
    );
  }
  return Response.json({ data: operators });
});

export const OPTIONS = apiOptions;
