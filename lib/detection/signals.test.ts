import { describe, expect, it } from "vitest";
import { INTERPRETED_TESTS } from "@/lib/ingest/ooni/verdict";
import { isSignalKey, SIGNAL_KEYS, SIGNALS, signalOfSeries } from "@/lib/signals/signal-registry";
import { DETECTION_OF_SIGNAL, SIGNAL_DETECTION_TABLE, signalKey, signalParameters, storedNameOf } from "./signals";

describe("the signal table", () => {
  it("has one row per source and signal", () => {
    const keys = SIGNAL_DETECTION_TABLE.map((row) => `${row.source}|${row.signal}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(SIGNAL_DETECTION_TABLE.map((row) => row.key)).size).toBe(keys.length);
  });

  it("opens below warning and restores above a shallower level, with IODA's critical level deeper still", () => {
    for (const row of SIGNAL_DETECTION_TABLE) {
      if (row.kind !== "connectivity") continue;
      expect(row.restoreDepth, row.signal).toBeLessThan(row.warningDepth);
      expect(row.warningDepth, row.signal).toBeLessThan(row.criticalDepth);
      expect(row.anchor.length, row.signal).toBeGreaterThan(0);
    }
  });

  it("watches the four messaging apps OONI tests, and no website test", () => {
    expect(SIGNAL_DETECTION_TABLE.filter((row) => row.kind === "service").map((row) => [row.signal, row.kind === "service" && row.service])).toEqual([
      ["telegram.anomaly_rate", "TELEGRAM"],
      ["whatsapp.anomaly_rate", "WHATSAPP"],
      ["signal.anomaly_rate", "SIGNAL"],
      ["facebook_messenger.anomaly_rate", "FACEBOOK"],
    ]);
    expect(signalParameters("OONI", "web_connectivity.anomaly_rate")).toBeUndefined();
    expect(signalParameters("IODA", "ping-slash24")).toMatchObject({ kind: "connectivity", warningDepth: 0.2 });
    expect(signalKey("IODA", "merit-nt")).toBe("ioda.merit-nt");
  });
});

describe("the signal table and the signal registry", () => {
  it("has an entry for every registry signal and for nothing else", () => {
    expect(Object.keys(DETECTION_OF_SIGNAL).sort()).toEqual([...SIGNAL_KEYS].sort());
  });

  it("uses every registry signal it should: IODA's four as connectivity, OONI's per-test anomaly rates for apps", () => {
    // A signal added to the registry needs an entry here (the compiler asks for it): parameters, or why it is left out.
    expect(Object.fromEntries(SIGNAL_KEYS.map((key) => [key, DETECTION_OF_SIGNAL[key].kind]))).toEqual({
      "ioda.bgp": "connectivity",
      "ioda.ping-slash24": "connectivity",
      "ioda.merit-nt": "connectivity",
      "ioda.gtr": "connectivity",
      "ooni.anomaly_rate": "service",
    });
    for (const key of SIGNAL_KEYS) {
      const detection = DETECTION_OF_SIGNAL[key];
      if (detection.kind === "unused") expect(detection.why.trim(), key).not.toBe("");
      else expect(SIGNAL_DETECTION_TABLE.some((row) => row.registryKey === key), key).toBe(true);
    }
  });

  it("reads only registry signals, under the names the registry stores them", () => {
    for (const row of SIGNAL_DETECTION_TABLE) {
      expect(isSignalKey(row.registryKey), row.key).toBe(true);
      expect(row.source, row.key).toBe(SIGNALS[row.registryKey].stored.source);
      expect(signalOfSeries({ source: row.source, signal: row.signal }), row.key).toBe(row.registryKey);
      expect(signalKey(row.source, row.signal), row.key).toBe(row.key);
    }
  });

  it("names a connectivity signal by its registry key and combines its networks as the registry's charts do", () => {
    for (const row of SIGNAL_DETECTION_TABLE) {
      if (row.kind !== "connectivity") continue;
      const registered = SIGNALS[row.registryKey];
      expect(row.key).toBe(row.registryKey);
      expect(row.combine, row.key).toBe(registered.combine);
      // A drop of a count or an index is a disruption; a rate rising is service blocking.
      expect(registered.unit, row.key).not.toBe("rate");
    }
    expect(signalParameters("IODA", "gtr")).toMatchObject({ key: "ioda.gtr", combine: "avg" });
    expect(signalParameters("IODA", "bgp")).toMatchObject({ key: "ioda.bgp", combine: "sum" });
  });

  it("decides for every OONI test the pull fetches whether its anomaly rate stands for an app, and says why not", () => {
    const service = DETECTION_OF_SIGNAL["ooni.anomaly_rate"];
    if (service.kind !== "service") throw new Error("ooni.anomaly_rate is watched for service blocking");
    expect(Object.keys(service.tests).sort()).toEqual([...INTERPRETED_TESTS].sort());
    for (const test of INTERPRETED_TESTS) {
      const use = service.tests[test];
      if ("unused" in use) expect(use.unused.trim(), test).not.toBe("");
      expect(signalParameters("OONI", `${test}.anomaly_rate`)?.registryKey, test).toBe("service" in use ? "ooni.anomaly_rate" : undefined);
    }
    for (const row of SIGNAL_DETECTION_TABLE) if (row.kind === "service") expect(SIGNALS[row.registryKey].unit, row.key).toBe("rate");
  });

  it("gives the name a signal stored per network is stored under, and refuses it for OONI's per-test rates", () => {
    expect(storedNameOf("ioda.ping-slash24")).toBe("ping-slash24");
    expect(() => storedNameOf("ooni.anomaly_rate")).toThrow(/one series per test \(<test>\.anomaly_rate\)/);
  });

  it("leaves out what the registry does not chart", () => {
    expect(signalParameters("IODA", "ucsd-nt")).toBeUndefined();
    expect(signalParameters("OONI", "web_connectivity.anomaly_count")).toBeUndefined();
    expect(signalParameters("COALITION", "bgp")).toBeUndefined();
    expect(signalParameters("CLOUDFLARE", "telegram.anomaly_rate")).toBeUndefined();
  });
});
