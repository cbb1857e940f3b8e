import { getLocale, getTranslations } from "next-intl/server";
import { Instant } from "@/components/ui/instant";
import type { IncidentDetail } from "@/lib/server/incidents/published/detail";
import { intlLocale } from "@/lib/time/format";
import styles from "./incidents.module.css";

function SourceRefs({ numbers }: { numbers: number[] }) {
  return (
    <>
      {numbers.map((number, index) => (
        <span key={number}>
          {index > 0 && " "}
          <a href={`#source-${number}`}>[{number}]</a>
        </span>
      ))}
    </>
  );
}

export async function SourceList({ sources }: { sources: IncidentDetail["sources"] }) {
  const t = await getTranslations("incidents.detail.sources");
  const kinds = await getTranslations("enums.SourceKind");
  return (
    <ol className={styles.sources}>
      {sources.map((source) => (
        <li key={source.number} id={`source-${source.number}`} className={styles.source}>
          <span className={styles.sourceKind}>{kinds(source.kind)}</span>{" "}
          <a href={source.url} rel="noopener noreferrer nofollow">
            {source.title ?? source.url}
          </a>
          <span className={styles.sourceMeta}>
            {" — "}
            {source.publisher}
            {source.publishedOn && (
              <>
                {", "}
                {t.rich("published", { date: () => <Instant value={source.publishedOn!} precision="DAY" zone="local" /> })}
              </>
            )}
            {source.archivedUrl && (
              <>
                {" · "}
                <a href={source.archivedUrl} rel="noopener noreferrer nofollow">
                  {t("archived")}
                </a>
              </>
            )}
            {source.phaseNumber !== null && <> · {t("phase", { number: source.phaseNumber })}</>}
          </span>
          {source.quote && <blockquote className={styles.quote}>{source.quote}</blockquote>}
          {source.note && (
            <p className={styles.sourceNote}>
              <strong>{t("note")}:</strong> {source.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export async function DiscrepancyList({ discrepancies }: { discrepancies: IncidentDetail["discrepancies"] }) {
  const t = await getTranslations("incidents.detail.discrepancies");
  const topics = await getTranslations("enums.DiscrepancyTopic");
  return (
    <ul className={styles.discrepancies}>
      {discrepancies.map((discrepancy, index) => (
        <li key={index} className={styles.discrepancy}>
          <p>
            <strong>{topics(discrepancy.topic)}.</strong> {discrepancy.description}
          </p>
          {discrepancy.resolution && (
            <p>
              <strong>{t("resolution")}:</strong> {discrepancy.resolution}
            </p>
          )}
          {discrepancy.sourceNumbers.length > 0 && (
            <p className={styles.refs}>
              {t("sources")}: <SourceRefs numbers={discrepancy.sourceNumbers} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export async function StatementList({ statements }: { statements: IncidentDetail["statements"] }) {
  const t = await getTranslations("incidents.detail.statements");
  return (
    <ul className={styles.statements}>
      {statements.map((statement, index) => (
        <li key={index} className={styles.statement}>
          <p className={styles.statementParty}>
            {statement.party === "GOVERNMENT" ? t("government") : statement.operator?.name}
            {statement.madeOn && (
              <>
                {", "}
                <Instant value={statement.madeOn} precision="DAY" zone="local" />
              </>
            )}
          </p>
          <p>{statement.statement}</p>
          {statement.quote && <blockquote className={styles.quote}>{statement.quote}</blockquote>}
          {statement.sourceUrl && (
            <p className={styles.refs}>
              {t("source")}:{" "}
              <a href={statement.sourceUrl} rel="noopener noreferrer nofollow">
                {statement.sourceUrl}
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export async function ImpactEstimateList({ estimates }: { estimates: IncidentDetail["impactEstimates"] }) {
  const t = await getTranslations("incidents.detail.impact");
  const locale = intlLocale(await getLocale());
  const usd = (value: number) => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  return (
    <ul className={styles.estimates}>
      {estimates.map((estimate, index) => (
        <li key={index}>
          <strong>
            {estimate.lowUsd !== null && estimate.highUsd !== null
              ? t("range", { low: usd(estimate.lowUsd), high: usd(estimate.highUsd) })
              : estimate.lowUsd !== null
                ? t("atLeast", { low: usd(estimate.lowUsd) })
                : t("atMost", { high: usd(estimate.highUsd!) })}
          </strong>
          {" — "}
          {t("by", { who: estimate.estimatedBy })}
          {estimate.sourceNumber !== null && (
            <>
              {" "}
              <a href={`#source-${estimate.sourceNumber}`}>{t("source", { number: estimate.sourceNumber })}</a>
            </>
          )}
          {estimate.note && <p className={styles.sourceNote}>{estimate.note}</p>}
        </li>
      ))}
    </ul>
  );
}
