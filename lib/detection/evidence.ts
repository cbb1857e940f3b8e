import { EVENT_MARGIN_MS } from "./parameters";
import type { PreparedSeries } from "./run-data";
import type { DetectionEvidence, DetectionOutageEvent } from "./types";

/** The country whose Kazakhstan-wide events (naming no network) corroborate every detection. */
const COUNTRY_CODE = "KZ";

/**
 * Outage events (IODA, Cloudflare) that overlap a detection's period (within
 * EVENT_MARGIN_MS) and name one of its networks, or name no network but
 * Kazakhstan as a whole. (Feeds name regions by their own codes, which the
 * detector does not map onto region slugs.)
 */
export function matchingEvents(
  events: readonly DetectionOutageEvent[],
  detection: { start: number; end: number | null; asns: readonly number[] },
  until: number,
): DetectionOutageEvent[] {
  const from = detection.start - EVENT_MARGIN_MS;
  const to = (detection.end ?? until) + EVENT_MARGIN_MS;
  return events
    .filter((event) => {
      if (event.startsAt.getTime() >= to) return false;
      if (event.endsAt !== null && event.endsAt.getTime() <= from) return false;
      if (event.asns.some((asn) => detection.asns.includes(asn))) return true;
      return event.asns.length === 0 && event.locations.includes(COUNTRY_CODE);
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.key < b.key ? -1 : 1));
}

export function eventEvidence(event: DetectionOutageEvent): DetectionEvidence {
  return { type: "event", source: event.source, key: event.key, kind: event.kind, startsAt: event.startsAt, endsAt: event.endsAt };
}

export function seriesEvidence(prepared: PreparedSeries): DetectionEvidence {
  const { id, source, signal, asn, region } = prepared.series;
  return { type: "series", seriesId: id, source, signal, asn, region };
}
