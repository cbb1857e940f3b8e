import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { IngestItem, OutageEventItem, RejectItem } from "../types";
import { JsonSyntaxError } from "../ioda/json-stream";
import { CloudflareApiError, CloudflareFormatError, cloudflareBodyItems, parseCloudflareStream } from "./index";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

async function parseFixture(name: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of parseCloudflareStream(createReadStream(fixture(name), { highWaterMark: 64 }))) items.push(item);
  return items;
}

async function parseText(text: string): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of parseCloudflareStream(Readable.from([text]))) items.push(item);
  return items;
}

const events = (items: IngestItem[]) => items.filter((item): item is OutageEventItem => item.kind === "event");
const rejects = (items: IngestItem[]) => items.filter((item): item is RejectItem => item.kind === "reject");

describe("parseCloudflareStream: annotations", () => {
  it("keys older annotations (no id) by start, ASNs and locations, and keeps an ongoing outage open", async () => {
    const items = await parseFixture("annotations-outages-older-shape.json");
    expect(rejects(items)).toEqual([]);
    const [nationwide, mobile] = events(items);
    expect(nationwide).toEqual({
      kind: "event",
      source: "CLOUDFLARE",
      key: "start=2022-01-05T10:30:00.000Z|asns=|locations=KZ",
      eventKind: "CLOUDFLARE_OUTAGE",
      entityType: "COUNTRY",
      entityCode: "KZ",
      asns: [],
      locations: ["KZ"],
      startsAt: new Date("2022-01-05T10:30:00Z"),
      endsAt: null,
      datasource: "ALL",
      description: undefined,
      linkedUrl: "https://example.org/kazakhstan-january-2022",
      details: {
        eventType: "OUTAGE",
        scope: "Nationwide",
        outageCause: "GOVERNMENT_DIRECTED",
        outageType: "NATIONWIDE",
        keyedBy: "natural key (no id)",
      },
    });
    expect(mobile).toMatchObject({
      key: "start=2022-01-04T18:00:00.000Z|asns=21299,29355|locations=KZ",
      asns: [21299, 29355],
      endsAt: new Date("2022-01-11T06:00:00Z"),
      description: "Mobile data cut in the capital during the protests",
    });
    // Two ASNs: no single entity.
    expect(mobile!.entityType).toBeUndefined();
    expect(mobile!.details).not.toHaveProperty("scope");
  });

  it("keys newer annotations by id, accepts `location` and merges the details lists", async () => {
    const items = await parseFixture("annotations-newer-shape.json");
    const [kaztelecom, general] = events(items);
    expect(kaztelecom).toMatchObject({
      key: "4721",
      eventKind: "CLOUDFLARE_OUTAGE",
      entityType: "ASN",
      entityCode: "9198",
      asns: [9198],
      locations: ["KZ"],
      startsAt: new Date("2022-01-05T16:00:00Z"),
      endsAt: new Date("2022-01-10T09:15:00Z"),
      details: { scope: "Almaty", asnsDetails: [{ asn: "9198", name: "KAZTELECOM-AS", locations: { code: "KZ", name: "Kazakhstan" } }] },
    });
    expect(kaztelecom!.details).not.toHaveProperty("keyedBy");
    expect(general).toMatchObject({ key: "4790", eventKind: "CLOUDFLARE_ANNOTATION", datasource: "BGP", locations: ["KG", "KZ"], linkedUrl: undefined });
    expect(general!.entityType).toBeUndefined();
    expect(rejects(items).map((reject) => [reject.position, reject.field, reject.reason])).toEqual([
      [2, "result.annotations[2].startDate", "startDate must be an ISO 8601 date-time"],
      [3, "result.annotations[3].asns", '"not-an-asn" in asns is not an AS number'],
    ]);
    expect(JSON.parse(rejects(items)[0]!.raw)).toMatchObject({ id: "4791", description: "No start given" });
  });

  it("fails on success: false, naming each error", async () => {
    await expect(parseFixture("annotations-success-false.json")).rejects.toThrow(CloudflareApiError);
    await expect(parseFixture("annotations-success-false.json")).rejects.toThrow(
      "Cloudflare Radar answered success: false: 10000: Authentication error; 9109: Invalid access token",
    );
    // The same when errors come first, and when none are given.
    await expect(parseText('{"errors":[{"code":1,"message":"bad"}],"success":false}')).rejects.toThrow("1: bad");
    await expect(parseText('{"success":false}')).rejects.toThrow("no errors were given");
    expect(() => [...cloudflareBodyItems({ success: false, errors: [{ code: 7, message: "x" }], result: null })]).toThrow("7: x");
  });

  it("fails on text that is not JSON and on JSON that is not a Radar body", async () => {
    await expect(parseText('{"success":true,"result":{"annotations":[{')).rejects.toThrow(JsonSyntaxError);
    await expect(parseText("[]")).rejects.toThrow(CloudflareFormatError);
    expect(() => [...cloudflareBodyItems({ success: true, errors: [], result: {} })]).toThrow(CloudflareFormatError);
  });

  it("parses the same way whole (a live pull's page) and streamed", async () => {
    const body = JSON.parse(readFileSync(fixture("annotations-newer-shape.json"), "utf8"));
    expect([...cloudflareBodyItems(body)]).toEqual(await parseFixture("annotations-newer-shape.json"));
  });
});

describe("parseCloudflareStream: traffic anomalies", () => {
  it("reads location and AS anomalies keyed by uuid, and rejects one without a uuid", async () => {
    const items = await parseFixture("traffic-anomalies.json");
    expect(events(items)).toEqual([
      {
        kind: "event",
        source: "CLOUDFLARE",
        key: "0e7b1c2a-5b7e-4d57-9a8c-2a1f3b4c5d6e",
        eventKind: "CLOUDFLARE_TRAFFIC_ANOMALY",
        entityType: "COUNTRY",
        entityCode: "KZ",
        asns: [],
        locations: ["KZ"],
        startsAt: new Date("2022-01-05T11:00:00Z"),
        endsAt: new Date("2022-01-10T08:00:00Z"),
        level: "VERIFIED",
        details: { type: "LOCATION", status: "VERIFIED", locationName: "Kazakhstan", visibleInDataSources: ["HTTP", "BGP"] },
      },
      expect.objectContaining({
        key: "6f1d2e3c-4b5a-4968-8776-655443322110",
        entityType: "ASN",
        entityCode: "9198",
        asns: [9198],
        locations: ["KZ"],
        endsAt: null,
        level: "UNVERIFIED",
      }),
    ]);
    expect(rejects(items).map((reject) => [reject.position, reject.field, reject.reason])).toEqual([
      [2, "result.trafficAnomalies[2].uuid", "a traffic anomaly must have a uuid"],
    ]);
  });
});
