import { z } from "zod";
import { AuditAction } from "@/lib/generated/prisma/enums";

export const AUDIT_ACTIONS = Object.values(AuditAction);

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit-log page's query string: an action filter and a page number. Bad
 * values are dropped (the page says so) rather than failing the page.
 */
export const ZAuditLogQuery = z.object({
  action: z.enum(AuditAction).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditLogQuery = z.infer<typeof ZAuditLogQuery>;
