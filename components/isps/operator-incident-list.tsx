import { getLocale, getTranslations } from "next-intl/server";
import { TypeBadge } from "@/components/ui/badges";
import { Period } from "@/components/ui/instant";
import { Link } from "@/lib/i18n/navigation";
import type { OperatorIncident } from "@/lib/server/operators/summarize-operator-disruption";
import type { ZoneChoice } from "@/lib/time/format";
import { formatHours } from "./format";
import styles from "./isps.module.css";

/** Incidents involving an operator, newest first, each linking to its page, with the operator's hours in the period. */
export async function OperatorIncidentList({ incidents, zone }: { incidents: OperatorIncident[]; zone: ZoneChoice }) {
  const t = await getTranslations("ispsView.incidents");
  const locale = await getLocale();
  if (incidents.length === 0) return <p className={styles.muted}>{t("none")}</p>;
  return (
    <ul className={styles.incidents} aria-label={t("label")}>
      {incidents.map((incident) => (
        <li key={incident.slug} data-type={incident.type}>
          <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
          <span className={styles.incidentMeta}>
            <Period
              startsAt={new Date(incident.startsAt)}
              startPrecision={incident.startPrecision}
              endsAt={incident.endsAt ? new Date(incident.endsAt) : null}
              endPrecision={incident.endPrecision}
              zone={zone}
            />{" "}
            · {t("hours", { hours: formatHours(incident.hours, locale) })}
          </span>
          <TypeBadge type={incident.type} />
        </li>
      ))}
    </ul>
  );
}
