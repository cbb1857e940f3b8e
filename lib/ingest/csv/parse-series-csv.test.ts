import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FEEDS } from "@/lib/ingest/registry";
import { CsvHeaderError, parseSeriesCsv } from "./parse-series-csv";
import { collect } from "@/lib/ingest/testing/feed-test-server";
import { endlessLineStream } from "@/lib/ingest/testing/hostile-inputs";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

const fromText = (text: string) => collect(parseSeriesCsv(Readable.from([Buffer.from(text, "utf8")])));

describe("parseSeriesCsv", () => {
  it("reads the fixture: columns in any order, spaces, both timestamp forms, every bad row rejected with its line", async () => {
    const items = await collect(parseSeriesCsv(createReadStream(fixture("coalition-probes.csv"))));
    const points = items.filter((item) => item.kind === "point");
    const rejects = items.filter((item) => item.kind === "reject");
    const point = { kind: "point", source: "COALITION", entityType: "ASN" } as const;
    expect(points).toEqual([
      { ...point, signal: "probe.reachability", unit: "share", entityCode: "9198", asn: 9198, at: new Date("2022-01-05T11:00:00Z"), value: 0.93 },
      { ...point, signal: "probe.reachability", unit: "share", entityCode: "9198", asn: 9198, at: new Date("2022-01-05T12:00:00Z"), value: 0.12 },
      { ...point, signal: "probe.latency_ms", unit: "ms", entityCode: "48503", asn: 48503, at: new Date("2022-01-05T12:00:00Z"), value: 41.5 },
      { ...point, signal: "probe.latency_ms", unit: "ms", entityCode: "21299", asn: 21299, at: new Date("2022-01-05T14:00:00Z"), value: 100 },
    ]);
    expect(rejects.map((reject) => reject.kind === "reject" && [reject.position, reject.field, reject.raw])).toEqual([
      [6, "value", "abc,probe.reachability,2022-01-05T13:00:00Z,9198,"],
      [7, "timestamp", "0.4,probe.reachability,2022-01-05T13:00:00,9198,"],
      [8, "timestamp", "0.4,probe.reachability,2022-02-30 10:00:00,9198,"],
      [9, "signal", "0.4,,2022-01-05T13:00:00Z,9198,"],
      [10, "asn", "0.4,probe.reachability,2022-01-05T13:00:00Z,ASX,"],
      [11, "source", "0.4,probe.reachability,2022-01-05T13:00:00Z,9198,ripe"],
      [12, undefined, "0.4,probe.reachability,2022-01-05T13:00:00Z"],
      [13, "source", "0.4,probe.reachability,2022-01-05T13:00:00Z,9198,ooni"],
      [14, "signal", "1,bgp,2022-01-05T13:00:00Z,9198,ioda"],
      [15, "value", "1.5,probe.reachability,2022-01-05T13:00:00Z,9198,"],
      [17, "signal", '"3","probe\nlatency",2022-01-05T14:00:00Z,21299,'],
    ]);
    expect(rejects.every((reject) => reject.kind === "reject" && reject.reason.length > 0)).toBe(true);
    expect(rejects[1]).toMatchObject({ reason: expect.stringContaining("no time zone") });
    expect(rejects[6]).toMatchObject({ reason: "expected 5 cells, as in the header, found 3" });
    expect(rejects[7]).toMatchObject({ reason: expect.stringContaining("coalition's own measurements only") });
    expect(rejects[8]).toMatchObject({ reason: expect.stringContaining("is not one of the coalition's signals (probe.reachability, ") });
    expect(rejects[9]).toMatchObject({ reason: "probe.reachability must be from 0 to 1 (got 1.5)" });
  });

  it("never writes an OONI, IODA or Cloudflare series, whatever the source column says", async () => {
    const rows = ["ooni", "OONI", "ioda", "cloudflare", " Cloudflare ", "IODA"].map((source, index) => `2022-01-05T0${index}:00:00Z,9198,probe.reachability,0.5,${source}`);
    const items = await fromText(["timestamp,asn,signal,value,source", ...rows].join("\n"));
    expect(items).toHaveLength(6);
    expect(items.every((item) => item.kind === "reject" && item.field === "source")).toBe(true);
  });

  it("reads zone-less `YYYY-MM-DD HH:MM:SS` as UTC, and keeps milliseconds", async () => {
    const items = await fromText("timestamp,asn,signal,value\n2022-05-24 01:20:29,9198,probe.latency_ms,1\n2022-05-24T01:20:29.123456+06:00,9198,probe.latency_ms,2\n");
    expect(items.map((item) => item.kind === "point" && item.at.toISOString())).toEqual(["2022-05-24T01:20:29.000Z", "2022-05-23T19:20:29.123Z"]);
  });

  it("handles CRLF, a byte-order mark and an unclosed quote", async () => {
    const items = await fromText('\uFEFFtimestamp,asn,signal,value\r\n2022-01-05T00:00:00Z,9198,probe.blocked_sites,3\r\n2022-01-05T00:05:00Z,9198,"probe.blocked_sites,4\r\n');
    expect(items[0]).toMatchObject({ kind: "point", value: 3 });
    expect(items.slice(1)).toEqual([expect.objectContaining({ kind: "reject", position: 3, reason: "a quoted cell is never closed" })]);
  });

  it("rejects a line too long to be a row without holding it, and carries on with the right line numbers", async () => {
    const chunks = ["timestamp,asn,signal,value\n2022-01-05T00:00:00Z,9198,", "x".repeat(40_000), "x".repeat(40_000), "y,1\n2022-01-05T00:05:00Z,9198,probe.latency_ms,2\n"];
    const items = await collect(parseSeriesCsv(Readable.from(chunks)));
    expect(items[0]).toMatchObject({ kind: "reject", position: 2, reason: expect.stringContaining("longer than 64 KiB, the limit for one CSV row") });
    expect((items[0] as { raw: string }).raw).toHaveLength(65_536);
    expect(items[1]).toMatchObject({ kind: "point", value: 2, at: new Date("2022-01-05T00:05:00Z") });
    expect(items).toHaveLength(2);
  });

  it("skips a line of a gigabyte without holding it, and reads the rows after it", async () => {
    const input = endlessLineStream(1024 ** 3, { prefix: "timestamp,asn,signal,value\n2022-01-05T00:00:00Z,9198,", suffix: "\n2022-01-05T00:05:00Z,9198,probe.latency_ms,2\n" });
    const before = process.memoryUsage().rss;
    const items = await collect(parseSeriesCsv(input));
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ kind: "reject", position: 2, reason: expect.stringContaining("the limit for one CSV row") });
    expect(items[1]).toMatchObject({ kind: "point", value: 2 });
  }, 120_000);

  it("rejects a long signal in a row that arrives whole, quoting only the start of it", async () => {
    const items = await fromText(`timestamp,asn,signal,value\n2022-01-05T00:00:00Z,9198,${"x".repeat(300)},1\n`);
    expect(items).toEqual([expect.objectContaining({ kind: "reject", position: 2, field: "signal", reason: expect.stringContaining(`signal "${"x".repeat(100)}" is not one of`) })]);
  });

  it("refuses a header that lacks, repeats or adds columns, and an empty file", async () => {
    await expect(fromText("time,asn,signal,value\n")).rejects.toThrow(/lacks timestamp/);
    await expect(fromText("timestamp,asn,signal,value,unit\n")).rejects.toThrow(/unknown column\(s\) "unit"/);
    await expect(fromText("timestamp,asn,signal,value,asn\n")).rejects.toThrow(CsvHeaderError);
    await expect(fromText("")).rejects.toThrow(/empty/);
  });

  it("rejects values that are not finite numbers and ASNs out of range", async () => {
    const items = await fromText(
      "timestamp,asn,signal,value\n2022-01-05T00:00:00Z,9198,probe.latency_ms,Infinity\n2022-01-05T00:00:00Z,9198,probe.latency_ms,\n2022-01-05T00:00:00Z,4294967295,probe.latency_ms,1\n2022-01-05T00:00:00Z,0,probe.latency_ms,1\n",
    );
    expect(items.map((item) => item.kind === "reject" && item.field)).toEqual(["value", "value", "asn", "asn"]);
  });

  it("is read through the registry whether gzipped or not", async () => {
    const text = "timestamp,asn,signal,value\n2022-01-05T00:00:00Z,9198,probe.latency_ms,1\n";
    const plain = await collect(FEEDS.csv.parse(Readable.from([Buffer.from(text)])));
    const gzipped = await collect(FEEDS.csv.parse(Readable.from([gzipSync(Buffer.from(text))])));
    expect(gzipped).toEqual(plain);
    expect(plain).toHaveLength(1);
  });
});
