import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export type OperatorOption = { slug: string; name: string; asns: number[] };

/** Operators in display order, with their ASNs. Public: open to every caller. */
export async function listOperators(_request: { caller: Caller }): Promise<OperatorOption[]> {
  const operators = await getDb().operator.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, networks: { select: { asn: true }, orderBy: { asn: "asc" } } },
  });
  return operators.map((operator) => ({ slug: operator.slug, name: operator.name, asns: operator.networks.map((n) => n.asn) }));
}
