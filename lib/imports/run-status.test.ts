import { describe, expect, it } from "vitest";
import { canRollBackRun, runDisplayStatus } from "./run-status";

describe("runDisplayStatus", () => {
  it("never shows a run with rejects as a plain success", () => {
    expect(runDisplayStatus({ status: "SUCCEEDED", rejected: 0 })).toBe("SUCCEEDED");
    expect(runDisplayStatus({ status: "SUCCEEDED", rejected: 1 })).toBe("SUCCEEDED_WITH_REJECTS");
    expect(runDisplayStatus({ status: "FAILED", rejected: 4 })).toBe("FAILED");
    expect(runDisplayStatus({ status: "ABANDONED", rejected: 0 })).toBe("ABANDONED");
    expect(runDisplayStatus({ status: "ROLLED_BACK", rejected: 2 })).toBe("ROLLED_BACK");
  });

  it("offers a rollback for ended measurement runs only", () => {
    expect(canRollBackRun({ source: "IODA", status: "SUCCEEDED" })).toBe(true);
    expect(canRollBackRun({ source: "CSV", status: "ABANDONED" })).toBe(true);
    expect(canRollBackRun({ source: "OONI", status: "FAILED" })).toBe(true);
    expect(canRollBackRun({ source: "OONI", status: "RUNNING" })).toBe(false);
    expect(canRollBackRun({ source: "OONI", status: "ROLLED_BACK" })).toBe(false);
    expect(canRollBackRun({ source: "STOP", status: "SUCCEEDED" })).toBe(false);
  });
});
