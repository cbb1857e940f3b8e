import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZSlug } from "@/lib/schemas/incident";
import { parseOrThrow } from "@/lib/schemas/parse";
import { notifyChartDataChanged } from "@/lib/server/cache/chart-cache";

const ZAttachNetwork = z.object({ asn: z.coerce.number().int().min(1).max(4_294_967_295), operator: ZSlug.nullable() });

/**
 * Attaches a network to an operator (or detaches it with `operator: null`).
 * Series name their ASN, not the operator, so every measurement already
 * stored for the ASN counts for the operator from now on, without re-ingest.
 */
export async function attachNetworkToOperator({ by, asn, operator }: { by: Caller; asn: number; operator: string | null }) {
  await requirePermission(by, "network:manage");
  const input = parseOrThrow(ZAttachNetwork, { asn, operator });
  const db = getDb();
  const target = input.operator ? await db.operator.findUnique({ where: { slug: input.operator }, select: { id: true } }) : null;
  if (input.operator && !target) throw new AppError("VALIDATION", "No such operator.", { fieldIssues: { operator: [`unknown operator "${input.operator}"`] } });
  const updated = await db.network.updateMany({ where: { asn: input.asn }, data: { operatorId: target?.id ?? null } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", `AS${input.asn} is not a known network.`);
  // The operator's charts now include (or no longer include) this network's history.
  await notifyChartDataChanged(db, "series");
  return { asn: input.asn, operator: input.operator };
}
