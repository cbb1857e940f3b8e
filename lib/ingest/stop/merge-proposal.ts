import { diffSnapshots, type FieldChange } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";

/**
 * What applying a STOP row to an existing incident does. The editors' record
 * wins: the row only adds what the incident lacks, and nothing curated is
 * removed or rewritten.
 *
 * | Field                                   | Rule                                                         |
 * |-----------------------------------------|--------------------------------------------------------------|
 * | end (endsAt, endPrecision)              | filled when the incident has none, if it is not before the start or before a phase's end, its period does not follow its phases and staff have not said it is ongoing; it is then recorded |
 * | services                                | union                                                        |
 * | servicesOther                           | filled when empty                                            |
 * | operators                               | union                                                        |
 * | government justification (and details)  | filled when empty                                            |
 * | legal basis                             | filled when empty                                            |
 * | sources                                 | appended when their URL is new (not tied to a phase)         |
 * | acknowledgements                        | appended when no statement by the same party (and operator) exists |
 * | everything else                         | unchanged (title, text, dates already set, type, phases, regions …) |
 */
export function mergeStopProposal(current: IncidentSnapshot, proposed: IncidentSnapshot): IncidentSnapshot {
  const merged: IncidentSnapshot = { ...current };

  // An incident whose period follows its phases ends when they do: a row cannot give it another end.
  const followsPhases = current.periodFromPhases === true && (current.phases ?? []).length > 0;
  // "Ongoing" is the editors' word that it still runs (decision 0013); a row's end fills only an end not recorded.
  const ongoing = current.endsAt === undefined && current.endStatus === "ONGOING";
  if (current.endsAt === undefined && proposed.endsAt !== undefined && !followsPhases && !ongoing) {
    const end = new Date(proposed.endsAt);
    const phaseEnds = (current.phases ?? []).flatMap((phase) => (phase.endsAt === undefined ? [] : [new Date(phase.endsAt).getTime()]));
    const latestPhaseEnd = phaseEnds.length > 0 ? Math.max(...phaseEnds) : Number.NEGATIVE_INFINITY;
    if (end.getTime() >= new Date(current.startsAt).getTime() && end.getTime() >= latestPhaseEnd) {
      merged.endsAt = proposed.endsAt;
      merged.endPrecision = proposed.endPrecision;
      merged.endStatus = "RECORDED";
      delete merged.lastReportedOn;
    }
  }

  const union = <T extends string>(a: T[] | undefined, b: T[] | undefined): T[] => [...new Set([...(a ?? []), ...(b ?? [])])].sort();
  const addsTo = <T>(a: T[] | undefined, b: T[] | undefined) => (b ?? []).some((item) => !(a ?? []).includes(item));
  if (addsTo(current.services, proposed.services)) merged.services = union(current.services, proposed.services);
  if (addsTo(current.operators, proposed.operators)) merged.operators = union(current.operators, proposed.operators);

  if (current.servicesOther === undefined && proposed.servicesOther !== undefined) merged.servicesOther = proposed.servicesOther;
  if (current.govJustification === undefined && proposed.govJustification !== undefined) merged.govJustification = proposed.govJustification;
  if (current.govJustificationDetails === undefined && proposed.govJustificationDetails !== undefined) {
    merged.govJustificationDetails = proposed.govJustificationDetails;
  }
  if (current.legalBasis === undefined && proposed.legalBasis !== undefined) merged.legalBasis = proposed.legalBasis;

  const urlIdentity = (url: string) => url.trim().toLowerCase().replace(/^https?:\/\/(www\.)?/, "").replace(/\/+$/, "");
  const knownUrls = new Set((current.sources ?? []).map((source) => urlIdentity(source.url)));
  const newSources = (proposed.sources ?? [])
    .filter((source) => {
      const identity = urlIdentity(source.url);
      if (knownUrls.has(identity)) return false;
      knownUrls.add(identity);
      return true;
    })
    .map((source) => {
      const copy = { ...source };
      delete copy.phase; // the proposal's phase numbers do not apply to the incident's phases
      return copy;
    });
  if (newSources.length > 0) merged.sources = [...(current.sources ?? []), ...newSources];

  const speaker = (ack: { party: string; operator?: string }) => `${ack.party}:${ack.operator ?? ""}`;
  const speakers = new Set((current.acknowledgements ?? []).map(speaker));
  const newAcknowledgements = (proposed.acknowledgements ?? []).filter((ack) => {
    if (speakers.has(speaker(ack))) return false;
    speakers.add(speaker(ack));
    return true;
  });
  if (newAcknowledgements.length > 0) merged.acknowledgements = [...(current.acknowledgements ?? []), ...newAcknowledgements];

  return merged;
}

/** What applying a proposal would change in the incident, field by field; empty when the row adds nothing. */
export function proposalChanges(current: IncidentSnapshot, proposed: IncidentSnapshot): FieldChange[] {
  return diffSnapshots(current, mergeStopProposal(current, proposed));
}
