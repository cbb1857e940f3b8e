import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { IngestItem } from "../types";
import { parseOoniStream } from "./parse-stream";

/**
 * Real OONI payloads, outside the repository: set KST_OONI_CORPUS to a folder
 * of them (../shared/fixtures/ooni). Without it this file skips. Every file
 * must parse without throwing, and every record must be accepted or rejected
 * with a reason.
 */
const corpus = process.env.KST_OONI_CORPUS ? path.resolve(process.env.KST_OONI_CORPUS) : null;
const files = corpus && existsSync(corpus) ? readdirSync(corpus).filter((name) => /\.(json|jsonl)(\.gz)?$/.test(name)) : [];

async function parseCorpusFile(name: string, context?: Parameters<typeof parseOoniStream>[1]): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of parseOoniStream(createReadStream(path.join(corpus ?? "", name)), context)) items.push(item);
  return items;
}

describe.skipIf(files.length > 0)("the real OONI corpus (absent)", () => {
  it("is skipped: set KST_OONI_CORPUS or run `npm run test:corpus` next to ../shared/fixtures", () => {
    // CI sets KST_REQUIRE_CORPUS=1 (.ci/run): there, a missing corpus is a failure, not a skip.
    expect(process.env.KST_REQUIRE_CORPUS === "1" ? `no OONI corpus at ${corpus ?? "(KST_OONI_CORPUS unset)"}` : "skipped").toBe("skipped");
  });
});

describe.skipIf(files.length === 0)("the real OONI corpus", () => {
  it.each(files)("%s: every record is accepted or rejected with a reason", async (name) => {
    const items = await parseCorpusFile(name);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(["ooni", "point", "reject"]).toContain(item.kind);
      if (item.kind === "reject") {
        expect(item.reason.length).toBeGreaterThan(10);
        expect(item.raw.length).toBeGreaterThan(0);
      }
    }
  });

  it.skipIf(!files.includes("api-v1-measurements-list.json"))("accepts every measurement of the list sample", async () => {
    const items = await parseCorpusFile("api-v1-measurements-list.json");
    expect(items.every((item) => item.kind === "ooni")).toBe(true);
    expect(items.some((item) => item.kind === "ooni" && item.blockingType === "dns")).toBe(true);
  });

  it.skipIf(!files.includes("api-v1-aggregation-daily.json"))("reads the aggregation sample saved without its envelope as the same rows, never as measurements", async () => {
    const withEnvelope = await parseCorpusFile("api-v1-aggregation-daily.json", { testName: "web_connectivity", probeCc: "KZ" });
    const { result } = JSON.parse(readFileSync(path.join(corpus ?? "", "api-v1-aggregation-daily.json"), "utf8")) as { result: unknown[] };
    for (const saved of [JSON.stringify(result, null, 2), result.map((row) => JSON.stringify(row)).join("\n")]) {
      const items: IngestItem[] = [];
      for await (const item of parseOoniStream(Readable.from([Buffer.from(saved)]), { testName: "web_connectivity", probeCc: "KZ" })) items.push(item);
      expect(items.some((item) => item.kind === "ooni")).toBe(false);
      expect(items.filter((item) => item.kind === "point")).toEqual(withEnvelope.filter((item) => item.kind === "point"));
    }
  });

  it.skipIf(!files.includes("raw-web_connectivity-TM-timeout.json"))("reads the raw timeout sample as a failure", async () => {
    expect(await parseCorpusFile("raw-web_connectivity-TM-timeout.json")).toMatchObject([
      { kind: "ooni", probeAsn: 20661, probeCc: "TM", startedAt: new Date("2022-05-24T01:20:29Z"), anomaly: false, failure: true },
    ]);
  });
});
