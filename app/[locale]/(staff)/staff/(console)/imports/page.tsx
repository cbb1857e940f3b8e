import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/staff/imports/imports.module.css";
import { StopUploadForm } from "@/components/staff/imports/stop-upload-form";
import { StaffTime } from "@/components/staff/time/staff-time";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/lib/i18n/navigation";
import { STOP_UPLOAD_MAX_BYTES } from "@/lib/schemas/import";
import { listIncidentProposals } from "@/lib/server/imports/list-incident-proposals";
import { listIngestRuns } from "@/lib/server/imports/list-ingest-runs";
import { uploadStopFileAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Imports" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function ImportsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("import:run");
  const [runs, proposals, t] = await Promise.all([
    listIngestRuns({ by: actor }),
    listIncidentProposals({ by: actor }),
    getTranslations("Imports"),
  ]);

  return (
    <div className="container page">
      <header className="page-header">
        <h1>{t("title")}</h1>
        <p className="lede">{t("intro")}</p>
      </header>

      <section className="section" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t("upload.heading")}</h2>
        <p className="section-description">{t("upload.description")}</p>
        <StopUploadForm action={uploadStopFileAction} maxBytes={STOP_UPLOAD_MAX_BYTES} />
      </section>

      <section className="section" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t("proposalQueue.heading")}</h2>
        {proposals.length === 0 ? (
          <p>{t("proposalQueue.empty")}</p>
        ) : (
          <>
            <p className="results-count">{t("proposalQueue.count", { count: proposals.length })}</p>
            <ul className="link-list">
              {proposals.map((proposal) => (
                <li key={proposal.id}>
                  <Link href={`/staff/imports/proposals/${proposal.id}`}>{t("run.proposals.link", { id: proposal.id })}</Link>
                  {": "}
                  {proposal.incident.title} <span className={styles.key}>({proposal.externalKey})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="runs-heading">
        <h2 id="runs-heading">{t("runs.heading")}</h2>
        {runs.length === 0 ? (
          <p>{t("runs.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("runs.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("runs.columns.run")}</th>
                  <th scope="col">{t("runs.columns.source")}</th>
                  <th scope="col">{t("runs.columns.file")}</th>
                  <th scope="col">{t("runs.columns.country")}</th>
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
                    <td>{t(`source.${run.source}`)}</td>
                    <td>{run.fileName}</td>
                    <td>{run.country}</td>
                    <td>
                      <StaffTime value={run.startedAt} seconds />
                    </td>
                    <td>{run.finishedAt ? <StaffTime value={run.finishedAt} seconds /> : t("runs.notFinished")}</td>
                    <td className={styles.numeric}>{run.accepted}</td>
                    <td className={styles.numeric}>{run.duplicates}</td>
                    <td className={styles.numeric}>{run.rejected}</td>
                    <td>{t(`status.${run.status}`)}</td>
                    <td>{run.triggeredBy ?? t("runs.commandLine")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="export-heading">
        <h2 id="export-heading">{t("export.heading")}</h2>
        <p className="section-description">{t("export.description")}</p>
        {/* A plain link: the export is an API route, outside the localised pages. */}
        <a href="/api/export/stop" download className="button button--secondary">
          {t("export.link")}
        </a>
      </section>
    </div>
  );
}
