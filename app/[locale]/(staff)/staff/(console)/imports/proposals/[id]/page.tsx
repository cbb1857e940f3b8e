import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ChangeList } from "@/components/staff/change-list";
import { Fact } from "@/components/staff/imports/fact";
import styles from "@/components/staff/imports/imports.module.css";
import { ProposalDecision } from "@/components/staff/imports/proposal-decision";
import { StaffTime } from "@/components/staff/time/staff-time";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/components/ui/link";
import { ZRecordId } from "@/lib/schemas/import";
import { getIncidentProposal } from "@/lib/server/imports/get-incident-proposal";
import { listOperators } from "@/lib/server/operators/list-operators";
import { listRegions } from "@/lib/server/regions/list-regions";
import { applyProposalAction, dismissProposalAction } from "../../actions";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "Imports.proposal" });
  return { title: t("metaTitle", { id }), robots: { index: false, follow: false } };
}

export default async function ImportProposalPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("import:run");
  const proposalId = ZRecordId.safeParse(id);
  if (!proposalId.success) notFound();
  const proposal = await getIncidentProposal({ caller: actor, id: proposalId.data });
  if (!proposal) notFound();
  const [t, operators, regions] = await Promise.all([getTranslations("Imports"), listOperators({ caller: actor }), listRegions({ caller: actor, locale: locale })]);
  const pending = proposal.status === "PENDING";
  const archived = proposal.incident.status === "ARCHIVED";

  return (
    <div className="container page">
      <nav className="breadcrumb" aria-label={t("proposal.back")}>
        <Link href="/staff/imports">{t("proposal.back")}</Link>
      </nav>
      <PageHeader title={t("proposal.title", { incident: proposal.incident.title })} lede={t("proposal.intro")} />

      <dl className="facts">
        <Fact label={t("proposal.facts.incident")}>
          <Link href={`/staff/incidents/${proposal.incident.id}`}>
            {t("proposal.incidentLink", { title: proposal.incident.title, status: t(`incidentStatus.${proposal.incident.status}`) })}
          </Link>
        </Fact>
        <Fact label={t("proposal.facts.version")}>{proposal.incident.version}</Fact>
        <Fact label={t("proposal.facts.source")}>{t(`source.${proposal.source}`)}</Fact>
        <Fact label={t("proposal.facts.key")}>
          <span className={styles.key}>{proposal.externalKey}</span>
        </Fact>
        <Fact label={t("proposal.facts.status")}>{t(`proposalStatus.${proposal.status}`)}</Fact>
        <Fact label={t("proposal.facts.created")}>
          <StaffTime value={proposal.createdAt} />
        </Fact>
        {proposal.runId !== null ? (
          <Fact label={t("proposal.facts.run")}>
            <Link href={`/staff/imports/${proposal.runId}`}>{t("proposal.runLink", { id: proposal.runId })}</Link>
          </Fact>
        ) : null}
        {proposal.decidedAt ? (
          <Fact label={t("proposal.facts.decided")}>
            <StaffTime value={proposal.decidedAt} />
          </Fact>
        ) : null}
        {proposal.decidedBy ? <Fact label={t("proposal.facts.decidedBy")}>{proposal.decidedBy}</Fact> : null}
      </dl>

      <section className="section" aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t("proposal.changesCaption")}</h2>
        {!pending ? <p className="notice">{t("proposal.decidedNote")}</p> : null}
        {pending && archived ? <p className="notice">{t("proposal.archivedNote")}</p> : null}
        {proposal.changes.length === 0 ? (
          <p>{t("proposal.noChanges")}</p>
        ) : (
          <ChangeList
            changes={proposal.changes}
            caption={t("proposal.changesTable", { id: proposal.id })}
            operators={operators.map(({ slug, name }) => ({ slug, name }))}
            regions={regions.map(({ slug, name }) => ({ slug, name }))}
          />
        )}
        {pending ? (
          <ProposalDecision
            proposalId={proposal.id}
            baseVersion={proposal.incident.version}
            applyAction={applyProposalAction}
            dismissAction={dismissProposalAction}
            canApply={!archived}
          />
        ) : null}
      </section>

      <section className="section" aria-labelledby="row-heading">
        <h2 id="row-heading">{t("proposal.rowHeading")}</h2>
        <dl className="facts">
          <Fact label={t("proposal.rowTitle")}>{proposal.proposed.title}</Fact>
          <Fact label={t("proposal.rowSummary")}>{proposal.proposed.summary}</Fact>
        </dl>
      </section>
    </div>
  );
}
