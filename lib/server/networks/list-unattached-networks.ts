import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

/**
 * Networks with no operator: ASNs met in feeds that no table knew, and the
 * "other" networks. For each, how much measured data names it, so staff can
 * attach the ones that matter first.
 */
export async function listUnattachedNetworks({ caller }: { caller: Caller }) {
  await requirePermission(caller, "network:manage");
  return getDb().$queryRaw<{ asn: number; name: string; series: number; points: number; firstSeen: Date }[]>`
    SELECT n.asn, n.name, n.created_at AS "firstSeen",
           COUNT(DISTINCT s.id)::int AS series,
           COALESCE(SUM(p.count), 0)::int AS points
    FROM networks n
    LEFT JOIN series s ON s.asn = n.asn
    LEFT JOIN LATERAL (SELECT COUNT(*) AS count FROM series_points sp WHERE sp.series_id = s.id) p ON true
    WHERE n.operator_id IS NULL
    GROUP BY n.asn
    ORDER BY points DESC, n.asn`;
}
