import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StaffIncidentTable } from "@/components/staff/staff-incident-table";
import { StaffTime } from "@/components/staff/time/staff-time";
import type { Actor } from "@/lib/auth/permissions";
import { Link } from "@/components/ui/link";
import type { StaffOverview, WaitingWork } from "@/lib/server/incidents/get-staff-overview";
import { PageHeader } from "@/components/ui/page-header";

type WorkKind = keyof WaitingWork;

/** The order the work is listed in: what only you can unblock first. */
const WORK_ORDER: WorkKind[] = ["proposals", "importedDrafts", "inReview", "myDrafts"];

/**
 * The staff home page: what waits for the signed-in person — import
 * proposals, imported drafts nobody has checked, the review queue (for a
 * contributor, their own incidents waiting for an editor) and their drafts —
 * with counts, each item linking to the page where it is finished; then the
 * recent changes. The page loads the overview (getStaffOverview).
 */
export async function StaffHome({ actor, overview }: { actor: Actor; overview: StaffOverview }) {
  const t = await getTranslations("StaffHome");
  const work = await getTranslations("StaffWork");
  const action = await getTranslations("RevisionAction");
  const { recentChanges, isEditor } = overview;
  const kinds = WORK_ORDER.filter((kind) => (overview.work[kind]?.count ?? 0) > 0);
  /** Message key of a kind of work; the review queue reads differently for a contributor. */
  const key = (kind: WorkKind) => (kind === "inReview" && !isEditor ? "ownInReview" : kind);

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("welcome", { name: actor.name })}>
        <p>
          <Link href="/staff/incidents/new" className="button">
            {t("newIncident")}
          </Link>
        </p>
      </PageHeader>

      <section aria-labelledby="waiting-heading" className="section">
        <h2 id="waiting-heading">{work("heading")}</h2>
        {kinds.length === 0 ? (
          <p className="empty-state" data-testid="nothing-waiting">
            {work("nothing")}
          </p>
        ) : (
          <ul className="work-summary" data-testid="work-summary">
            {kinds.map((kind) => (
              <li key={kind} data-work={kind}>
                <a href={`#work-${kind}`}>{work(`${key(kind)}.summary`, { count: overview.work[kind]!.count })}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {kinds.map((kind) => {
        const list = overview.work[kind]!;
        const more = list.count - list.items.length;
        const title = work(`${key(kind)}.heading`, { count: list.count });
        return (
          <WorkSection key={kind} kind={kind} title={title} description={work(`${key(kind)}.description`)}>
            {kind === "proposals" ? (
              <ProposalList proposals={overview.work.proposals!.items} />
            ) : (
              <StaffIncidentTable incidents={overview.work[kind as Exclude<WorkKind, "proposals">]!.items} caption={title} />
            )}
            {more > 0 ? (
              <p>
                <Link href={kind === "proposals" ? "/staff/imports" : kind === "inReview" ? "/staff/incidents?status=IN_REVIEW" : "/staff/incidents?status=DRAFT"}>
                  {work("more", { count: more })}
                </Link>
              </p>
            ) : null}
          </WorkSection>
        );
      })}

      <section aria-labelledby="recent-heading" className="section">
        <h2 id="recent-heading">{t("recentChanges")}</h2>
        {recentChanges.length === 0 ? (
          <p className="empty-state">{t("noChanges")}</p>
        ) : (
          <ol className="plain-list change-feed">
            {recentChanges.map((change) => (
              <li key={`${change.incident.id}-${change.version}`}>
                <StaffTime value={change.createdAt} />
                {" · "}
                <Link href={`/staff/incidents/${change.incident.id}/history`}>{change.incident.title}</Link>
                {" · "}
                {t("change", { action: action(change.action), version: change.version, who: change.author?.name ?? t("system") })}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function WorkSection({ kind, title, description, children }: { kind: WorkKind; title: string; description: string; children: ReactNode }) {
  return (
    <section id={`work-${kind}`} aria-labelledby={`work-${kind}-heading`} className="section" tabIndex={-1}>
      <h2 id={`work-${kind}-heading`}>{title}</h2>
      <p className="section-description">{description}</p>
      {children}
    </section>
  );
}

/** Pending import proposals, each linking to the page where it is applied or dismissed. */
async function ProposalList({ proposals }: { proposals: NonNullable<WaitingWork["proposals"]>["items"] }) {
  const work = await getTranslations("StaffWork");
  return (
    <ul className="link-list">
      {proposals.map((proposal) => (
        <li key={proposal.id}>
          <Link href={`/staff/imports/proposals/${proposal.id}`}>{work("proposals.item", { id: proposal.id, title: proposal.incident.title })}</Link>
          {" · "}
          {proposal.runId !== null ? (
            <>
              <Link href={`/staff/imports/${proposal.runId}`}>{work("proposals.run", { id: proposal.runId, source: proposal.source })}</Link>
              {" · "}
            </>
          ) : null}
          <StaffTime value={proposal.createdAt} />
        </li>
      ))}
    </ul>
  );
}
