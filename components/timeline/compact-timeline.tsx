import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { IncidentSummary } from "@/lib/server/incidents/list-published-incidents";
import { effectiveEnd, kazakhstanDayStart, kazakhstanYear, shortDate } from "@/lib/time/format";
import { barGeometry, TimeAxis } from "./time-bars";
import styles from "./timeline.module.css";

type Placed = { incident: IncidentSummary; start: Date; end: Date; open: boolean };

/** Greedy lane assignment: each incident goes in the first lane free at its start. */
function assignLanes(items: Placed[], gapMs: number): Placed[][] {
  const lanes: Placed[][] = [];
  for (const item of [...items].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const lane = lanes.find((placed) => placed.at(-1)!.end.getTime() + gapMs <= item.start.getTime());
    if (lane) lane.push(item);
    else lanes.push([item]);
  }
  return lanes;
}

/**
 * Every published incident on one axis, from the first year to now. Bars are
 * links to the incidents; open-ended incidents fade out towards now.
 */
export async function CompactTimeline({ incidents, now }: { incidents: IncidentSummary[]; now: Date }) {
  const locale = await getLocale();
  const t = await getTranslations("overview.timeline");
  const time = await getTranslations("time");
  if (incidents.length === 0) return null;

  const firstYear = Math.min(...incidents.map((incident) => kazakhstanYear(incident.startsAt)));
  const domain = { from: kazakhstanDayStart(firstYear, 1, 1), to: now };
  const span = domain.to.getTime() - domain.from.getTime();
  const placed = incidents.map((incident) => {
    const end = incident.endsAt ? effectiveEnd(incident.endsAt, incident.endPrecision) : now;
    return { incident, start: incident.startsAt, end, open: !incident.endsAt };
  });
  // Keep a visible gap between bars that share a lane (about 1% of the axis).
  const lanes = assignLanes(placed, span / 100);
  const laneOf = new Map(lanes.flatMap((lane, index) => lane.map((item) => [item.incident.slug, index] as const)));
  const chronological = [...placed].sort((a, b) => a.start.getTime() - b.start.getTime());

  return (
    <div>
      <TimeAxis from={domain.from} to={domain.to} locale={locale} />
      <ul className={styles.compact} aria-label={t("listLabel")} style={{ height: `${lanes.length * 1.75}rem` }}>
        {chronological.map(({ incident, start, end, open }) => {
          const { left, width } = barGeometry(domain, start, end);
          const dates = `${shortDate(incident.startsAt, locale)} – ${incident.endsAt ? shortDate(incident.endsAt, locale) : time("noEnd")}`;
          return (
            <li key={incident.slug}>
              <Link
                href={`/incidents/${incident.slug}`}
                className={styles.compactBar}
                data-type={incident.type}
                data-open={open}
                style={{ left: `${left}%`, width: `${width}%`, top: `${laneOf.get(incident.slug)! * 1.75 + 0.3}rem` }}
                aria-label={`${incident.title} (${dates})`}
                title={`${incident.title} (${dates})`}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
