import { getLocale, getTranslations } from "next-intl/server";
import { CITATION_FORMATS, incidentCitations, type IncidentCitationInput } from "@/lib/citations/incident-citations";
import { CopyCitationButton } from "./copy-citation-button";
import styles from "./citation.module.css";

/** "7 December 2026" / "7 декабря 2026 г.": the day a version was last changed, in Kazakhstan. */
function longDate(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", { timeZone: "Asia/Almaty", day: "numeric", month: "long", year: "numeric" }).format(instant);
}

/**
 * "Cite this incident": the version shown and its date, its citation as plain
 * text, and APA, BibTeX, RIS and CSL-JSON in a disclosure, each in the page's
 * HTML (so they work without JavaScript) with a copy button once it runs.
 * `url` is the record's permanent address, built by the page from SITE_URL
 * or the server's origin.
 */
export async function IncidentCitation({
  slug,
  title,
  url,
  version,
  updatedAt,
  accessedAt,
}: Pick<IncidentCitationInput, "slug" | "title" | "url" | "version" | "updatedAt" | "accessedAt">) {
  const locale = await getLocale();
  const t = await getTranslations("citation");
  const site = await getTranslations("site");
  const date = longDate(updatedAt, locale);
  const citations = incidentCitations({
    slug,
    title,
    url,
    version,
    updatedAt,
    accessedAt,
    locale,
    publisher: site("name"),
    words: {
      versionShort: t("words.versionShort", { version }),
      versionApa: t("words.versionApa", { version }),
      recordType: t("words.recordType"),
      note: t("words.note", { version, date }),
    },
  });
  const copyProps = (format: (typeof CITATION_FORMATS)[number]) => ({
    targetId: `citation-${format}`,
    copied: t("copied", { format: t(`formats.${format}`) }),
    failed: t("copyFailed"),
  });

  return (
    <div data-testid="incident-citation" data-version={version}>
      <h3>{t("heading")}</h3>
      <p>{t("version", { version, date })}</p>
      <p className="citation" id="citation-plain">
        {citations.plain}
      </p>
      <CopyCitationButton {...copyProps("plain")} label={t("copy")} />
      <details className={styles.formats}>
        <summary>{t("otherFormats")}</summary>
        {CITATION_FORMATS.filter((format) => format !== "plain").map((format) => (
          <section key={format} aria-labelledby={`citation-${format}-heading`}>
            <h4 className={styles.formatHeading} id={`citation-${format}-heading`}>
              {t(`formats.${format}`)}
            </h4>
            <div className={styles.scroll} role="region" aria-labelledby={`citation-${format}-heading`} tabIndex={0}>
              <pre className={styles.code} id={`citation-${format}`} data-format={format}>
                {citations[format]}
              </pre>
            </div>
            <CopyCitationButton {...copyProps(format)} label={t("copyFormat", { format: t(`formats.${format}`) })} />
          </section>
        ))}
      </details>
    </div>
  );
}
