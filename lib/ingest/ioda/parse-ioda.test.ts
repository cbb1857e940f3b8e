import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { IngestItem, OutageEventItem, RejectItem, SeriesPointItem } from "../types";
import { IodaApiError, IodaFormatError, NESTED_BUCKET_REASON, iodaEnvelopeItems, parseIodaStream } from "./index";
import { JsonSyntaxError } from "./json-stream";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

/** Reads a fixture in 64-byte chunks, so values straddle chunk boundaries. */
async function parseFixture(name: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of parseIodaStream(createReadStream(fixture(name), { highWaterMark: 64 }))) items.push(item);
  return items;
}

async function parseText(text: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of parseIodaStream(Readable.from([text]))) items.push(item);
  return items;
}

const points = (items: IngestItem[]) => items.filter((item): item is SeriesPointItem => item.kind === "point");
const rejects = (items: IngestItem[]) => items.filter((item): item is RejectItem => item.kind === "reject");
const events = (items: IngestItem[]) => items.filter((item): item is OutageEventItem => item.kind === "event");
const FROM = 1641340800; // 2022-01-05T00:00:00Z

describe("parseIodaStream: signals/raw with scalar values", () => {
  it("places bucket i at from + step * i, skips null gaps and keeps zeros", async () => {
    const items = await parseFixture("signals-raw-asn9198-scalar.json");
    const bgp = points(items).filter((point) => point.signal === "bgp");
    expect(bgp.map((point) => [point.at.toISOString(), point.value])).toEqual([
      ["2022-01-05T00:00:00.000Z", 1510],
      ["2022-01-05T00:05:00.000Z", 1512],
      ["2022-01-05T00:15:00.000Z", 0],
      ["2022-01-05T00:25:00.000Z", 1498.5],
    ]);
    expect(bgp[0]).toEqual({
      kind: "point",
      source: "IODA",
      signal: "bgp",
      entityType: "ASN",
      entityCode: "9198",
      asn: 9198,
      at: new Date(FROM * 1000),
      value: 1510,
      stepSeconds: 300,
    });
    const ping = points(items).filter((point) => point.signal === "ping-slash24");
    expect(ping.map((point) => [point.at.getTime() / 1000 - FROM, point.value, point.stepSeconds])).toEqual([[600, 22210, 600]]);
  });

  it("rejects a bucket that is neither a number nor null, with its path and position", async () => {
    const items = await parseFixture("signals-raw-asn9198-scalar.json");
    expect(rejects(items)).toEqual([
      { kind: "reject", position: 2, field: "data[0][1].values[2]", reason: 'a bucket must be a number or null, not "n/a"', raw: '"n/a"' },
    ]);
    // 6 + 3 buckets: 5 points, 3 gaps, 1 reject: every bucket is accounted for.
    expect(points(items)).toHaveLength(5);
  });

  it("maps country, region and ASN entities and rejects untracked entity types and bad headers", async () => {
    const items = await parseFixture("signals-raw-mixed-entities.json");
    const gtr = points(items).filter((point) => point.signal === "gtr");
    expect(gtr.map((point) => [point.entityType, point.entityCode, point.asn, point.at.toISOString(), point.value])).toEqual([
      ["COUNTRY", "KZ", undefined, "2022-01-05T00:00:00.000Z", 88.25],
      ["COUNTRY", "KZ", undefined, "2022-01-05T01:00:00.000Z", 3.5],
      ["COUNTRY", "KZ", undefined, "2022-01-05T01:30:00.000Z", 4],
    ]);
    expect(points(items).filter((point) => point.signal === "merit-nt").map((point) => point.value)).toEqual([301, 12]);
    const region = points(items).filter((point) => point.entityType === "REGION");
    expect(region).toEqual([
      { kind: "point", source: "IODA", signal: "ucsd-nt", entityType: "REGION", entityCode: "1480", asn: undefined, at: new Date((FROM + 3600) * 1000), value: 57, stepSeconds: 3600 },
    ]);
    const problems = rejects(items);
    expect(problems.map((reject) => [reject.position, reject.field, reject.reason])).toEqual([
      [0, "data[2][0].entityType", 'entity type "continent" is not tracked (only asn, region and country are)'],
      [1, "data[2][1].step", "`step` must be a positive whole number of seconds"],
      [3, "data[3]", expect.stringContaining("not an IODA series, event or alert")],
    ]);
    // A rejected series keeps its header verbatim, not its (possibly long) values.
    expect(JSON.parse(problems[0]!.raw)).toMatchObject({ entityType: "continent", entityCode: "AS" });
    expect(JSON.parse(problems[0]!.raw)).not.toHaveProperty("values");
    expect(problems[2]!.raw).toBe('"not a series"');
  });
});

