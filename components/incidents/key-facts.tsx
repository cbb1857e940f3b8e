import { getLocale, getTranslations } from "next-intl/server";
import { MeasureDefinitions } from "@/components/measures/measure-definitions";
import { EndOf, Instant } from "@/components/ui/instant";
import { MEASURES, type MeasureFigures } from "@/lib/incidents/disruption-hours";
import { formatHoursValue, openEndNote } from "@/lib/incidents/figure-text";
import type { IncidentFigures } from "@/lib/incidents/incident-figures";
import type { IncidentDetail } from "@/lib/server/incidents/published/detail";
import { formatDuration, periodLength, type ZoneChoice } from "@/lib/time/format";
import styles from "./key-facts.module.css";

/**
 * The incident page's opening block, before the narrative: when it was cut,
 * where, which operators, when it was restored (or that it is ongoing, or
 * that no end is recorded), how sure the record is, and the hours it counts
 * for the whole country, each with what it counts. The remaining facts
 * (services, context, justification, legal basis) follow as details.
 */
export async function KeyFacts({ incident, figures, zone, locale }: { incident: IncidentDetail; figures: IncidentFigures; zone: ZoneChoice; locale: string }) {
  const t = await getTranslations("keyFacts");
  const detail = await getTranslations("incidents.detail");
  const enums = await getTranslations("enums");
  const measures = await getTranslations("measures");
  const figureText = await getTranslations("incidentFigures");
  const regions = [incident.scope === "NATIONAL" ? enums("IncidentScope.NATIONAL") : null, ...incident.regions.map((region) => region.name)].filter(Boolean);
  const counted = MEASURES.filter((measure) => figures.country[measure].hours > 0);
  return (
    <section aria-labelledby="key-facts-heading" className={`section ${styles.keyFacts}`} data-testid="key-facts">
      <h2 id="key-facts-heading">{t("heading")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("cut")}</dt>
          <dd>
            <Instant value={incident.startsAt} precision={incident.startPrecision} zone={zone} />
          </dd>
        </div>
        <div>
          <dt>{t("where")}</dt>
          <dd>{regions.join("; ")}</dd>
        </div>
        <div>
          <dt>{t("who")}</dt>
          <dd>{incident.operators.map((operator) => operator.name).join(", ") || t("noOperators")}</dd>
        </div>
        <div>
          <dt>{t("restored")}</dt>
          <dd data-testid="key-facts-end">
            <EndOf
              endStatus={incident.endStatus}
              endsAt={incident.endsAt}
              endPrecision={incident.endPrecision}
              lastCheckedOn={incident.lastCheckedOn}
              lastReportedOn={incident.lastReportedOn}
              zone={zone}
            />
          </dd>
        </div>
        {incident.endStatus === "RECORDED" && incident.endsAt && (
          <div>
            <dt>{t("duration")}</dt>
            <dd>{formatDuration(periodLength({ ...incident, endsAt: incident.endsAt }), locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t("sure")}</dt>
          <dd>
            {t(`verification.${incident.verification}`)} {t("evidence", { sources: incident.sources.length, disagreements: incident.discrepancies.length })}
          </dd>
        </div>
      </dl>

      <h3>{t("counted")}</h3>
      {counted.length === 0 ? (
        <p>{t("countedNone")}</p>
      ) : (
        <ul className={styles.counted} data-testid="key-facts-figures">
          {counted.map((measure) => {
            const note = openEndNote(figures.country[measure], measures, locale);
            return (
              <li key={measure} data-measure={measure}>
                <strong>{measures("figure", { name: measures(`names.${measure}`), hours: formatHoursValue(figures.country[measure].hours, locale) })}</strong>{" "}
                <span>{measures(`counts.country.${measure}`)}</span>
                {note && <span className={styles.note}> {note}.</span>}
              </li>
            );
          })}
        </ul>
      )}
      {figures.uncountedPhases > 0 && <p className={styles.note}>{figureText("uncounted", { count: figures.uncountedPhases })}</p>}

      <h3>{t("moreDetails")}</h3>
      <dl className="facts">
        <div>
          <dt>{detail("services")}</dt>
          <dd>
            {[...incident.services.filter((service) => service !== "OTHER").map((service) => enums(`AffectedService.${service}`)), incident.servicesOther]
              .filter(Boolean)
              .join(", ") || detail("none")}
          </dd>
        </div>
        <div>
          <dt>{detail("cause")}</dt>
          <dd>
            {enums(`IncidentCause.${incident.cause}`)}
            {incident.causeDetails && <>: {incident.causeDetails}</>}
          </dd>
        </div>
        {incident.govJustification && (
          <div>
            <dt>{detail("justification")}</dt>
            <dd>
              {enums(`GovernmentJustification.${incident.govJustification}`)}
              {incident.govJustificationDetails && <>: {incident.govJustificationDetails}</>}
            </dd>
          </div>
        )}
        {incident.legalBasis && (
          <div>
            <dt>{detail("legalBasis")}</dt>
            <dd>{incident.legalBasis}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

async function FigureCells({ figures }: { figures: MeasureFigures }) {
  const measures = await getTranslations("measures");
  const locale = await getLocale();
  return (
    <>
      {MEASURES.map((measure) => {
        const note = openEndNote(figures[measure], measures, locale);
        return (
          <td key={measure} data-measure={measure}>
            {formatHoursValue(figures[measure].hours, locale)}
            {note && <span className="cell-note">{note}</span>}
          </td>
        );
      })}
    </>
  );
}

/** The incident's hours per operator and per region, as the other views count them, with the definitions. */
export async function IncidentFiguresSection({ figures }: { figures: IncidentFigures }) {
  const t = await getTranslations("incidentFigures");
  const measures = await getTranslations("measures");
  const header = MEASURES.map((measure) => (
    <th scope="col" key={measure}>
      {measures(`names.${measure}`)}
    </th>
  ));
  return (
    <section aria-labelledby="incident-figures-heading" className="section" data-testid="incident-figures">
      <h2 id="incident-figures-heading">{t("heading")}</h2>
      <p className="section-description">{t("description")}</p>
      <h3 id="incident-figures-operators">{t("byOperator")}</h3>
      {figures.operators.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="incident-figures-operators" tabIndex={0}>
          <table className="data-table data-table--numeric" data-testid="incident-figures-operators">
            <caption className="visually-hidden">{t("byOperator")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("operator")}</th>
                {header}
              </tr>
            </thead>
            <tbody>
              {figures.operators.map((operator) => (
                <tr key={operator.slug} data-operator={operator.slug}>
                  <th scope="row">
                    {operator.name}
                    {operator.inferred && <span className="cell-note">{t("inferred")}</span>}
                  </th>
                  <FigureCells figures={operator.figures} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {figures.unattributedPhases > 0 && <p>{t("unattributed", { count: figures.unattributedPhases })}</p>}
      <MeasureDefinitions entity="operator" headingLevel={4} id="incident-figures-operator-definitions" />

      <h3 id="incident-figures-regions">{t("byRegion")}</h3>
      <div className="table-scroll" role="region" aria-labelledby="incident-figures-regions" tabIndex={0}>
        <table className="data-table data-table--numeric" data-testid="incident-figures-regions">
          <caption className="visually-hidden">{t("byRegion")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("region")}</th>
              {header}
            </tr>
          </thead>
          <tbody>
            {figures.regions.map((region) => (
              <tr key={region.slug} data-region={region.slug}>
                <th scope="row">{region.name}</th>
                <FigureCells figures={region.figures} />
              </tr>
            ))}
            {figures.otherRegions && (
              <tr data-region="other">
                <th scope="row">{t("otherRegions")}</th>
                <FigureCells figures={figures.otherRegions} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <MeasureDefinitions entity="region" headingLevel={4} id="incident-figures-region-definitions" />
    </section>
  );
}
