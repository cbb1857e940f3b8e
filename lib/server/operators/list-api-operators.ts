import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { ApiOperator } from "@/lib/schemas/api/reference";

/** Every operator with its legal entity and ASNs, A–Z, for the public API. Public: open to every caller. */
export async function listApiOperators(_request: { caller: Caller }): Promise<ApiOperator[]> {
  const operators = await getDb().operator.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, legalEntity: true, networks: { select: { asn: true }, orderBy: { asn: "asc" } } },
  });
  return operators.map((operator) => ({
    slug: operator.slug,
    name: operator.name,
    legal_entity: operator.legalEntity,
    asns: operator.networks.map((network) => network.asn),
  }));
}
