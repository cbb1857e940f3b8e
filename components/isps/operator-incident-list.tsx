import { getLocale, getTranslations } from "next-intl/server";
import { TypeBadge } from "@/components/ui/badges";
import { Period } from "@/components/ui/instant";
import { MEASURES } from "@/lib/incidents/disruption-hours";
import { Link } from "@/components/ui/link";
import type { OperatorIncident } from "@/lib/server/operators/summarize-operator-disruption";
import type { ZoneChoice } from "@/lib/time/format";
import { formatHours } from "./format";
import styles from "./isps.module.css";

/** Incidents involving an operator, newest first, each linking to its page, with the operator's hours in the period by measure. */
export async function OperatorIncidentList({ incidents, zone }: { incidents: OperatorIncident[]; zone: ZoneChoice }) {
  const t = await getTranslations("ispsView.incidents");
  const measures = await getTranslations("measures");
  const locale = await getLocale();
  if (incidents.length === 0) return <p className={styles.muted}>{t("none")}</p>;
  return (
    <ul className={styles.incidents} aria-label={t("label")}>
      {incidents.map((incident) => {
        const counted = MEASURES.filter((measure) => incident.measures[measure].hours > 0);
        return (
          <li key={incident.slug} data-type={incident.type} data-incident={incident.slug}>
            <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
            <span className={styles.incidentMeta}>
              <Period
                startsAt={new Date(incident.startsAt)}
                startPrecision={incident.startPrecision}
                endsAt={incident.endsAt}
                endPrecision={incident.endPrecision}
                endStatus={incident.endStatus}
                lastCheckedOn={incident.lastCheckedOn}
                lastReportedOn={incident.lastReportedOn}
                zone={zone}
              />{" "}
              ·{" "}
              {counted.length === 0
                ? t("noHours")
                : t("hours", {
                    figures: counted
                      .map((measure) => measures("figure", { name: measures(`names.${measure}`), hours: formatHours(incident.measures[measure].hours, locale) }))
                      .join("; "),
                  })}
              {incident.uncountedPhases > 0 && <> · {measures("open.uncounted", { count: incident.uncountedPhases })}</>}
              {incident.unattributedPhases > 0 && <> · {t("unattributed", { count: incident.unattributedPhases })}</>}
            </span>
            <TypeBadge type={incident.type} />
          </li>
        );
      })}
    </ul>
  );
}
