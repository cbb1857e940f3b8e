import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Fact } from "@/components/staff/imports/fact";
import styles from "@/components/staff/imports/imports.module.css";
import { RollbackRunButton } from "@/components/staff/imports/rollback-run-button";
import { RunStatusLabel } from "@/components/staff/imports/run-status-label";
import { StaffTime } from "@/components/staff/time/staff-time";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/components/ui/link";
import { canRollBackRun } from "@/lib/imports/run-status";
import { rejectCursorParam, ZRecordId, ZRejectPageQuery } from "@/lib/schemas/import";
import { getIngestRun } from "@/lib/server/imports/get-ingest-run";
import { listIngestRejectPage } from "@/lib/server/imports/list-ingest-reject-page";
import { rollbackRunAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string; runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, runId } = await params;
  const t = await getTranslations({ locale, namespace: "Imports.run" });
  return { title: t("metaTitle", { id: runId }), robots: { index: false, follow: false } };
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ImportRunPage({ params, searchParams }: Props) {
  const { locale, runId } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("import:run");
  const id = ZRecordId.safeParse(runId);
  if (!id.success) notFound();
  const query = await searchParams;
  const place = ZRejectPageQuery.parse({ after: single(query.after), before: single(query.before), line: single(query.line) });
  const [run, rejects] = await Promise.all([
    getIngestRun({ caller: actor, id: id.data }),
    listIngestRejectPage({ caller: actor, runId: id.data, after: place.after, before: place.before, fromLine: place.line }),
  ]);
  if (!run) notFound();
  const t = await getTranslations("Imports");
  const pageAddress = (parameters: Record<string, string>) => `/staff/imports/${run.id}?${new URLSearchParams(parameters).toString()}#rejects-heading`;
  const rollbackable = can(actor, "import:rollback") && canRollBackRun(run);
  // Kept on the page once rolled back, so that the editor who did it still reads what was removed.
  const showRollback = rollbackable || (can(actor, "import:rollback") && run.status === "ROLLED_BACK");

  return (
    <div className="container page">
      <nav className="breadcrumb" aria-label={t("run.back")}>
        <Link href="/staff/imports">{t("run.back")}</Link>
      </nav>
      <PageHeader title={t("run.title", { id: run.id })} />

      <dl className="facts">
        <Fact label={t("run.facts.source")}>{t(`source.${run.source}`)}</Fact>
        <Fact label={t("run.facts.status")}>
          <RunStatusLabel status={run.status} rejected={run.rejected} />
        </Fact>
        <Fact label={t("run.facts.trigger")}>{t(`trigger.${run.trigger ?? "commandLine"}`)}</Fact>
        {run.window ? (
          <Fact label={t("run.facts.window")}>
            <StaffTime value={run.window.since} /> – <StaffTime value={run.window.until} />
          </Fact>
        ) : (
          <Fact label={t("run.facts.file")}>{run.fileName || t("run.none")}</Fact>
        )}
        {run.source === "STOP" ? (
          <>
            <Fact label={t("run.facts.country")}>{run.country}</Fact>
            <Fact label={t("run.facts.variant")}>{run.parameters.variant ?? t("run.none")}</Fact>
            {run.parameters.headerLine !== undefined ? <Fact label={t("run.facts.headerLine")}>{run.parameters.headerLine}</Fact> : null}
            {run.parameters.rowsAboveHeader.length > 0 ? (
              <Fact label={t("run.facts.rowsAbove")}>
                <ul className={styles.rejectList}>
                  {run.parameters.rowsAboveHeader.map((row, index) => (
                    <li key={index} className={styles.key}>
                      {row}
                    </li>
                  ))}
                </ul>
              </Fact>
            ) : null}
            <Fact label={t("run.facts.skipped")}>{run.parameters.skippedOtherCountries}</Fact>
            <Fact label={t("run.facts.ignoredColumns")}>
              {run.parameters.ignoredColumns.length > 0 ? run.parameters.ignoredColumns.join(", ") : t("run.none")}
            </Fact>
          </>
        ) : null}
        <Fact label={t("run.facts.started")}>
          <StaffTime value={run.startedAt} seconds />
        </Fact>
        <Fact label={t("run.facts.finished")}>{run.finishedAt ? <StaffTime value={run.finishedAt} seconds /> : t("runs.notFinished")}</Fact>
        <Fact label={t("run.facts.by")}>{run.triggeredBy ?? t(`trigger.${run.trigger === "schedule" ? "schedule" : "commandLine"}`)}</Fact>
        {run.rolledBackAt ? (
          <Fact label={t("run.facts.rolledBack")}>
            <StaffTime value={run.rolledBackAt} seconds />
            {run.rolledBackBy ? ` ${t("run.rolledBackBy", { who: run.rolledBackBy })}` : null}
          </Fact>
        ) : null}
        {run.error ? <Fact label={t("run.facts.error")}>{run.error}</Fact> : null}
      </dl>
      {run.status === "ABANDONED" ? <p className="notice">{t("run.abandonedNote")}</p> : null}

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

      {showRollback ? (
        <section className="section" aria-labelledby="rollback-heading">
          <h2 id="rollback-heading">{rollbackable ? t("run.rollback.heading") : t("run.rollback.doneHeading")}</h2>
          <p className="section-description">{rollbackable ? t("run.rollback.description") : t("run.rollback.doneNote")}</p>
          <RollbackRunButton runId={run.id} available={rollbackable} action={rollbackRunAction} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="rejects-heading">
        <h2 id="rejects-heading">{t("run.rejects.heading")}</h2>
        <p className="section-description">{t("run.rejects.description")}</p>
        {run.rejected === 0 && rejects.rejects.length === 0 && place.line === undefined ? (
          <p>{t("run.rejects.empty")}</p>
        ) : (
          <>
            <nav className={styles.pager} aria-label={t("run.rejects.pagination")}>
              {rejects.previous ? <Link href={pageAddress({})}>{t("run.rejects.first")}</Link> : null}
              {rejects.previous ? <Link href={pageAddress({ before: rejectCursorParam(rejects.previous) })}>{t("run.rejects.previous")}</Link> : null}
              {rejects.next ? <Link href={pageAddress({ after: rejectCursorParam(rejects.next) })}>{t("run.rejects.next")}</Link> : null}
              {/* A plain GET form: works without JavaScript, and the address can be shared. */}
              <form method="get">
                <label>
                  {t("run.rejects.jumpLabel")}
                  <input name="line" type="number" min={0} inputMode="numeric" defaultValue={place.line} />
                </label>
                <button type="submit" className="button button--secondary">
                  {t("run.rejects.jumpSubmit")}
                </button>
              </form>
            </nav>
            {rejects.rejects.length === 0 ? (
              <p>{t("run.rejects.noneFrom")}</p>
            ) : (
              <>
                <p className="results-count">
                  {t("run.rejects.showing", { first: rejects.rejects[0]!.line, last: rejects.rejects.at(-1)!.line, count: run.rejected })}
                </p>
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
                      {rejects.rejects.map((reject) => (
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
              </>
            )}
          </>
        )}
      </section>

      {run.source === "STOP" ? (
        <>
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
        </>
      ) : null}
    </div>
  );
}
