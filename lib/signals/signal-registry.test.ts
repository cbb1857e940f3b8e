import { describe, expect, it } from "vitest";
import { DATA_SOURCES } from "@/lib/credits/data-credits";
import { MESSAGES } from "@/lib/i18n/messages";
import { IODA_SCALAR_DATASOURCES } from "@/lib/ingest/ioda";
import { isSignalKey, OONI_ANOMALY_RATE, SIGNAL_KEYS, SIGNAL_SOURCES, SIGNALS, signalOfSeries, storedSuffixOf } from "./signal-registry";

describe("the signal registry", () => {
  it("lists each signal once, in the order the charts show them", () => {
    expect(SIGNAL_KEYS).toEqual(["ioda.bgp", "ioda.ping-slash24", "ioda.merit-nt", "ioda.gtr", "ooni.anomaly_rate"]);
    expect(new Set(SIGNAL_KEYS).size).toBe(SIGNAL_KEYS.length);
    expect(Object.keys(SIGNALS)).toEqual([...SIGNAL_KEYS]);
    for (const key of SIGNAL_KEYS) expect(SIGNALS[key].key).toBe(key);
  });

  it("names each key after the feed that stores it, and that feed is one a chart can credit", () => {
    for (const key of SIGNAL_KEYS) {
      const { source } = SIGNALS[key].stored;
      expect(key.startsWith(`${source.toLowerCase()}.`), key).toBe(true);
      expect(DATA_SOURCES).toContain(source);
    }
    expect(SIGNAL_SOURCES).toEqual(["IODA", "OONI"]);
  });

  it("adds counts up across an operator's networks and averages rates and indices", () => {
    expect(Object.fromEntries(SIGNAL_KEYS.map((key) => [key, SIGNALS[key].combine]))).toEqual({
      "ioda.bgp": "sum",
      "ioda.ping-slash24": "sum",
      "ioda.merit-nt": "sum",
      "ioda.gtr": "avg",
      "ooni.anomaly_rate": "avg",
    });
    for (const key of SIGNAL_KEYS) expect(SIGNALS[key].combine).toBe(SIGNALS[key].unit === "count" ? "sum" : "avg");
  });

  it("has a name in every language of the interface, and the catalogues name no other signal", () => {
    for (const locale of ["en", "ru"] as const) {
      const names = MESSAGES[locale].ispsView.signals as Record<string, string>;
      expect(Object.keys(names).sort(), locale).toEqual(SIGNAL_KEYS.map((key) => SIGNALS[key].message).sort());
      for (const key of SIGNAL_KEYS) expect(names[SIGNALS[key].message]!.trim(), `${locale}: ${key}`).not.toBe("");
    }
  });

  it("tells which signal a stored series belongs to: IODA's by datasource, OONI's by the roll-up's per-test suffix", () => {
    expect(signalOfSeries({ source: "IODA", signal: "bgp" })).toBe("ioda.bgp");
    expect(signalOfSeries({ source: "IODA", signal: "ping-slash24" })).toBe("ioda.ping-slash24");
    expect(signalOfSeries({ source: "IODA", signal: "merit-nt" })).toBe("ioda.merit-nt");
    expect(signalOfSeries({ source: "IODA", signal: "gtr" })).toBe("ioda.gtr");
    expect(signalOfSeries({ source: "OONI", signal: "web_connectivity.anomaly_rate" })).toBe("ooni.anomaly_rate");
    expect(signalOfSeries({ source: "OONI", signal: "signal.anomaly_rate" })).toBe("ooni.anomaly_rate");
    // Pulled but not charted, counts of a country, or the right name under another feed: none.
    expect(signalOfSeries({ source: "IODA", signal: "ucsd-nt" })).toBeNull();
    expect(signalOfSeries({ source: "OONI", signal: "web_connectivity.anomaly_count" })).toBeNull();
    expect(signalOfSeries({ source: "OONI", signal: "bgp" })).toBeNull();
    expect(signalOfSeries({ source: "COALITION", signal: "bgp" })).toBeNull();
    expect(signalOfSeries({ source: "CLOUDFLARE", signal: "web_connectivity.anomaly_rate" })).toBeNull();
  });

  it("gives the suffix the OONI roll-up names its series with, and refuses it for a signal stored under one name", () => {
    expect(storedSuffixOf(OONI_ANOMALY_RATE)).toBe(".anomaly_rate");
    expect(signalOfSeries({ source: "OONI", signal: `whatsapp${storedSuffixOf(OONI_ANOMALY_RATE)}` })).toBe(OONI_ANOMALY_RATE);
    expect(() => storedSuffixOf("ioda.bgp")).toThrow(/one name \(bgp\)/);
  });

  it("knows its keys and nothing else", () => {
    for (const key of SIGNAL_KEYS) expect(isSignalKey(key)).toBe(true);
    for (const other of ["bgp", "ioda.ucsd-nt", "toString", "__proto__", ""]) expect(isSignalKey(other)).toBe(false);
  });

  it("names IODA signals as the IODA pull stores them", () => {
    for (const key of SIGNAL_KEYS) {
      const { stored } = SIGNALS[key];
      if (stored.source === "IODA") expect(IODA_SCALAR_DATASOURCES, key).toContain(stored.name);
    }
  });
});
