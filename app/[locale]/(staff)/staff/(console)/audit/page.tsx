import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLogTable } from "@/components/staff/auth/audit-log-table";
import styles from "@/components/staff/auth/auth.module.css";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/components/ui/link";
import { AUDIT_ACTIONS, ZAuditLogQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { PageHeader } from "@/components/ui/page-header";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Audit" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireStaffPage("audit:read");
  const raw = await searchParams;
  const query = ZAuditLogQuery.parse({ action: raw.action, page: raw.page });
  const ignoredFilter = typeof raw.action === "string" && raw.action !== "" && query.action === undefined;
  const log = await listAuditEvents({ caller: actor, query });
  const t = await getTranslations("Audit");
  const pageHref = (page: number) => ({ pathname: "/staff/audit", query: { ...(log.action ? { action: log.action } : {}), ...(page > 1 ? { page } : {}) } });

  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("intro")} />
      {ignoredFilter ? (
        <p className="notice" role="status">
          {t("badFilter")}
        </p>
      ) : null}
      <form method="get" className={styles.filters}>
        <div className={styles.field}>
          <label htmlFor="audit-action">{t("filterLabel")}</label>
          <select id="audit-action" name="action" defaultValue={log.action ?? ""}>
            <option value="">{t("allActions")}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`actions.${action}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("filter")}
        </button>
      </form>
      <p className="results-count">{t("total", { total: log.total })}</p>
      <AuditLogTable entries={log.entries} />
      {log.pageCount > 1 ? (
        <nav className="pagination" aria-label={t("pagination")}>
          {log.page > 1 ? <Link href={pageHref(log.page - 1)}>{t("previous")}</Link> : null}
          <span>{t("page", { page: log.page, pageCount: log.pageCount })}</span>
          {log.page < log.pageCount ? <Link href={pageHref(log.page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
