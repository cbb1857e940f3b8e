import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";

type Props = {
  id: number;
  title: string;
  slug: string;
  status: IncidentStatus;
  version: number;
  current: "edit" | "history" | "preview";
};

/** Title, status and the tabs shared by an incident's staff pages. */
export async function IncidentStaffHeader({ id, title, slug, status, version, current }: Props) {
  const t = await getTranslations("StaffIncidents");
  const statusName = await getTranslations("IncidentStatus");
  const tabs = [
    { key: "edit", href: `/staff/incidents/${id}` },
    { key: "history", href: `/staff/incidents/${id}/history` },
    { key: "preview", href: `/staff/incidents/${id}/preview` },
  ] as const;
  return (
    <header className="page-header">
      <p className="breadcrumb">
        <Link href="/staff/incidents">← {t("back")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <span className="status-badge" data-status={status}>
          {statusName(status)}
        </span>{" "}
        {t("versionLabel", { version })}
        {status === "PUBLISHED" && (
          <>
            {" · "}
            <Link href={`/incidents/${slug}`}>{t("publicPage")}</Link>
          </>
        )}
      </p>
      <nav aria-label={t("tabs")} className="tabs">
        <ul className="plain-list">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link href={tab.href} aria-current={tab.key === current ? "page" : undefined}>
                {t(`tab.${tab.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
