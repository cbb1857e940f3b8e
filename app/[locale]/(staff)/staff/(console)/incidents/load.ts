import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { ZIncidentId } from "@/lib/schemas/staff-incident";

/** The incident id in a staff URL, or a 404 for anything that cannot be one. */
export function incidentIdFrom(raw: string): number {
  const parsed = ZIncidentId.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

/** Runs a server function for a page: a missing record is a 404 and a denial a 403, as for any URL. */
export async function loadForPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) notFound();
    if (isAppError(error, "FORBIDDEN")) forbidden();
    throw error;
  }
}
