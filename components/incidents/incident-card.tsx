import { getTranslations } from "next-intl/server";
import { Period } from "@/components/ui/instant";
import { ScopeBadge, TypeBadge, VerificationBadge } from "@/components/ui/badges";
import { Link } from "@/components/ui/link";
import type { IncidentSummary } from "@/lib/server/incidents/published/summary";
import styles from "./incidents.module.css";

export async function IncidentCard({ incident, headingLevel = 2 }: { incident: IncidentSummary; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("incidents.card");
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={styles.card} data-type={incident.type}>
      <Heading className={styles.cardTitle}>
        <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
      </Heading>
      <p className={styles.cardPeriod}>
        <Period
          startsAt={incident.startsAt}
          startPrecision={incident.startPrecision}
          endsAt={incident.endsAt}
          endPrecision={incident.endPrecision}
          endStatus={incident.endStatus}
          lastCheckedOn={incident.lastCheckedOn}
          lastReportedOn={incident.lastReportedOn}
          zone="local"
        />
      </p>
      <p className={styles.cardSummary}>{incident.summary}</p>
      <div className={styles.badges}>
        {incident.types.map((type) => (
          <TypeBadge key={type} type={type} />
        ))}
        <ScopeBadge scope={incident.scope} />
        <VerificationBadge level={incident.verification} />
      </div>
      <dl className={styles.cardMeta}>
        {incident.operators.length > 0 && (
          <div>
            <dt>{t("operators")}</dt>
            <dd>{incident.operators.map((operator) => operator.name).join(", ")}</dd>
          </div>
        )}
        <div>
          <dt>{t("regions")}</dt>
          <dd>
            {incident.scope === "NATIONAL" ? t("nationwide") : ""}
            {incident.scope === "NATIONAL" && incident.regions.length > 0 ? "; " : ""}
            {incident.regions.map((region) => region.name).join(", ")}
          </dd>
        </div>
      </dl>
      <p className={styles.cardCounts}>
        {t("phases", { count: incident.phaseCount })} · {t("sources", { count: incident.sourceCount })}
      </p>
    </article>
  );
}
