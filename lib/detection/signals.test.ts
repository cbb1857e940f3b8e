import { describe, expect, it } from "vitest";
import { SIGNAL_DETECTION_TABLE, signalKey, signalParameters } from "./signals";

describe("the signal table", () => {
  it("has one row per source and signal", () => {
    const keys = SIGNAL_DETECTION_TABLE.map((row) => `${row.source}|${row.signal}`);
    expect(new Set(keys).size).toBe(keys.length);
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
