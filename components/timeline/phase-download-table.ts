import { getTranslations } from "next-intl/server";
import type { ChartDownloadTable } from "@/components/charts/chart-downloads";
import { periodOfInstants } from "@/lib/charts/export/table";
import type { IncidentPhase } from "@/lib/server/incidents/get-published-incident";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";

/** An incident's phase chart as a download: a row per phase bar, with the start and end it is drawn with. */
export async function phaseDownloadTable(
  phases: IncidentPhase[],
  drawnEnds: Date[],
  domain: { from: Date; to: Date },
  incidentTitle: string,
): Promise<ChartDownloadTable> {
  const t = await getTranslations("chartDownloads");
  const column = (key: string, description: string, label = key) => ({ key, label, description });
  return {
    title: t("phasesTitle", { title: incidentTitle }),
    period: periodOfInstants(domain.from, domain.to, KAZAKHSTAN_TIME_ZONE),
    source: t("source.phases"),
    columns: [
      column("phase", t("columns.phase")),
      column("label", t("columns.phaseLabel")),
      column("type", t("columns.phaseType")),
      column("extent", t("columns.phaseExtent")),
      column("start", t("columns.phaseStart")),
      column("end", t("columns.phaseEnd")),
      column("open", t("columns.phaseOpen")),
      column("operators", t("columns.phaseOperators")),
      column("regions", t("columns.phaseRegions")),
    ],
    rows: phases.map((phase, index) => ({
      phase: phase.number,
      label: phase.label,
      type: phase.type,
      extent: phase.extent,
      start: phase.startsAt.toISOString(),
      end: drawnEnds[index]!.toISOString(),
      open: phase.endsAt === null,
      operators: phase.operators.map((operator) => operator.slug).join(" "),
      regions: phase.regions.map((region) => region.slug).join(" "),
    })),
  };
}
