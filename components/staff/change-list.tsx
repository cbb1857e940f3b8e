import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useEnumLabel, useFieldPathLabel } from "@/components/staff/incident-editor/labels";
import type { FieldChange } from "@/lib/incidents/diff";
import { describePath, type ItemListName, type ValueKind } from "@/lib/incidents/diff-paths";
import { StaffTime } from "@/components/staff/time/staff-time";
import { intlLocale } from "@/lib/time/format";
import styles from "./change-list.module.css";

/**
 * A list of field changes (from diffSnapshots) as a table: field, before,
 * after. Values are shown the way readers know them: instants in Kazakhstan
 * time with their UTC offset (or UTC, with tz=utc), enum values by their labels, lists joined,
 * added or removed items by a one-line summary, long text shortened with the
 * full text a click away. Everything is rendered as text.
 *
 * Used by the editor's conflict view and by the staff history page; works in
 * server and client components.
 */
export type ChangeListProps = {
  changes: FieldChange[];
  /** The table's caption, e.g. "Changes in version 4". Defaults to "Changes". */
  caption?: string;
  /** Names for operator and region slugs; a slug without a name is shown as it is. */
  operators?: { slug: string; name: string }[];
  regions?: { slug: string; name: string }[];
};

/** Longer text is cut to this many characters, with the rest behind a disclosure. */
const SHORT_TEXT = 160;

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ => typeof value === "object" && value !== null && !Array.isArray(value);
const asText = (value: unknown) => (typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value));

export function ChangeList({ changes, caption, operators = [], regions = [] }: ChangeListProps) {
  const t = useTranslations("ChangeList");
  const fieldPathLabel = useFieldPathLabel();
  if (changes.length === 0) return <p className={styles.empty}>{t("empty")}</p>;
  const names = { operators: new Map(operators.map((o) => [o.slug, o.name])), regions: new Map(regions.map((r) => [r.slug, r.name])) };
  return (
    <table className={styles.table}>
        <caption>{caption ?? t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field")}</th>
            <th scope="col">{t("before")}</th>
            <th scope="col">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => {
            const { value: kind } = describePath(change.path);
            return (
              <tr key={change.path}>
                <th scope="row">{fieldPathLabel(change.path)}</th>
                <td>
                  <ChangeValue value={change.before} kind={kind} names={names} />
                </td>
                <td>
                  <ChangeValue value={change.after} kind={kind} names={names} />
                </td>
              </tr>
            );
          })}
        </tbody>
    </table>
  );
}

type Names = { operators: Map<string, string>; regions: Map<string, string> };

function ChangeValue({ value, kind, names }: { value: unknown; kind: ValueKind; names: Names }): ReactNode {
  const t = useTranslations("ChangeList");
  const locale = useLocale();
  const enumLabel = useEnumLabel();
  const isEmpty = value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
  if (isEmpty) return <span className={styles.none}>{t("none")}</span>;

  const list = (values: unknown[], label: (item: unknown) => string) => values.map(label).join(", ");
  switch (kind.kind) {
    case "instant":
      return <InstantText value={value} />;
    case "calendarDate":
      return <CalendarDateText value={value} />;
    case "usd":
      return typeof value === "number" ? formatUsd(value, locale) : asText(value);
    case "boolean":
      return typeof value === "boolean" ? t(value ? "yes" : "no") : asText(value);
    case "enum":
      return enumLabel(kind.enumName, asText(value));
    case "enumList":
      return Array.isArray(value) ? list(value, (item) => enumLabel(kind.enumName, asText(item))) : asText(value);
    case "operator":
      return names.operators.get(asText(value)) ?? asText(value);
    case "operatorList":
      return Array.isArray(value) ? list(value, (slug) => names.operators.get(asText(slug)) ?? asText(slug)) : asText(value);
    case "regionList":
      return Array.isArray(value) ? list(value, (slug) => names.regions.get(asText(slug)) ?? asText(slug)) : asText(value);
    case "phaseRef":
      return typeof value === "number" ? t("phaseRef", { number: value + 1 }) : asText(value);
    case "sourceRef":
      return typeof value === "number" ? t("sourceRef", { number: value + 1 }) : asText(value);
    case "sourceRefList":
      return Array.isArray(value) ? list(value, (index) => (typeof index === "number" ? t("sourceRef", { number: index + 1 }) : asText(index))) : asText(value);
    case "item":
      return <ItemSummary list={kind.list} item={value} names={names} />;
    case "url":
      return <span className={styles.url}>{asText(value)}</span>;
    case "boolean":
      return value === true ? t("yes") : value === false ? t("no") : asText(value);
    default:
      return <LongText text={asText(value)} />;
  }
}

/** Text, cut short when long; the full text is in a disclosure. */
function LongText({ text }: { text: string }) {
  const t = useTranslations("ChangeList");
  if (text.length <= SHORT_TEXT) return <span className={styles.text}>{text}</span>;
  return (
    <details className={styles.long}>
      <summary>
        <span className={styles.text}>{`${text.slice(0, SHORT_TEXT).trimEnd()}…`}</span> <span className={styles.more}>{t("showFull")}</span>
      </summary>
      <p className={styles.text}>{text}</p>
    </details>
  );
}

function InstantText({ value }: { value: unknown }) {
  return <StaffTime value={asText(value)} />;
}

function CalendarDateText({ value }: { value: unknown }) {
  const locale = useLocale();
  const text = asText(value);
  const date = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) return <>{text}</>;
  const formatted = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(date);
  return <time dateTime={text.slice(0, 10)}>{formatted}</time>;
}

function formatUsd(amount: number, locale: string) {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(amount);
}

const shorten = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length).trimEnd()}…` : text);

/** One line that identifies a whole phase, source, statement, estimate or discrepancy. */
function ItemSummary({ list, item, names }: { list: ItemListName; item: unknown; names: Names }) {
  const t = useTranslations("ChangeList");
  const locale = useLocale();
  const enumLabel = useEnumLabel();
  if (!isRecord(item)) return <LongText text={asText(item)} />;
  const text = (key: string) => asText(item[key]);
  let summary: string;
  switch (list) {
    case "phases":
      summary = t("summary.phase", { label: text("label"), type: enumLabel("DisruptionType", text("type")) });
      break;
    case "sources":
      summary = t("summary.source", { title: shorten(text("title") || text("url")), publisher: text("publisher") });
      break;
    case "acknowledgements": {
      const operator = text("operator");
      const party = operator ? (names.operators.get(operator) ?? operator) : enumLabel("StatementParty", text("party"));
      summary = t("summary.statement", { party, statement: shorten(text("statement")) });
      break;
    }
    case "impactEstimates": {
      const low = typeof item.lowUsd === "number" ? formatUsd(item.lowUsd, locale) : null;
      const high = typeof item.highUsd === "number" ? formatUsd(item.highUsd, locale) : null;
      const range = low && high ? t("range", { low, high }) : low ? t("atLeast", { low }) : high ? t("atMost", { high }) : "";
      summary = t("summary.estimate", { by: text("estimatedBy"), range });
      break;
    }
    default:
      summary = t("summary.discrepancy", { topic: enumLabel("DiscrepancyTopic", text("topic")), description: shorten(text("description")) });
  }
  return <span className={styles.text}>{summary}</span>;
}
