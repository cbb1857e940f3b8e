import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import type { IngestRunSummary } from "@/lib/server/imports/run-summary";
import styles from "./imports.module.css";
import { RunStatusLabel } from "./run-status-label";
import { StaffTime } from "@/components/staff/time/staff-time";

type Props = {
  runs: IngestRunSummary[];
  /** Spreadsheet imports show the country of their rows; feed runs how they started and their window. */
  kind: "spreadsheet" | "feeds";
  caption: string;
};

/** A list of ingest runs, newest first, each linking to its report. */
export function RunTable({ runs, kind, caption }: Props) {
  const t = useTranslations("Imports");
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("runs.columns.run")}</th>
            {kind === "feeds" ? <th scope="col">{t("runs.columns.source")}</th> : null}
            {kind === "feeds" ? <th scope="col">{t("runs.columns.trigger")}</th> : null}
            <th scope="col">{kind === "feeds" ? t("runs.columns.what") : t("runs.columns.file")}</th>
            {kind === "spreadsheet" ? <th scope="col">{t("runs.columns.country")}</th> : null}
            <th scope="col">{t("runs.columns.started")}</th>
            <th scope="col">{t("runs.columns.finished")}</th>
            <th scope="col" className={styles.numeric}>
              {t("runs.columns.accepted")}
            </th>
            <th scope="col" className={styles.numeric}>
              {t("runs.columns.duplicates")}
            </th>
            <th scope="col" className={styles.numeric}>
              {t("runs.columns.rejected")}
            </th>
            <th scope="col">{t("runs.columns.status")}</th>
            <th scope="col">{t("runs.columns.by")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <th scope="row">
                <Link href={`/staff/imports/${run.id}`}>{t("runs.runLink", { id: run.id })}</Link>
              </th>
              {kind === "feeds" ? <td>{t(`source.${run.source}`)}</td> : null}
              {kind === "feeds" ? <td>{t(`trigger.${run.trigger ?? "commandLine"}`)}</td> : null}
              <td className={styles.key}>
                {run.window ? t("window", { since: run.window.since.slice(0, 16).replace("T", " "), until: run.window.until.slice(0, 16).replace("T", " ") }) : run.fileName}
              </td>
              {kind === "spreadsheet" ? <td>{run.country}</td> : null}
              <td>
                <StaffTime value={run.startedAt} seconds />
              </td>
              <td>{run.finishedAt ? <StaffTime value={run.finishedAt} seconds /> : t("runs.notFinished")}</td>
              <td className={styles.numeric}>{run.accepted}</td>
              <td className={styles.numeric}>{run.duplicates}</td>
              <td className={styles.numeric}>{run.rejected}</td>
              <td>
                <RunStatusLabel status={run.status} rejected={run.rejected} />
              </td>
              <td>{run.triggeredBy ?? (run.trigger === "schedule" ? t("trigger.schedule") : t("runs.commandLine"))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
