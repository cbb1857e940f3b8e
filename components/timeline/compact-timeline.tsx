import { getLocale, getTranslations } from "next-intl/server";
import { ServerChartDownloads } from "@/components/charts/server-chart-downloads";
import { Link } from "@/components/ui/link";
import type { DashboardIncident } from "@/lib/server/incidents/list-dashboard-incidents";
import type { IncidentSummary } from "@/lib/server/incidents/published/summary";
import type { OperatorOption } from "@/lib/server/operators/list-operators";
import type { RegionOption } from "@/lib/server/regions/list-regions";
import { effectiveEnd, kazakhstanDayStart, kazakhstanYear, shortDate } from "@/lib/time/format";
import { laneLabel, laneOrder, toTimelineItems } from "@/lib/timeline/items";
import { layoutLanes } from "@/lib/timeline/lanes";
import { visibleBars } from "@/lib/timeline/visible-bars";
import { PhaseBar, TimelineDefs } from "./timeline-shapes";
import { barGeometry, TimeAxis } from "./time-bars";
import { compactTimelineDownloadTable } from "./timeline-download-table";
import styles from "./timeline.module.css";

/** Drawing width of the lane tracks; they stretch to the page's width. */
const TRACK_WIDTH = 1000;
const TRACK_ROW = 8;

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
 * links to the incidents; open-ended incidents fade out towards now. Below,
 * read-only, the lanes of the interactive timeline (/timeline) with the same
 * rules, and a link to it.
 */
export async function CompactTimeline({
  incidents,
  phased,
  operators,
  regions,
  now,
}: {
  incidents: IncidentSummary[];
  /** The same incidents with their phases, for the lanes. */
  phased: DashboardIncident[];
  operators: OperatorOption[];
  regions: RegionOption[];
  now: Date;
}) {
  const locale = await getLocale();
  const t = await getTranslations("overview.timeline");
  const time = await getTranslations("time");
  const view = await getTranslations("timelineView");
  const downloads = await getTranslations("chartDownloads");
  const typeNames = await getTranslations("enums.DisruptionType");
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

  const items = toTimelineItems(phased, now);
  const names = {
    operators: Object.fromEntries(operators.map((operator) => [operator.slug, operator.name])),
    regions: Object.fromEntries(regions.map((region) => [region.slug, region.name])),
  };
  const operatorLanes = layoutLanes(
    items,
    laneOrder(
      items,
      operators.map((operator) => operator.slug),
      regions.map((region) => region.slug),
    ),
    2,
  );
  const whole = { start: domain.from.getTime(), end: domain.to.getTime() };

  return (
    <div data-compact-timeline="" id="compact-timeline">
      <div data-chart-html="" data-chart="compact-timeline">
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
                  data-chart-bar=""
                  data-chart-mark={incident.slug}
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
      <ServerChartDownloads
        chartId="compact-timeline"
        name="overview-timeline"
        table={compactTimelineDownloadTable(
          chronological.map(({ incident, start, end }) => ({ slug: incident.slug, title: incident.title, type: incident.type, start, end, endStatus: incident.endStatus })),
          domain,
          t("heading"),
          (key, values) => downloads(key, values),
          (type) => typeNames(type),
        )}
      />
      <div className={styles.compactLanes} aria-hidden="true">
        <svg width="0" height="0" className={styles.compactDefs}>
          <TimelineDefs prefix="ctl" />
        </svg>
        {operatorLanes.map((lane) => (
          <div key={lane.id} className={styles.compactLane}>
            <span className={styles.compactLaneLabel}>{laneLabel(lane.id, names, (key, values) => view(key, values))}</span>
            <svg viewBox={`0 0 ${TRACK_WIDTH} ${lane.rows * TRACK_ROW}`} preserveAspectRatio="none" style={{ height: `${lane.rows * 0.55}rem` }}>
              {visibleBars(lane, whole, TRACK_WIDTH).map((drawn, index) =>
                drawn.kind === "bar" ? (
                  <PhaseBar
                    key={index}
                    prefix="ctl"
                    id={`${lane.id}-${index}`}
                    x={drawn.x}
                    y={drawn.bar.row * TRACK_ROW + 1}
                    width={drawn.width}
                    height={TRACK_ROW - 2}
                    type={drawn.bar.type}
                    extent={drawn.bar.extent}
                  />
                ) : (
                  <rect key={index} data-type={drawn.type} className={styles.compactCluster} x={drawn.x} y={drawn.row * TRACK_ROW + 1} width={drawn.width} height={TRACK_ROW - 2} />
                ),
              )}
            </svg>
          </div>
        ))}
      </div>
      <p className={styles.compactNote}>
        {view("laneRule")}{" "}
        <Link href="/timeline">{view("compact.open")}</Link>
      </p>
    </div>
  );
}
