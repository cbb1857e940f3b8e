import { getLocale, getTranslations } from "next-intl/server";
import type { EndStatus } from "@/lib/generated/prisma/enums";
import { formatCalendarDay, instantParts, type Precision, type ZoneChoice } from "@/lib/time/format";

function partsText(parts: ReturnType<typeof instantParts>) {
  return parts.time ? `${parts.date}, ${parts.time} ${parts.offset}` : parts.date;
}

/**
 * An instant as readers should see it: Kazakhstan time (or UTC), at the
 * precision it is known to, with the other zone on hover.
 */
export async function Instant({ value, precision, zone }: { value: Date; precision: Precision; zone: ZoneChoice }) {
  const locale = await getLocale();
  const t = await getTranslations("time");
  const parts = instantParts(value, { locale, zone, precision });
  const other = instantParts(value, { locale, zone: zone === "utc" ? "local" : "utc", precision });
  const text = partsText(parts);
  return (
    <time dateTime={parts.iso} title={parts.time ? partsText(other) : undefined}>
      {parts.approximate ? t("approx", { time: text }) : text}
    </time>
  );
}

/** A calendar date (Date at midnight UTC, or "YYYY-MM-DD") as its day. */
const dayOf = (value: Date | string | null | undefined) => (value == null ? null : typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10));

export type EndFacts = {
  endStatus: EndStatus;
  endsAt: Date | string | null;
  endPrecision: Precision | null;
  lastCheckedOn?: Date | string | null;
  lastReportedOn?: Date | string | null;
};

/**
 * The one way an end is written (decision 0013): a recorded end at the
 * precision it is known to (a DAY end is "6 January", never the next
 * midnight the figures count to); "ongoing (last checked …)"; or "end not
 * recorded", with the last day a source reports it, and — for a phase the
 * figures leave out — "not counted".
 */
export async function EndOf({ zone, showNotCounted = false, ...end }: EndFacts & { zone: ZoneChoice; showNotCounted?: boolean }) {
  const t = await getTranslations("measures.end");
  const locale = await getLocale();
  if (end.endStatus === "RECORDED" && end.endsAt) {
    return <Instant value={typeof end.endsAt === "string" ? new Date(end.endsAt) : end.endsAt} precision={end.endPrecision ?? "ESTIMATED"} zone={zone} />;
  }
  if (end.endStatus === "ONGOING") {
    const checked = dayOf(end.lastCheckedOn);
    return <span data-end-status="ONGOING">{checked ? t("ongoing", { date: formatCalendarDay(checked, locale) }) : t("ongoingUnchecked")}</span>;
  }
  const reported = dayOf(end.lastReportedOn);
  return (
    <span data-end-status="NOT_RECORDED">
      {reported ? t("notRecordedReported", { date: formatCalendarDay(reported, locale) }) : t("notRecorded")}
      {showNotCounted && !reported ? ` — ${t("notCounted")}` : null}
    </span>
  );
}

/** "start – end", where the end is written by EndOf. */
export async function Period({
  startsAt,
  startPrecision,
  zone,
  ...end
}: EndFacts & {
  startsAt: Date;
  startPrecision: Precision;
  zone: ZoneChoice;
}) {
  return (
    <span className="period">
      <Instant value={startsAt} precision={startPrecision} zone={zone} />
      {" – "}
      <EndOf {...end} zone={zone} />
    </span>
  );
}
