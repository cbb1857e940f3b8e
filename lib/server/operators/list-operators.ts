import "server-only";
import { getDb } from "@/lib/db/client";

export type OperatorOption = { slug: string; name: string; asns: number[] };

/** Operators in display order, with their ASNs. */
export async function listOperators(): Promise<OperatorOption[]> {
  const operators = await getDb().operator.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, networks: { select: { asn: true }, orderBy: { asn: "asc" } } },
  });
  return operators.map((operator) => ({ slug: operator.slug, name: operator.name, asns: operator.networks.map((n) => n.asn) }));
}
