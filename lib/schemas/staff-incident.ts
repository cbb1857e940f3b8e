import { z } from "zod";
import { WORKFLOW_STEPS } from "@/lib/incidents/workflow";
import { incidentIssue } from "@/lib/schemas/incident";

/** Route and action parameters of the staff incident pages. The incident itself is checked by ZIncidentInput. */
export const ZIncidentId = z.coerce.number().int().positive().max(2_147_483_647);
export const ZVersion = z.coerce.number().int().positive().max(2_147_483_647);
export const ZChangeNote = z
  .string()
  .trim()
  .max(2000, incidentIssue("too_long", { maximum: 2000 }))
  .refine((value) => !value.includes("\u0000"), incidentIssue("nul_character"))
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** What the editor sends with every save. */
export const ZSaveIncidentRequest = z.object({
  input: z.record(z.string(), z.unknown()),
  baseVersion: ZVersion.nullable(),
  note: ZChangeNote,
});

export const ZStatusChangeForm = z.object({
  id: ZIncidentId,
  baseVersion: ZVersion,
  step: z.enum(WORKFLOW_STEPS),
  note: ZChangeNote.optional(),
});

export const ZRestoreRevisionForm = z.object({ id: ZIncidentId, version: ZVersion, baseVersion: ZVersion });
