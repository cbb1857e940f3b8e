import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { ChangeList } from "@/components/staff/change-list";
import { IncidentStaffHeader } from "@/components/staff/incident-staff-header";
import { RestoreRevisionButton } from "@/components/staff/restore-revision-button";
import { StaffTime } from "@/components/staff/time/staff-time";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { ZVersion } from "@/lib/schemas/staff-incident";
import { compareIncidentRevisions } from "@/lib/server/incidents/compare-incident-revisions";
import { getIncidentForEditing } from "@/lib/server/incidents/get-incident-for-editing";
import { listIncidentRevisions } from "@/lib/server/incidents/list-incident-revisions";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { restoreIncidentRevisionAction } from "../../actions";
import { incidentIdFrom, loadForPage } from "../../load";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const ZCompareQuery = z.object({ from: ZVersion.optional().catch(undefined), to: ZVersion.optional().catch(undefined) });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("History");
  return { title: t("title") };
}

export default async function IncidentHistoryPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const id = incidentIdFrom(rawId);
  const actor = await requireStaffPage("staff:access");
  const t = await getTranslations("History");
  const action = await getTranslations("RevisionAction");
  const status = await getTranslations("IncidentStatus");
  const fields = await getTranslations("incidents.detail.changeLog.fields");
  const [{ incident, revisions }, editing, operators, regions] = await Promise.all([
    loadForPage(listIncidentRevisions({ caller: actor, id })),
    loadForPage(getIncidentForEditing({ caller: actor, id })),
    listOperators({ caller: actor }),
    listRegions({ caller: actor, locale: locale }),
  ]);

  const query = ZCompareQuery.parse(await searchParams);
  const latest = revisions[0]?.version ?? incident.version;
  const to = query.to ?? latest;
  const from = query.from ?? Math.max(1, to - 1);
  const known = new Set(revisions.map((revision) => revision.version));
  const comparison = known.has(from) && known.has(to) && from !== to ? await loadForPage(compareIncidentRevisions({ caller: actor, id, from, to })) : null;
  const fieldName = (field: string) => (fields.has(field) ? fields(field) : field === "status" ? t("statusField") : field);

  return (
    <div className="container page">
      <IncidentStaffHeader id={id} title={incident.title} slug={incident.slug} status={incident.status} version={incident.version} current="history" />

      <section aria-labelledby="compare-heading" className="section">
        <h2 id="compare-heading">{t("compare")}</h2>
        <form method="get" className="filters">
          {(["from", "to"] as const).map((end) => (
            <div key={end} className="field">
              <label htmlFor={`compare-${end}`}>{t(end)}</label>
              <select id={`compare-${end}`} name={end} defaultValue={String(end === "from" ? from : to)}>
                {revisions.map((revision) => (
                  <option key={revision.version} value={revision.version}>
                    {t("versionOption", { version: revision.version })}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button">
            {t("show")}
          </button>
        </form>
        {comparison ? (
          comparison.changes.length === 0 ? (
            <p>{t("identical", { from, to })}</p>
          ) : (
            <ChangeList
              changes={comparison.changes}
              caption={t("changesCaption", { from, to })}
              operators={operators.map(({ slug, name }) => ({ slug, name }))}
              regions={regions.map(({ slug, name }) => ({ slug, name }))}
            />
          )
        ) : (
          <p>{t("pickTwo")}</p>
        )}
      </section>

      <section aria-labelledby="revisions-heading" className="section">
        <h2 id="revisions-heading">{t("revisions")}</h2>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("revisions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.version")}</th>
                <th scope="col">{t("columns.when")}</th>
                <th scope="col">{t("columns.who")}</th>
                <th scope="col">{t("columns.what")}</th>
                <th scope="col">{t("columns.fields")}</th>
                <th scope="col">{t("columns.note")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.version}>
                  <th scope="row">{revision.version}</th>
                  <td>
                    <StaffTime value={revision.at} />
                  </td>
                  <td>{revision.author ?? t("system")}</td>
                  <td>
                    {action(revision.action)}
                    {revision.restoredFrom !== null && <> ({t("restoredFrom", { version: revision.restoredFrom })})</>}
                    {" · "}
                    {status(revision.status)}
                  </td>
                  <td>{revision.changedFields.map(fieldName).join(", ")}</td>
                  <td>{revision.note}</td>
                  <td>
                    {editing.allowed.edit && revision.version !== incident.version && (
                      <RestoreRevisionButton id={id} version={revision.version} baseVersion={incident.version} action={restoreIncidentRevisionAction} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
