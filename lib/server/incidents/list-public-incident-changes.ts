import "server-only";
import type { Caller } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { PUBLISHED_REVISIONS, publicChangesOf, type PublicChange } from "./published/public-changes";

/**
 * The public change log of a published incident, newest first (see
 * publicChangesOf); empty when no published incident has the slug. Public:
 * open to every caller.
 */
export async function listPublicIncidentChanges({ slug, showEditorNames }: { caller: Caller; slug: string; showEditorNames: boolean }): Promise<PublicChange[]> {
  const revisions = await getDb().incidentRevision.findMany({ ...PUBLISHED_REVISIONS, where: { ...PUBLISHED_REVISIONS.where, incident: { slug, status: "PUBLISHED" } } });
  return publicChangesOf(revisions, { showEditorNames });
}
