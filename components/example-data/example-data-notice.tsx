import { getTranslations } from "next-intl/server";
import styles from "./example-data.module.css";

/**
 * The banner over anything drawn from invented example data (decision 0018):
 * "Example data — invented", in the reader's language, before the chart or
 * figures it concerns. Shown only when the data says so, never by a setting.
 */
export async function ExampleDataNotice({ id }: { id?: string }) {
  const t = await getTranslations("exampleData");
  const notice = t("notice");
  const label = t("label");
  // The notice begins with the label; it is set in bold so it reads first.
  const rest = notice.startsWith(label) ? notice.slice(label.length).replace(/^[.:]\s*/, "") : notice;
  return (
    <p className={styles.notice} role="note" id={id} data-testid="example-data-notice">
      <strong>{label}.</strong> {rest}
    </p>
  );
}
