import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { loadIncidentDetail, type IncidentDetail } from "./published/detail";

/** One published incident with everything a reader needs to check it, or null. Public: open to every caller. */
export function getPublishedIncident({ slug, locale }: { caller: Caller; slug: string; locale: string }): Promise<IncidentDetail | null> {
  return loadIncidentDetail({ where: { slug, status: "PUBLISHED" }, locale });
}
