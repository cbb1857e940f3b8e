import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  CURATED_SOURCES,
  creditSentence,
  dataCredits,
  LICENCES,
  licenceSentence,
  licencesOf,
  signalChartSources,
  TRACKER_LICENCE,
} from "./data-credits";
import type { SignalKey } from "@/lib/signals/signal-registry";

const english = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "dataCredits" });
const russian = createTranslator({ locale: "ru", messages: MESSAGES.ru, namespace: "dataCredits" });
const t = (key: string, values?: Record<string, string>) => english(key as never, values as never);
const tRu = (key: string, values?: Record<string, string>) => russian(key as never, values as never);

const line = (signal: SignalKey, values: (number | null)[] = [1]) => ({ signal, points: values.map((value) => ({ value })) });

describe("a chart of curated incidents", () => {
  const credits = dataCredits(CURATED_SOURCES);

  it("credits the tracker and the coalition under CC BY 4.0, and no feed", () => {
    expect(credits.map((credit) => credit.source)).toEqual(["TRACKER"]);
    expect(credits[0]!.licence).toEqual(TRACKER_LICENCE);
    expect(TRACKER_LICENCE).toMatchObject({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/", commercialReuse: true });
    const sentence = creditSentence(credits, t);
    expect(sentence).toBe("Data: Kazakhstan Shutdown Tracker, incidents curated by the coalition (CC BY 4.0).");
    for (const feed of ["OONI", "IODA", "Cloudflare", "NC"]) expect(sentence).not.toContain(feed);
  });

  it("has a licence line that lets newsrooms republish, and says so in Russian too", () => {
    expect(licenceSentence(credits, t)).toContain("CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)");
    expect(licenceSentence(credits, t)).toContain("commercially too");
    expect(creditSentence(credits, tRu)).toBe("Данные: Трекер отключений интернета в Казахстане, инциденты собраны коалицией (CC BY 4.0).");
  });
});

describe("a chart of measured signals", () => {
  it("credits exactly the feeds of the lines it draws", () => {
    const sources = signalChartSources({ lines: [line("ioda.bgp"), line("ioda.ping-slash24")], events: [], phasesShaded: false });
    expect(sources).toEqual(["IODA"]);
    expect(creditSentence(dataCredits(sources), t)).toBe("Data: IODA, Georgia Tech (© Georgia Tech Research Corporation, IODA’s terms).");
  });

  it("adds OONI for its line, Cloudflare Radar for its events, and the tracker for shaded phases, each once and in a fixed order", () => {
    const sources = signalChartSources({
      lines: [line("ooni.anomaly_rate"), line("ioda.bgp"), line("ioda.gtr")],
      events: [{ source: "CLOUDFLARE" }, { source: "IODA" }, { source: "CLOUDFLARE" }],
      phasesShaded: true,
    });
    expect(sources).toEqual(["TRACKER", "IODA", "OONI", "CLOUDFLARE"]);
    const credits = dataCredits([...sources, ...sources]);
    expect(credits.map((credit) => [credit.source, credit.licence.name])).toEqual([
      ["TRACKER", "CC BY 4.0"],
      ["IODA", "© Georgia Tech Research Corporation"],
      ["OONI", "CC BY-NC-SA 4.0"],
      ["CLOUDFLARE", "CC BY-NC 4.0"],
    ]);
    expect(creditSentence(credits, t)).toBe(
      "Data: Kazakhstan Shutdown Tracker, incidents curated by the coalition (CC BY 4.0); IODA, Georgia Tech (© Georgia Tech Research Corporation, IODA’s terms); OONI (CC BY-NC-SA 4.0); Cloudflare Radar (CC BY-NC 4.0).",
    );
  });

  it("does not credit a feed whose line holds no value, nor anyone for a chart that draws nothing", () => {
    expect(signalChartSources({ lines: [line("ooni.anomaly_rate", [null, null]), line("ioda.bgp")], events: [], phasesShaded: false })).toEqual(["IODA"]);
    const nothing = dataCredits(signalChartSources({ lines: [], events: [], phasesShaded: false }));
    expect(nothing).toEqual([]);
    expect(creditSentence(nothing, t)).toBe("");
    expect(licenceSentence(nothing, t)).toBe("");
  });

  it("gives a licence line naming every licence once, with its address", () => {
    const credits = dataCredits(["TRACKER", "OONI", "CLOUDFLARE", "OONI"]);
    expect(licencesOf(credits)).toEqual([LICENCES["CC-BY-4.0"], LICENCES["CC-BY-NC-SA-4.0"], LICENCES["CC-BY-NC-4.0"]]);
    const text = licenceSentence(credits, t);
    expect(text).toContain("CC BY-NC-SA 4.0 (https://creativecommons.org/licenses/by-nc-sa/4.0/)");
    expect(text).toContain("CC BY-NC 4.0 (https://creativecommons.org/licenses/by-nc/4.0/)");
    expect(text.match(/CC BY 4\.0 \(/g)).toHaveLength(1);
  });
});

describe("the feed a signal credits", () => {
  it("is the feed that stores it, from the signal registry", () => {
    expect(signalChartSources({ lines: [line("ioda.merit-nt")], events: [], phasesShaded: false })).toEqual(["IODA"]);
    expect(signalChartSources({ lines: [line("ooni.anomaly_rate")], events: [], phasesShaded: false })).toEqual(["OONI"]);
  });
});
