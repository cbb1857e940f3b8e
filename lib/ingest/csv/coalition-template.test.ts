import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { collect } from "@/lib/ingest/testing/feed-test-server";
import { COALITION_SIGNALS } from "./coalition-signals";
import { parseSeriesCsv } from "./parse-series-csv";
import en from "@/messages/staff/en.json";

/**
 * The template the Feeds page links (public/templates/coalition-measurements.csv)
 * is a file the importer reads without a reject, showing every signal it
 * accepts, on a documentation ASN (RFC 5398) and a date no chart shows, so an
 * unchanged upload forges nothing.
 */
const TEMPLATE = readFileSync(path.join(import.meta.dirname, "../../../public/templates/coalition-measurements.csv"), "utf8");

describe("the coalition CSV template", () => {
  it("is read without a reject, one row per accepted signal", async () => {
    const items = await collect(parseSeriesCsv(Readable.from([Buffer.from(TEMPLATE)])));
    expect(items.every((item) => item.kind === "point")).toBe(true);
    expect(items.map((item) => item.kind === "point" && item.signal)).toEqual(COALITION_SIGNALS.map((signal) => signal.name));
    expect(items.every((item) => item.kind === "point" && item.source === "COALITION" && item.asn! >= 64_496 && item.asn! <= 64_511)).toBe(true);
  });

  it("has a description of every signal on the Feeds page", () => {
    const descriptions = en.Feeds.csvHelp.signals as Record<string, string>;
    expect(Object.keys(descriptions).sort()).toEqual(COALITION_SIGNALS.map((signal) => signal.id).sort());
    // Every unit has its words too (coalition-csv-help.tsx names them).
    expect(new Set(COALITION_SIGNALS.map((signal) => signal.unit))).toEqual(new Set(["share", "ms", "Mbit/s", "count"]));
  });
});
