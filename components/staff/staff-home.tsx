import { getTranslations } from "next-intl/server";
import { StaffIncidentTable } from "@/components/staff/staff-incident-table";
import { StaffTime } from "@/components/staff/time/staff-time";
import type { Actor } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { getStaffOverview } from "@/lib/server/incidents/list-staff-incidents";

/** The staff home page: your drafts, the review queue and recent changes. */
export async function StaffHome({ actor }: { actor: Actor }) {
  const t = await getTranslations("StaffHome");
  const action = await getTranslations("RevisionAction");
  const { myDrafts, reviewQueue, recentChanges, isEditor } = await getStaffOverview({ by: actor });
  return (
    <div className="container page">
      <header className="page-header">
        <h1>{t("title")}</h1>
        <p className="lede">{t("welcome", { name: actor.name })}</p>
        <p>
          <Link href="/staff/incidents/new" className="button">
            {t("newIncident")}
          </Link>
        </p>
      </header>

      <section aria-labelledby="drafts-heading" className="section">
        <h2 id="drafts-heading">{t("myDrafts")}</h2>
        {myDrafts.length === 0 ? <p className="empty-state">{t("noDrafts")}</p> : <StaffIncidentTable incidents={myDrafts} caption={t("myDrafts")} />}
      </section>

      <section aria-labelledby="review-heading" className="section">
        <h2 id="review-heading">{isEditor ? t("reviewQueue") : t("awaitingReview")}</h2>
        {reviewQueue.length === 0 ? (
          <p className="empty-state">{t("nothingToReview")}</p>
        ) : (
          <StaffIncidentTable incidents={reviewQueue} caption={isEditor ? t("reviewQueue") : t("awaitingReview")} />
        )}
      </section>

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
