import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/staff/imports/imports.module.css";
import { RunTable } from "@/components/staff/imports/run-table";
import { StopUploadForm } from "@/components/staff/imports/stop-upload-form";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/components/ui/link";
import { STOP_UPLOAD_MAX_BYTES } from "@/lib/schemas/import";
import { listIncidentProposals } from "@/lib/server/imports/list-incident-proposals";
import { listIngestRuns } from "@/lib/server/imports/list-ingest-runs";
import { uploadStopFileAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

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
  const [spreadsheetRuns, feedRuns, proposals, t] = await Promise.all([
    listIngestRuns({ caller: actor, kind: "spreadsheet" }),
    listIngestRuns({ caller: actor, kind: "feeds" }),
    listIncidentProposals({ caller: actor }),
    getTranslations("Imports"),
  ]);

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("intro")} />

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

      <section className="section" aria-labelledby="spreadsheet-runs-heading">
        <h2 id="spreadsheet-runs-heading">{t("spreadsheetRuns.heading")}</h2>
        <p className="section-description">{t("spreadsheetRuns.description")}</p>
        {spreadsheetRuns.length === 0 ? (
          <p>{t("spreadsheetRuns.empty")}</p>
        ) : (
          <RunTable runs={spreadsheetRuns} kind="spreadsheet" caption={t("spreadsheetRuns.caption")} />
        )}
      </section>

      <section className="section" aria-labelledby="feed-runs-heading">
        <h2 id="feed-runs-heading">{t("feedRuns.heading")}</h2>
        <p className="section-description">{t("feedRuns.description")}</p>
        <p>
          <Link href="/staff/feeds">{t("feedRuns.feedsLink")}</Link>
        </p>
        {feedRuns.length === 0 ? <p>{t("feedRuns.empty")}</p> : <RunTable runs={feedRuns} kind="feeds" caption={t("feedRuns.caption")} />}
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
