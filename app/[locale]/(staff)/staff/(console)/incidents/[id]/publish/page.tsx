import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { IncidentStaffHeader } from "@/components/staff/incident-staff-header";
import { PublishConfirmForm } from "@/components/staff/publish-confirm-form";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/components/ui/link";
import { allowedSteps } from "@/lib/incidents/workflow";
import { ZVersion } from "@/lib/schemas/staff-incident";
import { getIncidentForEditing } from "@/lib/server/incidents/get-incident-for-editing";
import { changeIncidentStatusAction } from "../../actions";
import { incidentIdFrom, loadForPage } from "../../load";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ version?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublishConfirm");
  return { title: t("metaTitle") };
}

/**
 * The confirm step before publishing, for browsers without JavaScript (with
 * it, the editor's "Publish…" opens a dialog instead). `version` is the
 * version the person was looking at: publishing names it, so a newer version
 * someone saved meanwhile is a conflict, never published unseen.
 */
export default async function PublishIncidentPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const id = incidentIdFrom(rawId);
  const caller = await requireStaffPage("staff:access");
  const incident = await loadForPage(getIncidentForEditing({ caller, id }));
  const t = await getTranslations("PublishConfirm");
  const workflow = await getTranslations("Workflow");
  const seen = ZVersion.safeParse((await searchParams).version);
  const baseVersion = seen.success ? seen.data : incident.version;
  const canPublish = allowedSteps(incident, caller).includes("publish");

  return (
    <div className="container page">
      <IncidentStaffHeader id={id} title={incident.snapshot.title} slug={incident.slug} status={incident.status} version={incident.version} current="edit" />
      <section aria-labelledby="publish-heading" className="section confirm-step">
        <h2 id="publish-heading">{workflow("confirm.title")}</h2>
        {canPublish ? (
          <>
            {baseVersion !== incident.version ? (
              <p className="notice notice--error" role="alert">
                {t("changed", { seen: baseVersion, current: incident.version })}
              </p>
            ) : null}
            <p>{workflow("confirm.body", { title: incident.snapshot.title })}</p>
            <PublishConfirmForm id={id} baseVersion={baseVersion} action={changeIncidentStatusAction} />
          </>
        ) : incident.status === "PUBLISHED" ? (
          // Also what follows "Publish now": the step is done, and the incident is public.
          <>
            <p className="notice" role="status">
              {t("published", { version: incident.version })}
            </p>
            <p>
              <Link href={`/incidents/${incident.slug}`}>{t("publicPage")}</Link>
            </p>
          </>
        ) : (
          <p className="notice">{t("notPossible")}</p>
        )}
        <p>
          <Link href={`/staff/incidents/${id}`}>{t("back")}</Link>
        </p>
      </section>
    </div>
  );
}
