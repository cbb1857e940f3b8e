import type { PreparedSeries } from "./run-data";
import type { ConnectivitySignalParameters, ServiceSignalParameters } from "./signals";

/**
 * What one detection is about: an operator (all its networks together), a
 * network that belongs to no operator, or a region (IODA's region series).
 * Detections are one per group and period, never one per series.
 */
export type WatchGroup = {
  /** "operator:kcell", "asn:35104", "region:almaty-city" */
  key: string;
  operator: string | null;
  region: string | null;
  /** Every series of the group, including those no rule uses (for freshness). */
  members: PreparedSeries[];
  connectivity: SignalMembers<ConnectivitySignalParameters>[];
  service: SignalMembers<ServiceSignalParameters>[];
};

/** One signal of a group and the series (networks, or the region's) that make it. */
export type SignalMembers<P> = { key: string; params: P; members: PreparedSeries[] };

/**
 * Groups the series: ASN series by their network's operator (or alone when
 * the network has none), region series by region. Country-wide series belong
 * to no group (they serve feed health only).
 */
export function watchGroups(prepared: readonly PreparedSeries[], operatorOfAsn: ReadonlyMap<number, string | null>): WatchGroup[] {
  const groups = new Map<string, WatchGroup>();
  for (const member of prepared) {
    const identity = groupIdentity(member, operatorOfAsn);
    if (!identity) continue;
    const group = groups.get(identity.key) ?? { ...identity, members: [], connectivity: [], service: [] };
    groups.set(identity.key, group);
    group.members.push(member);
    const params = member.params;
    if (params?.kind === "connectivity") addMember(group.connectivity, member, params);
    // OONI tests are run from networks; a region has no service series of its own.
    if (params?.kind === "service" && identity.region === null) addMember(group.service, member, params);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const group of ordered) {
    group.connectivity.sort((a, b) => (a.key < b.key ? -1 : 1));
    group.service.sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const signal of [...group.connectivity, ...group.service]) signal.members.sort(byEntity);
  }
  return ordered;
}

function groupIdentity(member: PreparedSeries, operatorOfAsn: ReadonlyMap<number, string | null>): { key: string; operator: string | null; region: string | null } | null {
  const { entityType, asn, region } = member.series;
  if (entityType === "ASN" && asn !== null) {
    const operator = operatorOfAsn.get(asn) ?? null;
    return operator ? { key: `operator:${operator}`, operator, region: null } : { key: `asn:${asn}`, operator: null, region: null };
  }
  if (entityType === "REGION" && region) return { key: `region:${region}`, operator: null, region };
  return null;
}

function addMember<P>(signals: SignalMembers<P>[], member: PreparedSeries, params: P): void {
  const existing = signals.find((signal) => signal.key === member.key);
  if (existing) existing.members.push(member);
  else signals.push({ key: member.key, params, members: [member] });
}

function byEntity(a: PreparedSeries, b: PreparedSeries): number {
  return (a.series.asn ?? 0) - (b.series.asn ?? 0) || (a.series.entityCode < b.series.entityCode ? -1 : a.series.entityCode > b.series.entityCode ? 1 : 0);
}
