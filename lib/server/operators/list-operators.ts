import "server-only";
import { cache } from "react";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { cachedChartData } from "@/lib/server/cache/chart-cache";

export type OperatorOption = { slug: string; name: string; asns: number[] };

/**
 * Operators in display order, with their ASNs. Public: open to every caller.
 *
 * One query (the networks aggregated in it), kept in the chart-data cache under
 * "series" — attaching or detaching a network announces that tag — and shared
 * by everything one request renders (React `cache`: metadata, page, summaries;
 * decision 0025). Each call gets its own copy, so callers may do as they like with it.
 */
export async function listOperators(_request: { caller: Caller }): Promise<OperatorOption[]> {
  const operators = await operatorsOfThisRequest();
  return operators.map((operator) => ({ ...operator, asns: [...operator.asns] }));
}

const operatorsOfThisRequest = cache(() => cachedChartData("series", "operators", queryOperators));

async function queryOperators(): Promise<OperatorOption[]> {
  return getDb().$queryRaw<OperatorOption[]>`
    SELECT o.slug, o.name, COALESCE(array_agg(n.asn ORDER BY n.asn) FILTER (WHERE n.asn IS NOT NULL), '{}') AS asns
    FROM operators o
    LEFT JOIN networks n ON n.operator_id = o.id
    GROUP BY o.id
    ORDER BY o.name, o.id`;
}
