import type { AffectedService } from "@/lib/generated/prisma/enums";
import { eventEvidence, matchingEvents, seriesEvidence } from "./evidence";
import type { WatchGroup } from "./groups";
import { EVENT_CORROBORATION_FACTOR, HOUR_MS, REOPEN_WITHIN_MS, SERVICE_STEP_MS } from "./parameters";
import type { PreparedSeries } from "./run-data";
import { episodeSegments, type EpisodeSegment } from "./segments";
import { medianOf } from "./series-reader";
import type { ServiceEpisode } from "./service-blocking";
import { trackIndex } from "./signal-track";
import type { ConnectivityEpisode, GroupTimeline } from "./track-connectivity";
import type { Detection, DetectionKind, DetectionOutageEvent, DetectionRule, DetectionSegment } from "./types";

/** One episode (connectivity or service) ready to be joined with the group's others into a detection. */
export type DetectionPart = {
  start: number;
  end: number | null;
  /** When the data that opened it had arrived. */
  detectedAt: number;
  rule: DetectionRule;
  segments: (EpisodeSegment & { services: AffectedService[] })[];
  /** The series it rests on. */
  members: PreparedSeries[];
};

/** Connectivity episodes as parts: their segments, and the networks that were below warning in them. */
export function connectivityParts(timeline: GroupTimeline, episodes: readonly ConnectivityEpisode[], until: number): DetectionPart[] {
  return episodes.map((episode) => {
    const segments = episodeSegments(timeline, episode, until).map((segment) => ({ ...segment, services: [] }));
    return {
      start: episode.start,
      end: episode.end,
      detectedAt: episode.openedAt + timeline.stepMs,
      rule: episode.rule,
      segments,
      members: membersBelowWarning(timeline, episode, segments, until),
    };
  });
}

/**
 * The series of the signals that took part whose own median depth over the
 * segments is below warning; when none is on its own (a drop seen only in the
 * sum), all of them.
 */
function membersBelowWarning(timeline: GroupTimeline, episode: ConnectivityEpisode, segments: readonly EpisodeSegment[], until: number): PreparedSeries[] {
  const chosen: PreparedSeries[] = [];
  const all: PreparedSeries[] = [];
  for (const track of timeline.tracks) {
    if (!episode.joined.has(track.key)) continue;
    for (const member of track.members) {
      const buffer: number[] = [];
      for (const segment of segments) {
        for (let at = segment.start; at < (segment.end ?? until); at += track.stepMs) {
          const depth = member.depth[trackIndex(track, at)];
          if (depth !== undefined && !Number.isNaN(depth)) buffer.push(depth);
        }
      }
      if (buffer.length === 0) continue;
      all.push(member.prepared);
      if (medianOf(Float64Array.from(buffer), buffer.length) >= track.params.warningDepth) chosen.push(member.prepared);
    }
  }
  return chosen.length > 0 ? chosen : all;
}

export function serviceParts(episodes: readonly ServiceEpisode[]): DetectionPart[] {
  return episodes.map((episode) => ({
    start: episode.start,
    end: episode.end,
    detectedAt: episode.openedAt + SERVICE_STEP_MS,
    rule: "service-cusum",
    segments: [
      { kind: "service-blocking", start: episode.start, end: episode.end, depth: episode.depth, signals: [episode.signal], services: [episode.params.service] },
    ],
    members: episode.members,
  }));
}

/**
 * One event per group and period: parts that overlap, or follow each other
 * within REOPEN_WITHIN_MS, are one detection (a recut after a brief
 * restoration is a new segment, not a new alert).
 */
export function mergeParts(parts: readonly DetectionPart[]): DetectionPart[][] {
  const sorted = [...parts].sort((a, b) => a.start - b.start || a.detectedAt - b.detectedAt);
  const merged: DetectionPart[][] = [];
  let reach = -Infinity;
  for (const part of sorted) {
    const end = part.end ?? Infinity;
    const current = merged[merged.length - 1];
    if (current && part.start <= reach + REOPEN_WITHIN_MS) {
      current.push(part);
      reach = Math.max(reach, end);
    } else {
      merged.push([part]);
      reach = end;
    }
  }
  return merged;
}