describe("parseIodaStream: nested per-bucket values", () => {
  it("rejects every nested bucket with the documented reason and treats null as a gap", async () => {
    const items = await parseFixture("signals-raw-nested-buckets.json");
    expect(points(items)).toEqual([]);
    const problems = rejects(items);
    expect(problems.map((reject) => [reject.position, reject.field])).toEqual([
      [0, "data[0][0].values[0]"],
      [2, "data[0][0].values[2]"],
    ]);
    for (const reject of problems) {
      expect(reject.reason).toContain(NESTED_BUCKET_REASON);
      expect(reject.reason).toContain("upstream-delay-penult-asns");
    }
    expect(problems[1]!.reason).toContain("2022-01-05T02:00:00.000Z");
    expect(JSON.parse(problems[1]!.raw)).toEqual([
      { penultimate_as: "20485", target_as: "9198", agg_values: { penultimate_as_count: 4 } },
      { penultimate_as: "12389", target_as: "9198", agg_values: { penultimate_as_count: 17 } },
    ]);
  });
});

describe("parseIodaStream: envelope errors", () => {
  it("fails on a non-null error even though the response was a success", async () => {
    await expect(parseFixture("signals-raw-error-on-200.json")).rejects.toThrow(IodaApiError);
    await expect(parseFixture("signals-raw-error-on-200.json")).rejects.toThrow(
      "IODA answered with an error: Datasource no-such-source is not known",
    );
    expect(() => [...iodaEnvelopeItems({ type: "signals", error: { message: "too many points" }, data: null })]).toThrow(
      "IODA answered with an error: too many points",
    );
  });

  it("fails on text that is not JSON and on JSON that is not an envelope", async () => {
    await expect(parseText('{"type":"signals","error":null,"data":[[{"entityType":')).rejects.toThrow(JsonSyntaxError);
    await expect(parseText('{"hello": "world"}')).rejects.toThrow(IodaFormatError);
    await expect(parseText("")).rejects.toThrow(IodaFormatError);
  });

  it("reads several envelopes given as JSON Lines", async () => {
    const one = JSON.stringify({ type: "signals", error: null, data: [[{ entityType: "asn", entityCode: "9198", datasource: "bgp", from: FROM, until: FROM + 600, step: 300, values: [1, 2] }]] });
    const two = JSON.stringify({ type: "signals", error: null, data: [[{ entityType: "country", entityCode: "KZ", datasource: "bgp", from: FROM, until: FROM + 300, step: 300, values: [7] }]] });
    const items = await parseText(`${one}\n${two}\n`);
    expect(points(items).map((point) => [point.entityCode, point.value])).toEqual([
      ["9198", 1],
      ["9198", 2],
      ["KZ", 7],
    ]);
  });

  it("parses the same way whole (a live pull's response) and streamed", async () => {
    const envelope = JSON.parse(readFileSync(fixture("signals-raw-mixed-entities.json"), "utf8"));
    expect([...iodaEnvelopeItems(envelope)]).toEqual(await parseFixture("signals-raw-mixed-entities.json"));
  });
});

