import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** An incident as the console's lists show it (the incident list, the staff home). */
export const STAFF_ROW = {
  id: true,
  slug: true,
  title: true,
  status: true,
  version: true,
  startsAt: true,
  updatedAt: true,
  createdById: true,
  createdBy: { select: { name: true } },
} as const satisfies Prisma.IncidentSelect;

export type StaffRow = Prisma.IncidentGetPayload<{ select: typeof STAFF_ROW }>;
