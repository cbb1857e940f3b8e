import { getTranslations } from "next-intl/server";
import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { periodOfInstants } from "@/lib/charts/export/table";
import type { IncidentPhase } from "@/lib/server/incidents/published/detail";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import { CURATED_SOURCES } from "@/lib/credits/data-credits";

/**
 * An incident's phase chart as a download: a row per phase bar, with the
 * recorded end as the incident page writes it, what is known about the end
 * (end status, last report), and where the figures count it to — empty when
 * they do not count it (decision 0013).
 */
export async function phaseDownloadTable(
  phases: IncidentPhase[],
  countedEnds: (Date | null)[],
  domain: { from: Date; to: Date },
  incidentTitle: string,
): Promise<ChartDownloadTable> {
  const t = await getTranslations("chartDownloads");
  const column = (key: string, description: string, label = key) => ({ key, label, description });
  return {
    title: t("phasesTitle", { title: incidentTitle }),
    period: periodOfInstants(domain.from, domain.to, KAZAKHSTAN_TIME_ZONE),
    source: t("source.phases"),
    sources: [...CURATED_SOURCES],
    columns: [
      column("phase", t("columns.phase")),
      column("label", t("columns.phaseLabel")),
      column("type", t("columns.phaseType")),
      column("extent", t("columns.phaseExtent")),
      column("start", t("columns.phaseStart")),
      column("end", t("columns.phaseEnd")),
      column("end_precision", t("columns.phaseEndPrecision")),
      column("end_status", t("columns.endStatus")),
      column("last_reported_on", t("columns.lastReportedOn")),
      column("counted_until", t("columns.countedUntil")),
      column("open", t("columns.phaseOpen")),
      column("all_operators", t("columns.allOperators")),
      column("operators", t("columns.phaseOperators")),
      column("regions", t("columns.phaseRegions")),
    ],
    rows: phases.map((phase, index) => ({
      phase: phase.number,
      label: phase.label,
      type: phase.type,
      extent: phase.extent,
      start: phase.startsAt.toISOString(),
      end: phase.endsAt?.toISOString() ?? null,
      end_precision: phase.endPrecision,
      end_status: phase.endStatus,
      last_reported_on: phase.lastReportedOn?.toISOString().slice(0, 10) ?? null,
      counted_until: countedEnds[index]?.toISOString() ?? null,
      open: phase.endStatus !== "RECORDED",
      all_operators: phase.allOperators,
      operators: phase.operators.map((operator) => operator.slug).join(" "),
      regions: phase.regions.map((region) => region.slug).join(" "),
    })),
  };
}
