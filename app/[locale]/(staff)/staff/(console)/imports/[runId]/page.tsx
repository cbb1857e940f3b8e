import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Fact } from "@/components/staff/imports/fact";
import styles from "@/components/staff/imports/imports.module.css";
import { StaffTime } from "@/components/staff/time/staff-time";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/lib/i18n/navigation";
import { ZRecordId } from "@/lib/schemas/import";
import { getIngestRun } from "@/lib/server/imports/get-ingest-run";

type Props = { params: Promise<{ locale: string; runId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, runId } = await params;
  const t = await getTranslations({ locale, namespace: "Imports.run" });
  return { title: t("metaTitle", { id: runId }), robots: { index: false, follow: false } };
}

export default async function ImportRunPage({ params }: Props) {
  const { locale, runId } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("import:run");
  const id = ZRecordId.safeParse(runId);
  if (!id.success) notFound();
  const run = await getIngestRun({ by: actor, id: id.data });
  if (!run) notFound();
  const t = await getTranslations("Imports");

  return (
    <div className="container page">
      <nav className="breadcrumb" aria-label={t("run.back")}>
        <Link href="/staff/imports">{t("run.back")}</Link>
      </nav>
      <header className="page-header">
        <h1>{t("run.title", { id: run.id })}</h1>
      </header>

      <dl className="facts">
        <Fact label={t("run.facts.source")}>{t(`source.${run.source}`)}</Fact>
        <Fact label={t("run.facts.file")}>{run.fileName}</Fact>
        <Fact label={t("run.facts.country")}>{run.country}</Fact>
        <Fact label={t("run.facts.variant")}>{run.parameters.variant ?? t("run.none")}</Fact>
        <Fact label={t("run.facts.status")}>{t(`status.${run.status}`)}</Fact>
        <Fact label={t("run.facts.started")}>
          <StaffTime value={run.startedAt} seconds />
        </Fact>
        <Fact label={t("run.facts.finished")}>{run.finishedAt ? <StaffTime value={run.finishedAt} seconds /> : t("runs.notFinished")}</Fact>
        <Fact label={t("run.facts.by")}>{run.triggeredBy ?? t("runs.commandLine")}</Fact>
        <Fact label={t("run.facts.skipped")}>{run.parameters.skippedOtherCountries}</Fact>
        <Fact label={t("run.facts.ignoredColumns")}>
          {run.parameters.ignoredColumns.length > 0 ? run.parameters.ignoredColumns.join(", ") : t("run.none")}
        </Fact>
        {run.error ? <Fact label={t("run.facts.error")}>{run.error}</Fact> : null}
      </dl>

      <dl className={`stats ${styles.counts}`}>
        <div>
          <dt>{t("run.counts.accepted")}</dt>
          <dd>{run.accepted}</dd>
        </div>
        <div>
          <dt>{t("run.counts.duplicates")}</dt>
          <dd>{run.duplicates}</dd>
        </div>
        <div>
          <dt>{t("run.counts.rejected")}</dt>
          <dd>{run.rejected}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="rejects-heading">
        <h2 id="rejects-heading">{t("run.rejects.heading")}</h2>
        <p className="section-description">{t("run.rejects.description")}</p>
        {run.rejects.length === 0 ? (
          <p>{t("run.rejects.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("run.rejects.caption", { id: run.id })}</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.numeric}>
                    {t("run.rejects.line")}
                  </th>
                  <th scope="col">{t("run.rejects.column")}</th>
                  <th scope="col">{t("run.rejects.reason")}</th>
                  <th scope="col">{t("run.rejects.row")}</th>
                </tr>
              </thead>
              <tbody>
                {run.rejects.map((reject) => (
                  <tr key={reject.id}>
                    <th scope="row" className={styles.numeric}>
                      {reject.line}
                    </th>
                    <td className={styles.key}>{reject.column ?? "—"}</td>
                    <td>{reject.reason}</td>
                    <td>
                      <details>
                        <summary>{t("run.rejects.showRow")}</summary>
                        <pre className={styles.raw}>{reject.raw}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">{t("run.drafts.heading")}</h2>
        {run.createdDrafts.length === 0 ? (
          <p>{t("run.drafts.empty")}</p>
        ) : (
          <ul className="link-list">
            {run.createdDrafts.map((draft) => (
              <li key={draft.id}>
                <Link href={`/staff/incidents/${draft.id}`}>{t("run.drafts.item", { title: draft.title, status: t(`incidentStatus.${draft.status}`) })}</Link>{" "}
                <span className={styles.key}>{draft.slug}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t("run.proposals.heading")}</h2>
        {run.proposals.length === 0 ? (
          <p>{t("run.proposals.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("run.proposals.caption", { id: run.id })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("run.proposals.proposal")}</th>
                  <th scope="col">{t("run.proposals.incident")}</th>
                  <th scope="col">{t("run.proposals.key")}</th>
                  <th scope="col">{t("run.proposals.status")}</th>
                </tr>
              </thead>
              <tbody>
                {run.proposals.map((proposal) => (
                  <tr key={proposal.id}>
                    <th scope="row">
                      <Link href={`/staff/imports/proposals/${proposal.id}`}>{t("run.proposals.link", { id: proposal.id })}</Link>
                    </th>
                    <td>
                      <Link href={`/staff/incidents/${proposal.incidentId}`}>{proposal.incidentTitle}</Link>
                    </td>
                    <td className={styles.key}>{proposal.externalKey}</td>
                    <td>{t(`proposalStatus.${proposal.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
