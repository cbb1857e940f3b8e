/**
 * Who a chart, a file or an API answer credits, and under which licence: only
 * the sources it actually draws (docs/decisions/0017-data-licence.md).
 *
 * - The tracker's curated records (incidents, phases, the figures counted from
 *   them, the coalition's own measurements) are CC BY 4.0: newsrooms may
 *   republish them, commercially too, with credit.
 * - Measured data keeps its publisher's terms: OONI CC BY-NC-SA 4.0, Cloudflare
 *   Radar CC BY-NC 4.0, IODA © Georgia Tech Research Corporation (no open
 *   licence; IODA's own terms apply).
 *
 * Pure and language-free: the names and sentences are messages
 * (`dataCredits` in messages/data/), put together by `creditSentence`.
 */

import { SIGNALS, type SignalKey } from "@/lib/signals/signal-registry";

/** Every source a chart can draw, in the order credits are listed. */
export const DATA_SOURCES = ["TRACKER", "COALITION", "IODA", "OONI", "CLOUDFLARE"] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const LICENCE_IDS = ["CC-BY-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-4.0", "LicenseRef-IODA-terms"] as const;
export type LicenceId = (typeof LICENCE_IDS)[number];

export type Licence = {
  /** The SPDX identifier (IODA's terms have none: a local reference). */
  id: LicenceId;
  /** Its message key under `dataCredits.licences` (next-intl reads dots as nesting). */
  key: "ccBy" | "ccByNcSa" | "ccByNc" | "iodaTerms";
  /** The licence's short name; IODA's is its copyright notice. */
  name: string;
  /** The licence's text, or the publisher's page for terms that are not an open licence. */
  url: string;
  /** True for an open licence that allows commercial reuse with credit. */
  commercialReuse: boolean;
};

export const LICENCES: Record<LicenceId, Licence> = {
  "CC-BY-4.0": { id: "CC-BY-4.0", key: "ccBy", name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", commercialReuse: true },
  "CC-BY-NC-SA-4.0": { id: "CC-BY-NC-SA-4.0", key: "ccByNcSa", name: "CC BY-NC-SA 4.0", url: "https://creativecommons.org/licenses/by-nc-sa/4.0/", commercialReuse: false },
  "CC-BY-NC-4.0": { id: "CC-BY-NC-4.0", key: "ccByNc", name: "CC BY-NC 4.0", url: "https://creativecommons.org/licenses/by-nc/4.0/", commercialReuse: false },
  "LicenseRef-IODA-terms": {
    id: "LicenseRef-IODA-terms",
    key: "iodaTerms",
    name: "© Georgia Tech Research Corporation",
    url: "https://ioda.inetintel.cc.gatech.edu/",
    commercialReuse: false,
  },
};

/** The tracker's own licence, for its curated records. */
export const TRACKER_LICENCE = LICENCES["CC-BY-4.0"];

export type DataCredit = {
  source: DataSource;
  /** The publisher's site. Null for the tracker itself (its own address is the page's). */
  url: string | null;
  licence: Licence;
};

const CREDITS: Record<DataSource, DataCredit> = {
  TRACKER: { source: "TRACKER", url: null, licence: TRACKER_LICENCE },
  COALITION: { source: "COALITION", url: null, licence: TRACKER_LICENCE },
  IODA: { source: "IODA", url: "https://ioda.inetintel.cc.gatech.edu/", licence: LICENCES["LicenseRef-IODA-terms"] },
  OONI: { source: "OONI", url: "https://ooni.org/", licence: LICENCES["CC-BY-NC-SA-4.0"] },
  CLOUDFLARE: { source: "CLOUDFLARE", url: "https://radar.cloudflare.com/", licence: LICENCES["CC-BY-NC-4.0"] },
};

/** The credits for the sources a chart draws: each once, in `DATA_SOURCES` order. */
export function dataCredits(sources: Iterable<DataSource>): DataCredit[] {
  const drawn = new Set(sources);
  return DATA_SOURCES.filter((source) => drawn.has(source)).map((source) => CREDITS[source]);
}

/** The distinct licences behind a set of credits, in credit order. */
export function licencesOf(credits: readonly DataCredit[]): Licence[] {
  return [...new Map(credits.map((credit) => [credit.licence.id, credit.licence])).values()];
}

/** What a chart of curated records draws: the tracker's records only. */
export const CURATED_SOURCES: readonly DataSource[] = ["TRACKER"];

/**
 * What a measured-signal chart draws: the feeds of the lines it plots, the
 * feeds of the outage events it frames, and the tracker when curated phases
 * are shaded on it. A chart that draws nothing credits nobody.
 */
export function signalChartSources(chart: {
  lines: readonly { signal: SignalKey; points?: readonly { value: number | null }[] }[];
  events: readonly { source: "CLOUDFLARE" | "IODA" }[];
  phasesShaded: boolean;
}): DataSource[] {
  const sources = new Set<DataSource>();
  for (const line of chart.lines) {
    // A line with no value at all draws nothing.
    if (line.points && line.points.every((point) => point.value === null)) continue;
    // The feed that stores the signal (the signal registry).
    sources.add(SIGNALS[line.signal].stored.source);
  }
  for (const event of chart.events) sources.add(event.source);
  if (chart.phasesShaded) sources.add("TRACKER");
  return DATA_SOURCES.filter((source) => sources.has(source));
}

/** A translator for the `dataCredits` namespace (next-intl's `t`, or `createTranslator`'s). */
export type CreditTranslator = (key: string, values?: Record<string, string>) => string;

/** "OONI (CC BY-NC-SA 4.0)": one credit as words. */
export function creditText(credit: DataCredit, t: CreditTranslator): string {
  return t("item", { name: t(`names.${credit.source}`), licence: t(`licences.${credit.licence.key}`) });
}

/**
 * The credit line of a chart: "Data: Kazakhstan Shutdown Tracker, incidents
 * curated by the coalition (CC BY 4.0)." Empty when the chart draws nothing.
 */
export function creditSentence(credits: readonly DataCredit[], t: CreditTranslator): string {
  if (credits.length === 0) return "";
  return t("sentence", { credits: credits.map((credit) => creditText(credit, t)).join("; ") });
}

/** The licence line of a download: which licence covers which part. */
export function licenceSentence(credits: readonly DataCredit[], t: CreditTranslator): string {
  const licences = licencesOf(credits);
  if (licences.length === 0) return "";
  if (licences.length === 1 && licences[0]!.id === TRACKER_LICENCE.id) return t("licenceTracker", { url: TRACKER_LICENCE.url });
  return t("licenceMixed", {
    licences: licences.map((licence) => `${t(`licences.${licence.key}`)} (${licence.url})`).join("; "),
  });
}
