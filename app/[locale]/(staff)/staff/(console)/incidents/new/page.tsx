import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IncidentEditor } from "@/components/staff/incident-editor/incident-editor";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { createIncidentAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("StaffIncidents");
  return { title: t("newTitle") };
}

export default async function NewIncidentPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("incident:create");
  const t = await getTranslations("StaffIncidents");
  const [operators, regions] = await Promise.all([listOperators({ caller: actor }), listRegions({ caller: actor, locale: locale })]);
  return (
    <div className="container page">
      <PageHeader title={t("newTitle")} lede={t("newLede")} />
      <IncidentEditor
        initial={null}
        baseVersion={null}
        operators={operators.map(({ slug, name }) => ({ slug, name }))}
        regions={regions.map(({ slug, name }) => ({ slug, name }))}
        save={createIncidentAction}
      />
    </div>
  );
}
