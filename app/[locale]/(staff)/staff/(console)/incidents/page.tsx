import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StaffIncidentTable } from "@/components/staff/staff-incident-table";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/components/ui/link";
import { IncidentStatus } from "@/lib/generated/prisma/enums";
import { listStaffIncidents } from "@/lib/server/incidents/list-staff-incidents";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const ZStaffIncidentQuery = z.object({
  status: z.enum(IncidentStatus).optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("StaffIncidents");
  return { title: t("title") };
}

export default async function StaffIncidentsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("staff:access");
  const query = ZStaffIncidentQuery.parse(await searchParams);
  const t = await getTranslations("StaffIncidents");
  const status = await getTranslations("IncidentStatus");
  const incidents = await listStaffIncidents({ caller: actor, filter: { status: query.status, mine: query.mine === "1", query: query.q || undefined } });

  return (
    <div className="container page">
      <PageHeader title={t("title")}>
        <p>
          <Link href="/staff/incidents/new" className="button">
            {t("new")}
          </Link>
        </p>
      </PageHeader>
      <form method="get" className="filters" aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="staff-status">{t("status")}</label>
          <select id="staff-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("allButArchived")}</option>
            {Object.values(IncidentStatus).map((value) => (
              <option key={value} value={value}>
                {status(value)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="staff-q">{t("search")}</label>
          <input id="staff-q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className="field field--checkbox">
          <input id="staff-mine" name="mine" type="checkbox" value="1" defaultChecked={query.mine === "1"} />
          <label htmlFor="staff-mine">{t("mine")}</label>
        </div>
        <button type="submit" className="button">
          {t("apply")}
        </button>
      </form>
      {incidents.length === 0 ? <p className="empty-state">{t("empty")}</p> : <StaffIncidentTable incidents={incidents} caption={t("caption", { count: incidents.length })} />}
    </div>
  );
}
