import { getTranslations } from "next-intl/server";
import { StaffTime } from "@/components/staff/time/staff-time";
import type { AuditLogEntry } from "@/lib/server/audit/list-audit-events";
import styles from "./auth.module.css";

/** The audit log's rows. Everything recorded is shown as text (e-mails as typed, user agents, details). */
export async function AuditLogTable({ entries }: { entries: AuditLogEntry[] }) {
  const t = await getTranslations("Audit");
  if (entries.length === 0) return <p className="empty-state">{t("empty")}</p>;

  const who = (id: string | null, person: AuditLogEntry["actor"], fallback: string) => {
    if (person) {
      return (
        <>
          {person.name}
          <span className={styles.userAgent}>{person.email}</span>
        </>
      );
    }
    return id ? <span className={styles.muted}>{t("removedUser")}</span> : <span className={styles.muted}>{fallback}</span>;
  };

  return (
    // Focusable, so that keyboard users can scroll a table wider than the screen.
    <div className="table-scroll" role="region" aria-label={t("title")} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("columns.at")}</th>
            <th scope="col">{t("columns.action")}</th>
            <th scope="col">{t("columns.actor")}</th>
            <th scope="col">{t("columns.subject")}</th>
            <th scope="col">{t("columns.details")}</th>
            <th scope="col">{t("columns.origin")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td className={styles.nowrap}>
                <StaffTime value={entry.at} seconds />
              </td>
              <td>{t(`actions.${entry.action}`)}</td>
              <td>{who(entry.actorId, entry.actor, entry.action === "USER_INVITED" ? t("system") : t("anonymous"))}</td>
              <td>
                {entry.target ? who(entry.targetUserId, entry.target, "") : null}
                {!entry.target && entry.email ? entry.email : null}
              </td>
              <td>
                <ul className={styles.details}>
                  {Object.entries(entry.details).map(([key, value]) => (
                    <li key={key}>
                      {key}: {typeof value === "string" ? value : JSON.stringify(value)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {entry.ip ?? ""}
                {entry.userAgent ? <span className={styles.userAgent}>{entry.userAgent}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
