import "server-only";
import { z } from "zod";
import { authorIdOf, type Caller } from "@/lib/auth/permissions";
import type { RequestOrigin } from "@/lib/auth/request-context";
import { requirePermission } from "@/lib/auth/require-permission";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZSlug } from "@/lib/schemas/incident";
import { parseOrThrow } from "@/lib/schemas/parse";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";

const ZAttachNetwork = z.object({ asn: z.coerce.number().int().min(1).max(4_294_967_295), operator: ZSlug.nullable() });

/**
 * Attaches a network to an operator (or detaches it with `operator: null`).
 * Series name their ASN, not the operator, so every measurement already
 * stored for the ASN counts for the operator from now on, without re-ingest.
 * A change is audited (NETWORK_ATTACHED or NETWORK_DETACHED, with the operator
 * before and after) in the transaction that makes it; attaching a network to
 * the operator it already has changes and records nothing.
 */
export async function attachNetworkToOperator({
  caller,
  asn,
  operator,
  origin,
}: {
  caller: Caller;
  asn: number;
  operator: string | null;
  origin?: RequestOrigin;
}): Promise<{ asn: number; operator: string | null; changed: boolean }> {
  const actor = await requirePermission(caller, "network:manage");
  const input = parseOrThrow(ZAttachNetwork, { asn, operator });
  const db = getDb();
  const target = input.operator ? await db.operator.findUnique({ where: { slug: input.operator }, select: { id: true } }) : null;
  if (input.operator && !target) throw new AppError("VALIDATION", "No such operator.", { fieldIssues: { operator: [`unknown operator "${input.operator}"`] } });
  const changed = await db.$transaction(async (tx) => {
    // Locked, so that two editors changing one network record the operator each of them replaced.
    const [network] = await tx.$queryRaw<{ operator: string | null }[]>`
      SELECT o.slug AS operator FROM networks n LEFT JOIN operators o ON o.id = n.operator_id WHERE n.asn = ${input.asn} FOR UPDATE OF n`;
    if (!network) throw new AppError("NOT_FOUND", `AS${input.asn} is not a known network.`);
    if (network.operator === input.operator) return false;
    await tx.network.update({ where: { asn: input.asn }, data: { operatorId: target?.id ?? null } });
    await recordAuditEvent({
      action: input.operator ? "NETWORK_ATTACHED" : "NETWORK_DETACHED",
      actorId: authorIdOf(actor),
      ip: origin?.ip,
      userAgent: origin?.userAgent,
      details: { asn: input.asn, operator: input.operator, previousOperator: network.operator },
      db: tx,
    });
    // The operator's charts now include (or no longer include) this network's history; sent on commit.
    await notifyChartDataChanged(tx, "series");
    return true;
  });
  return { asn: input.asn, operator: input.operator, changed };
}
