"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { FEED_INTERVALS_MINUTES, type ScheduledFeed } from "@/lib/schemas/feed-schedule";

type Props = {
  source: ScheduledFeed;
  enabled: boolean;
  intervalMinutes: number;
  country: string;
  asns: number[];
  lookbackHours: number;
  /** The feed's last run and its result, drawn by the page. */
  lastRun: ReactNode;
  action: (previous: unknown, form: FormData) => Promise<ActionResult<{ enabled: boolean }>>;
};

/** One feed's card: its last run, and its schedule (on or off, how often, what to pull). */
export function FeedScheduleForm({ source, enabled, intervalMinutes, country, asns, lookbackHours, lastRun, action }: Props) {
  const t = useTranslations("Feeds");
  const [result, formAction, pending] = useActionState(action, null);
  const id = (name: string) => `feed-${source.toLowerCase()}-${name}`;
  const issues = result?.ok === false ? (result.fieldIssues ?? {}) : {};
  const issue = (path: string) => issues[path]?.join("; ");
  return (
    <form action={formAction} className="feed-form" aria-busy={pending} aria-labelledby={id("heading")}>
      <h3 id={id("heading")}>{t(`names.${source}`)}</h3>
      {lastRun}
      <input type="hidden" name="source" value={source} />
      <div className="field field--checkbox">
        <input id={id("enabled")} name="enabled" type="checkbox" defaultChecked={enabled} />
        <label htmlFor={id("enabled")}>{t("enabled")}</label>
      </div>
      <div className="field">
        <label htmlFor={id("interval")}>{t("interval")}</label>
        <select id={id("interval")} name="intervalMinutes" defaultValue={String(intervalMinutes)}>
          {FEED_INTERVALS_MINUTES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes < 60 ? t("everyMinutes", { minutes }) : t("everyHours", { hours: minutes / 60 })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("country")}>{t("country")}</label>
        <input id={id("country")} name="country" defaultValue={country} maxLength={2} aria-invalid={issue("parameters.country") ? true : undefined} aria-describedby={issue("parameters.country") ? id("country-error") : undefined} />
        {issue("parameters.country") && (
          <p id={id("country-error")} className="field-error">
            {t("countryError")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={id("asns")}>{t("asns")}</label>
        <input id={id("asns")} name="asns" defaultValue={asns.join(", ")} aria-describedby={id("asns-help")} aria-invalid={issue("parameters.asns.0") ? true : undefined} />
        <p id={id("asns-help")} className="field-help">
          {t("asnsHelp")}
        </p>
      </div>
      <div className="field">
        <label htmlFor={id("lookback")}>{t("lookback")}</label>
        <input id={id("lookback")} name="lookbackHours" type="number" min={1} max={336} defaultValue={lookbackHours} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("save")}
      </button>
      <p role="status" aria-live="polite">
        {result?.ok === true && (result.data.enabled ? t("savedOn") : t("savedOff"))}
      </p>
      {result?.ok === false && (
        <p role="alert" className="field-error">
          {Object.keys(issues).length > 0 ? t("invalid") : t("failed")}
        </p>
      )}
    </form>
  );
}
