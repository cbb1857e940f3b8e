import { getLocale, getTranslations } from "next-intl/server";
import { instantParts, type Precision, type ZoneChoice } from "@/lib/time/format";

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

/** "start – end", or "start – no recorded end". */
export async function Period({
  startsAt,
  startPrecision,
  endsAt,
  endPrecision,
  zone,
}: {
  startsAt: Date;
  startPrecision: Precision;
  endsAt: Date | null;
  endPrecision: Precision | null;
  zone: ZoneChoice;
}) {
  const t = await getTranslations("time");
  return (
    <span className="period">
      <Instant value={startsAt} precision={startPrecision} zone={zone} />
      {" – "}
      {endsAt ? <Instant value={endsAt} precision={endPrecision ?? "ESTIMATED"} zone={zone} /> : <span>{t("noEnd")}</span>}
    </span>
  );
}
