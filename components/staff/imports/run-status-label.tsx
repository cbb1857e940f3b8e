import { useTranslations } from "next-intl";
import type { IngestRunStatus } from "@/lib/generated/prisma/enums";
import { runDisplayStatus } from "@/lib/imports/run-status";

/** A run's outcome in words: a run that rejected records says how many, never a plain "Succeeded". */
export function RunStatusLabel({ status, rejected }: { status: IngestRunStatus; rejected: number }) {
  const t = useTranslations("Imports.status");
  const shown = runDisplayStatus({ status, rejected });
  return <span data-run-status={shown}>{shown === "SUCCEEDED_WITH_REJECTS" ? t(shown, { count: rejected }) : t(shown)}</span>;
}
