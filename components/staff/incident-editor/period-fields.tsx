"use client";

import { useLocale, useTranslations } from "next-intl";
import { TimePrecision } from "@/lib/generated/prisma/enums";
import { getFormField } from "@/lib/incidents/form-path";
import { followsPhases as periodFollowsPhases, isLocalDate, localInstant, periodFromPhaseFields } from "@/lib/incidents/period-form";
import { incidentIssue } from "@/lib/schemas/incident";
import { instantParts, KAZAKHSTAN_TIME_ZONE, utcOffsetLabel, type Precision } from "@/lib/time/format";
import { fieldId, useEditorFields, useField } from "./editor-context";
import { CheckboxField, FieldLabel, FieldMessages, joinIds, SelectField, TextField } from "./fields";
import { useIssueTranslator } from "./issue-messages";
import { useEnumLabel, useRecordFieldLabel } from "./labels";
import styles from "./incident-editor.module.css";

/** Under a date: what it is in UTC, Kazakhstan's offset then, and the precision chosen. */
function InstantPreview({ id, value, precision }: { id: string; value: string; precision: string }) {
  const t = useTranslations("Editor.time");
  const locale = useLocale();
  const enumLabel = useEnumLabel();
  const instant = localInstant(value, precision);
  if (!instant) {
    return (
      <p id={id} className={styles.preview}>
        {t("previewEmpty")}
      </p>
    );
  }
  const utc = instantParts(instant, { locale, zone: "utc", precision: "EXACT" });
  const precisionText = precision ? enumLabel("TimePrecision", precision) : t("noPrecision");
  if (precision === "DAY" || (precision === "" && isLocalDate(value))) {
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

/**
 * A start or end in Kazakhstan time: a date, and a time that may be left
 * empty when only the day is known. The form holds "2022-01-05T17:15", or
 * "2022-01-05" alone; typing a value suggests its precision (a date alone:
 * to the day; a time on the hour: to the hour; any other time: exact) until
 * someone chooses one (lib/incidents/form-value.ts, setTimeField).
 */
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
  const field = useField(path);
  const { form } = useEditorFields();
  const value = typeof field.value === "string" ? field.value : "";
  const precision = getFormField(form, precisionPath);
  // "2022-01-05T17:15", "2022-01-05", or "T17:15" while only the time is typed.
  const [, date = "", time = ""] = /^(\d{4}-\d{2}-\d{2})?(?:T(.*))?$/.exec(value) ?? [];
  const timeId = `${field.id}-time`;
  const previewId = `${field.id}-utc`;
  const combine = (nextDate: string, nextTime: string) => (nextTime === "" ? nextDate : `${nextDate}T${nextTime}`);
  const described = joinIds(Boolean(hint) && field.hintId, field.invalid && field.errorId, previewId, describedBy);
  return (
    <div className={`${styles.field} ${styles.wide}`}>
      <FieldLabel htmlFor={field.id} label={t("dateLabel", { field: label })} required={required} />
      <FieldMessages hint={hint} hintId={field.hintId} issues={field.issues} errorId={field.errorId} />
      <div className={styles.dateTime}>
        <input
          id={field.id}
          name={field.name}
          type="date"
          value={date}
          onChange={(event) => field.setValue(combine(event.target.value, time))}
          onBlur={field.onBlur}
          required={required}
          aria-invalid={field.invalid || undefined}
          aria-describedby={described}
          autoComplete="off"
          className={styles.input}
        />
        <span className={styles.timeInput}>
          <label htmlFor={timeId}>{t("timeLabel", { field: label })}</label>
          <input
            id={timeId}
            name={`${field.name}-time`}
            type="time"
            value={time}
            onChange={(event) => field.setValue(combine(date, event.target.value))}
            onBlur={field.onBlur}
            aria-invalid={field.invalid || undefined}
            aria-describedby={described}
            autoComplete="off"
            className={styles.input}
          />
        </span>
      </div>
      <InstantPreview id={previewId} value={value} precision={typeof precision === "string" ? precision : ""} />
    </div>
  );
}

/** "5 January 2022, 17:15 UTC+6", "about 10 January 2022, 03:00 UTC+6" or "10 January 2022", as the public site writes it. */
function usePeriodText() {
  const t = useTranslations("Editor.time");
  const locale = useLocale();
  return (value: string, precision: string) => {
    const instant = localInstant(value, precision);
    if (!instant) return value;
    const parts = instantParts(instant, { locale, zone: "local", precision: (precision || "EXACT") as Precision });
    const text = parts.time ? `${parts.date}, ${parts.time} ${parts.offset}` : parts.date;
    return parts.approximate ? t("approx", { time: text }) : text;
  };
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
        record === "incident" ? <LastCheckedField /> : null
      ) : (
        <TextField path={`${prefix}lastReportedOn`} label={fieldLabel(record, "lastReportedOn")} type="date" hint={t("hints.lastReportedOn")} />
      )}
    </div>
  );
}

