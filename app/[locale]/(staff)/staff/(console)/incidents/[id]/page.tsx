import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IncidentEditor } from "@/components/staff/incident-editor/incident-editor";
import { IncidentStaffHeader } from "@/components/staff/incident-staff-header";
import { WorkflowActions } from "@/components/staff/workflow-actions";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getPathname } from "@/lib/i18n/pathname";
import { allowedSteps } from "@/lib/incidents/workflow";
import { getIncidentForEditing } from "@/lib/server/incidents/get-incident-for-editing";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { changeIncidentStatusAction, updateIncidentAction } from "../actions";
import { incidentIdFrom, loadForPage } from "../load";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("StaffIncidents");
  return { title: t("editTitle") };
}

export default async function EditIncidentPage({ params }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const id = incidentIdFrom(rawId);
  const caller = await requireStaffPage("staff:access");
  const t = await getTranslations("StaffIncidents");
  const incident = await loadForPage(getIncidentForEditing({ caller, id }));
  const [operators, regions] = await Promise.all([listOperators({ caller }), listRegions({ caller, locale })]);

  const { allowed, status } = incident;
  const steps = allowedSteps(incident, caller);
  // Without JavaScript "Publish…" is a link to this confirm step; with it, a dialog asks.
  const publish = {
    title: incident.snapshot.title,
    href: getPathname({ href: { pathname: `/staff/incidents/${id}/publish`, query: { version: String(incident.version) } }, locale }),
  };

  return (
    <div className="container page">
      <IncidentStaffHeader id={id} title={incident.snapshot.title} slug={incident.slug} status={status} version={incident.version} current="edit" />
      {allowed.edit ? (
        <IncidentEditor
          initial={incident.snapshot}
          baseVersion={incident.version}
          operators={operators.map(({ slug, name }) => ({ slug, name }))}
          regions={regions.map(({ slug, name }) => ({ slug, name }))}
          save={updateIncidentAction.bind(null, id)}
          workflow={{ id, steps, action: changeIncidentStatusAction, publish }}
        />
      ) : (
        <>
          <WorkflowActions id={id} version={incident.version} steps={steps} action={changeIncidentStatusAction} publish={publish} />
          <p className="notice">{status === "ARCHIVED" ? t("archivedReadOnly") : status === "IN_REVIEW" ? t("inReviewReadOnly") : t("readOnly")}</p>
        </>
      )}
    </div>
  );
}
