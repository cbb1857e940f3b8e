import { getTranslations } from "next-intl/server";
import { MEASURES, type Entity, type Measure } from "@/lib/incidents/disruption-hours";
import styles from "./measures.module.css";

/**
 * What each figure counts, one sentence per measure, placed next to the
 * figures it explains (decision 0013). `measures` narrows the list to those
 * shown; the notes say how they stack and how open ends and attribution work.
 */
export async function MeasureDefinitions({
  entity,
  measures = MEASURES,
  notes = true,
  headingLevel = 3,
  id,
}: {
  entity: Entity;
  measures?: readonly Measure[];
  notes?: boolean;
  headingLevel?: 2 | 3 | 4;
  id?: string;
}) {
  const t = await getTranslations("measures");
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={styles.definitions} aria-labelledby={id} data-testid={`measure-definitions-${entity}`}>
      <Heading id={id} className={styles.definitionsHeading}>
        {t("definitionsHeading")}
      </Heading>
      <dl>
        {measures.map((measure) => (
          <div key={measure} data-measure={measure}>
            <dt>{t(`names.${measure}`)}</dt>
            <dd>{t(`counts.${entity}.${measure}`)}</dd>
          </div>
        ))}
      </dl>
      {notes && (
        <ul className={styles.notes}>
          {measures.includes("full_blackout") && measures.includes("partial_disruption") && <li>{t("stackNote")}</li>}
          <li>{t("endsNote")}</li>
          <li>{entity === "operator" ? t("attributionNote") : t("regionNote")}</li>
        </ul>
      )}
    </section>
  );
}