/** The day someone last checked an ongoing incident still runs: typed by staff, whether the period is typed or follows the phases. */
function LastCheckedField() {
  const t = useTranslations("Editor");
  const fieldLabel = useRecordFieldLabel();
  return <TextField path="lastCheckedOn" label={fieldLabel("incident", "lastCheckedOn")} type="date" hint={t("hints.lastCheckedOn")} />;
}

/** The incident's period while it follows its phases: shown, not typed. */
function PeriodFromPhases() {
  const t = useTranslations("Editor.period");
  const { form } = useEditorFields();
  const text = usePeriodText();
  const period = periodFromPhaseFields(form);
  const openEnd = (derived: NonNullable<typeof period>) =>
    derived.endStatus === "ONGOING"
      ? t("ongoing")
      : derived.lastReportedOn
        ? t("notRecordedLastReported", { date: text(derived.lastReportedOn, "DAY") })
        : t("noEnd");
  return (
    <>
      <p id="period-from-phases" className={styles.derivedPeriod} role="status">
        {period
          ? t("fromPhases", {
              start: text(period.startsAt, period.startPrecision),
              end: period.endUnknown ? openEnd(period) : text(period.endsAt, period.endPrecision),
            })
          : t("phasesUnreadable")}
      </p>
      {period?.endUnknown && period.endStatus === "ONGOING" ? (
        <div className={styles.fieldGrid}>
          <LastCheckedField />
        </div>
      ) : null}
    </>
  );
}

/**
 * Start and end of an incident or a phase, in Kazakhstan time, each with its
 * precision. Warns as soon as the end is before the start. `prefix` is "" for
 * the incident and "phases.N." for a phase. Only the incident has the
 * "ongoing / end unknown" box (a phase with no end simply leaves it empty)
 * and the "set the period by hand" box: unticked, an incident with phases
 * runs from the first phase's start to the last phase's end, and its end is
 * ongoing or not recorded as theirs is. Without an end, both say whether it
 * is ongoing or not recorded.
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
  const isIncident = record === "incident";
  const followsPhases = isIncident && periodFollowsPhases(form);
  const endUnknown = isIncident && form.endUnknown;
  const start = localInstant(text("startsAt"), text("startPrecision"));
  const end = endUnknown ? null : localInstant(text("endsAt"), text("endPrecision"));
  const endBeforeStart = !followsPhases && start !== null && end !== null && end < start;
  // The schema's own message, translated: once that error shows at the end field, the warning would only repeat it.
  const warning = translateIssue(incidentIssue("end_before_start"));
  const showWarning = endBeforeStart && !issuesFor(path("endsAt")).includes(warning);
  const warningId = `${fieldId(path("endsAt"))}-order`;

  return (
    <div className={styles.period}>
      {isIncident ? (
        <CheckboxField
          path="periodSetByHand"
          label={t("period.setByHand")}
          hint={form.phases.length === 0 && !form.periodSetByHand ? t("period.noPhasesYet") : t("period.setByHandHint")}
        />
      ) : null}
      {followsPhases ? (
        <PeriodFromPhases />
      ) : (
        <>
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
          {isIncident ? <CheckboxField path="endUnknown" label={t("endUnknown")} hint={t("hints.endUnknown")} /> : null}
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
          {endUnknown || text("endsAt").trim() === "" ? <OpenEndFields prefix={prefix} record={record} /> : null}
        </>
      )}
      <p id={warningId} className={showWarning ? styles.warning : "visually-hidden"} role="status">
        {showWarning ? warning : ""}
      </p>
    </div>
  );
}
