import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { shortDate } from "@/lib/time/format";

type Row = {
  id: number;
  title: string;
  status: IncidentStatus;
  version: number;
  startsAt: Date;
  updatedAt: Date;
  createdBy: { name: string } | null;
};

/** Incidents in any status, as staff lists show them. */
export async function StaffIncidentTable({ incidents, caption }: { incidents: Row[]; caption: string }) {
  const t = await getTranslations("StaffIncidents");
  const status = await getTranslations("IncidentStatus");
  const locale = await getLocale();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.title")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.starts")}</th>
            <th scope="col">{t("columns.updated")}</th>
            <th scope="col">{t("columns.author")}</th>
            <th scope="col">{t("columns.version")}</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id}>
              <th scope="row">
                <Link href={`/staff/incidents/${incident.id}`}>{incident.title}</Link>
              </th>
              <td>
                <span className="status-badge" data-status={incident.status}>
                  {status(incident.status)}
                </span>
              </td>
              <td>{shortDate(incident.startsAt, locale)}</td>
              <td>{shortDate(incident.updatedAt, locale)}</td>
              <td>{incident.createdBy?.name ?? t("noAuthor")}</td>
              <td>{incident.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
