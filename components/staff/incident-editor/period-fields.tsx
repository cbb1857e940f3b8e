"use client";

import { useLocale, useTranslations } from "next-intl";
import { TimePrecision } from "@/lib/generated/prisma/enums";
import { getFormField } from "@/lib/incidents/form-value";
import { almatyLocalDayStart, parseAlmatyLocal } from "@/lib/time/almaty-local";
import { instantParts, KAZAKHSTAN_TIME_ZONE, utcOffsetLabel } from "@/lib/time/format";
import { fieldId, useEditorFields } from "./editor-context";
import { CheckboxField, joinIds, SelectField, TextField } from "./fields";
import { useIssueTranslator } from "./issue-messages";
import { useEnumLabel, useRecordFieldLabel } from "./labels";
import styles from "./incident-editor.module.css";

/** The instant a Kazakhstan wall-clock value stands for at a precision (DAY: the start of that day), or null. */
export function instantOf(value: string, precision: string): Date | null {
  if (value.trim() === "") return null;
  if (precision === "DAY") return almatyLocalDayStart(value);
  const parsed = parseAlmatyLocal(value);
  return parsed.ok ? parsed.instant : null;
}

/** Under a date: what it is in UTC, Kazakhstan's offset then, and the precision chosen. */
function InstantPreview({ id, value, precision }: { id: string; value: string; precision: string }) {
  const t = useTranslations("Editor.time");
  const locale = useLocale();
  const enumLabel = useEnumLabel();
  const instant = instantOf(value, precision);
  if (!instant) {
    return (
      <p id={id} className={styles.preview}>
        {t("previewEmpty")}
      </p>
    );
  }
  const utc = instantParts(instant, { locale, zone: "utc", precision: "EXACT" });
  const precisionText = precision ? enumLabel("TimePrecision", precision) : t("noPrecision");
  if (precision === "DAY") {
    const day = instantParts(instant, { locale, zone: "local", precision: "DAY" });
    return (
      <p id={id} className={styles.preview}>
        {t("previewDay", { date: day.date, utc: `${utc.date}, ${utc.time}` })}
      </p>
    );
  }
  return (
    <p id={id} className={styles.preview}>
      {t("preview", { utc: `${utc.date}, ${utc.time}`, offset: utcOffsetLabel(instant, KAZAKHSTAN_TIME_ZONE), precision: precisionText })}
    </p>
  );
}

function DateTimeField({
  path,
  precisionPath,
  label,
  required,
  hint,
  describedBy,
}: {
  path: string;
  precisionPath: string;
  label: string;
  required?: boolean;
  hint?: string;
  describedBy?: string;
}) {
  const t = useTranslations("Editor.time");
  const { form } = useEditorFields();
  const value = getFormField(form, path);
  const precision = getFormField(form, precisionPath);
  const previewId = `${fieldId(path)}-utc`;
  return (
    <TextField
      path={path}
      label={t("localLabel", { field: label })}
      type="datetime-local"
      required={required}
      hint={hint}
      describedBy={joinIds(previewId, describedBy)}
      after={<InstantPreview id={previewId} value={typeof value === "string" ? value : ""} precision={typeof precision === "string" ? precision : ""} />}
    />
  );
}

/**
 * What is known about an end that is not given (decision 0013): ongoing (the
 * incident: with the day it was last checked) or not recorded (with the last
 * day a source reports it, if any).
 */
function OpenEndFields({ prefix, record }: { prefix: string; record: "incident" | "phase" }) {
  const t = useTranslations("Editor");
  const fieldLabel = useRecordFieldLabel();
  const enumLabel = useEnumLabel();
  const { form } = useEditorFields();
  const status = getFormField(form, `${prefix}endStatus`);
  const options = (["NOT_RECORDED", "ONGOING"] as const).map((value) => ({ value, label: enumLabel("EndStatus", value) }));
  return (
    <div className={styles.fieldGrid}>
      <SelectField path={`${prefix}endStatus`} label={fieldLabel(record, "endStatus")} options={options} hint={t(`hints.endStatus.${record}`)} />
      {status === "ONGOING" ? (
        record === "incident" ? (
          <TextField path="lastCheckedOn" label={fieldLabel("incident", "lastCheckedOn")} type="date" hint={t("hints.lastCheckedOn")} />
        ) : null
      ) : (
        <TextField path={`${prefix}lastReportedOn`} label={fieldLabel(record, "lastReportedOn")} type="date" hint={t("hints.lastReportedOn")} />
      )}
    </div>
  );
}

/**
 * Start and end of an incident or a phase, in Kazakhstan time, each with its
 * precision. Warns as soon as the end is before the start. `prefix` is "" for
 * the incident and "phases.N." for a phase; only the incident has the
 * "ongoing / end unknown" box (a phase with no end simply leaves it empty).
 * Without an end, both say whether it is ongoing or not recorded.
 */
export function PeriodFields({ prefix, record }: { prefix: string; record: "incident" | "phase" }) {
  const t = useTranslations("Editor");
  const fieldLabel = useRecordFieldLabel();
  const enumLabel = useEnumLabel();
  const translateIssue = useIssueTranslator();
  const { form, issuesFor } = useEditorFields();
  const path = (field: string) => `${prefix}${field}`;
  const text = (field: string) => {
    const value = getFormField(form, path(field));
    return typeof value === "string" ? value : "";
  };
  const precisionOptions = Object.values(TimePrecision).map((value) => ({ value, label: enumLabel("TimePrecision", value) }));
  const endUnknown = record === "incident" && form.endUnknown;
  const start = instantOf(text("startsAt"), text("startPrecision"));
  const end = endUnknown ? null : instantOf(text("endsAt"), text("endPrecision"));
  const endBeforeStart = start !== null && end !== null && end < start;
  // The schema's own message, translated: once that error shows at the end field, the warning would only repeat it.
  const warning = translateIssue("the end is before the start");
  const showWarning = endBeforeStart && !issuesFor(path("endsAt")).includes(warning);
  const warningId = `${fieldId(path("endsAt"))}-order`;

  return (
    <div className={styles.period}>
      <div className={styles.fieldGrid}>
        <DateTimeField path={path("startsAt")} precisionPath={path("startPrecision")} label={fieldLabel(record, "startsAt")} required />
        <SelectField
          path={path("startPrecision")}
          label={fieldLabel(record, "startPrecision")}
          options={precisionOptions}
          emptyLabel={t("choose")}
          required
        />
      </div>
      {record === "incident" ? <CheckboxField path="endUnknown" label={t("endUnknown")} hint={t("hints.endUnknown")} /> : null}
      {endUnknown ? null : (
        <div className={styles.fieldGrid}>
          <DateTimeField
            path={path("endsAt")}
            precisionPath={path("endPrecision")}
            label={fieldLabel(record, "endsAt")}
            hint={record === "phase" ? t("hints.phaseEnd") : t("hints.incidentEnd")}
            describedBy={showWarning ? warningId : undefined}
          />
          <SelectField path={path("endPrecision")} label={fieldLabel(record, "endPrecision")} options={precisionOptions} emptyLabel={t("choose")} />
        </div>
      )}
      {endUnknown || (record === "phase" && text("endsAt").trim() === "") ? <OpenEndFields prefix={prefix} record={record} /> : null}
      <p id={warningId} className={showWarning ? styles.warning : "visually-hidden"} role="status">
        {showWarning ? warning : ""}
      </p>
    </div>
  );
}
