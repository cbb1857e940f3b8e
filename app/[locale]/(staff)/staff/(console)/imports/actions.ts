"use server";

import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { STOP_UPLOAD_MAX_BYTES, ZProposalDecisionForm, ZRecordId, ZStopUploadForm } from "@/lib/schemas/import";
import { parseOrThrow } from "@/lib/schemas/parse";
import { applyIncidentProposal } from "@/lib/server/imports/apply-incident-proposal";
import { dismissIncidentProposal } from "@/lib/server/imports/dismiss-incident-proposal";
import { rollbackIngestRun, type IngestRollbackSummary } from "@/lib/server/ingest/rollback-ingest-run";
import { ingestUpload, type IngestUploadResult } from "@/lib/server/uploads/ingest-upload";

/** Staff pages and the public record may both show what an import or a decision changed. */
const refreshPages = () => revalidatePath("/", "layout");

/** Uploads a STOP CSV (FormData: file, country) and imports it, in the upload worker (ingestUpload). */
export async function uploadStopFileAction(_previous: unknown, form: FormData): Promise<ActionResult<IngestUploadResult>> {
  const actor = await getActor();
  return runAction(async () => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("VALIDATION", "Choose a CSV file to upload.", { details: { reason: "fileMissing" } });
    }
    if (file.size > STOP_UPLOAD_MAX_BYTES) {
      throw new AppError("VALIDATION", "The file is larger than the upload limit.", { details: { reason: "fileTooLarge" } });
    }
    const { country } = parseOrThrow(ZStopUploadForm, { country: form.get("country") || undefined });
    const summary = await ingestUpload({
      caller: actor,
      job: { kind: "stop", country, fileName: file.name.slice(0, 200) || "upload.csv" },
      input: Readable.fromWeb(file.stream() as unknown as NodeReadableStream),
    });
    refreshPages();
    return summary;
  });
}

/** Applies a proposal to its incident (FormData: proposalId, baseVersion). */
export async function applyProposalAction(_previous: unknown, form: FormData): Promise<ActionResult<{ version: number; changed: boolean }>> {
  const actor = await getActor();
  return runAction(async () => {
    const { proposalId, baseVersion } = parseOrThrow(ZProposalDecisionForm, Object.fromEntries(form));
    const result = await applyIncidentProposal({ caller: actor, id: proposalId, baseVersion });
    refreshPages();
    return { version: result.version, changed: result.changed };
  });
}

/** Dismisses a proposal (FormData: proposalId). */
export async function dismissProposalAction(_previous: unknown, form: FormData): Promise<ActionResult<{ proposalId: number }>> {
  const actor = await getActor();
  return runAction(async () => {
    const { proposalId } = parseOrThrow(ZProposalDecisionForm.pick({ proposalId: true }), Object.fromEntries(form));
    const result = await dismissIncidentProposal({ caller: actor, id: proposalId });
    refreshPages();
    return result;
  });
}

/** Rolls back a measurement run (FormData: runId): deletes what it stored. The server function checks the role and the run's state. */
export async function rollbackRunAction(_previous: unknown, form: FormData): Promise<ActionResult<IngestRollbackSummary>> {
  const actor = await getActor();
  return runAction(async () => {
    const runId = parseOrThrow(ZRecordId, form.get("runId"));
    const summary = await rollbackIngestRun({ caller: actor, runId });
    refreshPages();
    return summary;
  });
}