describe("parseIodaStream: outages/events and outages/alerts", () => {
  it("reads codf events with location strings, open ends and natural keys", async () => {
    const items = await parseFixture("outages-events-codf.json");
    const [asnEvent, countryEvent, regionEvent] = events(items);
    expect(asnEvent).toEqual({
      kind: "event",
      source: "IODA",
      key: "event|ping-slash24|asn/9198|1641400200",
      eventKind: "IODA_EVENT",
      entityType: "ASN",
      entityCode: "9198",
      asns: [9198],
      locations: [],
      datasource: "ping-slash24",
      score: 918273.5,
      startsAt: new Date("2022-01-05T16:30:00Z"),
      endsAt: new Date("2022-01-10T14:30:00Z"),
      details: {
        format: "codf",
        entityName: "AS9198 (KAZTELECOM-AS)",
        method: "ping-slash24",
        uncertainty: 600,
        status: 0,
        fraction: 0.83,
        overlapsWindow: false,
      },
    });
    expect(countryEvent).toMatchObject({ key: "event|bgp|country/KZ|1641401000", entityType: "COUNTRY", entityCode: "KZ", asns: [], locations: ["KZ"], endsAt: null });
    expect(regionEvent).toMatchObject({ key: "event|ucsd-nt|region/1480|1641402000", entityType: "REGION", entityCode: "1480", locations: ["1480"] });
    expect(rejects(items).map((reject) => [reject.position, reject.field, reject.reason])).toEqual([
      [3, "data[3].location", '"nowhere" is not an entity reference like "asn/9198" or "country/KZ"'],
      [4, "data[4].start", "`start` must be epoch seconds"],
    ]);
    expect(JSON.parse(rejects(items)[0]!.raw)).toMatchObject({ location: "nowhere" });
  });

  it("reads format=ioda events with entity objects, under the same keys as codf", async () => {
    const codf = events(await parseFixture("outages-events-codf.json"));
    const items = await parseFixture("outages-events-ioda-format.json");
    const [asnEvent, countryEvent] = events(items);
    expect(asnEvent).toMatchObject({
      key: codf[0]!.key,
      eventKind: "IODA_EVENT",
      entityType: "ASN",
      asns: [9198],
      startsAt: new Date("2022-01-05T16:30:00Z"),
      endsAt: new Date(1641825000 * 1000),
      details: { format: "ioda", entityName: "AS9198 (KAZTELECOM-AS)", method: "ping-slash24" },
    });
    expect(countryEvent).toMatchObject({ key: codf[1]!.key, endsAt: null, locations: ["KZ"] });
    expect(rejects(items).map((reject) => [reject.position, reject.field, reject.reason])).toEqual([[2, "data[2].until", "the event ends before it starts"]]);
  });

  it("reads alerts as instants keyed by datasource, entity and time", async () => {
    const items = await parseFixture("outages-alerts.json");
    expect(events(items)).toEqual([
      {
        kind: "event",
        source: "IODA",
        key: "alert|bgp|asn/29355|1641400500",
        eventKind: "IODA_ALERT",
        entityType: "ASN",
        entityCode: "29355",
        asns: [29355],
        locations: [],
        datasource: "bgp",
        score: undefined,
        startsAt: new Date(1641400500 * 1000),
        endsAt: new Date(1641400500 * 1000),
        level: "critical",
        description: "< 0.99 * history",
        details: { entityName: "AS29355 (KCELL-AS)", condition: "< 0.99 * history", value: 120, historyValue: 390, method: "median" },
      },
      expect.objectContaining({ key: "alert|ping-slash24|region/1480|1641401100", entityType: "REGION", level: "normal" }),
    ]);
    expect(rejects(items).map((reject) => [reject.position, reject.field, reject.reason])).toEqual([[2, "data[2].time", "`time` must be epoch seconds"]]);
  });
});