const SEVERITY: readonly DetectionKind[] = ["blackout", "partial", "throttling-like", "service-blocking"];

export type AssembleContext = {
  until: number;
  events: readonly DetectionOutageEvent[];
  /** Regions with their own detection (region groups) overlapping a period. */
  regionsOverlapping: (start: number, end: number | null) => string[];
};

/** A group's merged parts as one Detection. */
export function toDetection(group: WatchGroup, parts: readonly DetectionPart[], context: AssembleContext): Detection {
  const { until } = context;
  const start = Math.min(...parts.map((part) => part.start));
  const end = parts.some((part) => part.end === null) ? null : Math.max(...parts.map((part) => part.end!));
  const first = [...parts].sort((a, b) => a.detectedAt - b.detectedAt)[0]!;
  const segments = parts
    .flatMap((part) => part.segments)
    .sort((a, b) => a.start - b.start || SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind));
  const members = uniqueMembers(parts.flatMap((part) => part.members));
  const asns = [...new Set(members.map((member) => member.series.asn).filter((asn): asn is number => asn !== null))].sort((a, b) => a - b);
  const regions = [
    ...new Set([
      ...(group.region ? [group.region] : []),
      ...members.map((member) => member.series.region).filter((region): region is string => region !== null),
      ...(group.region ? [] : context.regionsOverlapping(start, end)),
    ]),
  ].sort();
  const services = [...new Set(segments.flatMap((segment) => segment.services))].sort();
  const signals = [...new Set(segments.flatMap((segment) => segment.signals))].sort();
  const events = matchingEvents(context.events, { start, end, asns }, until);
  const connectivity = segments.filter((segment) => segment.kind !== "service-blocking");
  const depth = Math.max(0, ...(connectivity.length > 0 ? connectivity : segments).map((segment) => segment.depth));

  return {
    key: `${group.key}@${new Date(start).toISOString()}`,
    group: group.key,
    operator: group.operator,
    asns,
    regions,
    services,
    start: new Date(start),
    end: end === null ? null : new Date(end),
    status: end === null ? "ongoing" : "restored",
    kind: SEVERITY.find((kind) => segments.some((segment) => segment.kind === kind)) ?? "partial",
    depth,
    score: score(segments, signals.length, events.length > 0, until),
    signals,
    segments: segments.map(
      (segment): DetectionSegment => ({
        kind: segment.kind,
        start: new Date(segment.start),
        end: segment.end === null ? null : new Date(segment.end),
        depth: segment.depth,
        signals: segment.signals,
        services: segment.services,
      }),
    ),
    evidence: [...members.map(seriesEvidence), ...events.map(eventEvidence)],
    rule: first.rule,
    detectedAt: new Date(first.detectedAt),
  };
}

/**
 * IODA's severity, drop × duration, multiplied across sources: the sum over
 * segments of depth × hours, times the number of signals that took part,
 * times EVENT_CORROBORATION_FACTOR when another observer reported an outage.
 */
export function score(segments: readonly EpisodeSegment[], signalCount: number, corroboratedByEvent: boolean, until: number): number {
  const dropHours = segments.reduce((sum, segment) => sum + (segment.depth * ((segment.end ?? until) - segment.start)) / HOUR_MS, 0);
  const value = dropHours * Math.max(1, signalCount) * (corroboratedByEvent ? EVENT_CORROBORATION_FACTOR : 1);
  return Math.round(value * 100) / 100;
}

function uniqueMembers(members: readonly PreparedSeries[]): PreparedSeries[] {
  const seen = new Map<string, PreparedSeries>();
  for (const member of members) seen.set(member.series.id, member);
  return [...seen.values()].sort(
    (a, b) => (a.series.asn ?? 0) - (b.series.asn ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.series.id < b.series.id ? -1 : 1),
  );
}
