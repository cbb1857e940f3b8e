import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { IngestItem, OoniMeasurementItem, RejectItem, SeriesPointItem } from "../types";
import { OoniShapeError } from "./document";
import { MAX_DOCUMENT_CHARS, OoniInputError, parseOoniStream } from "./parse-stream";
import { collect } from "../testing/feed-test-server";
import { endlessLineStream } from "../testing/hostile-inputs";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);
const fixtureText = (name: string) => readFileSync(fixture(name), "utf8");

const parseFile = (name: string, context?: Parameters<typeof parseOoniStream>[1]) =>
  collect(parseOoniStream(createReadStream(fixture(name)), context));
const parseText = (text: string | Buffer) => collect(parseOoniStream(Readable.from([Buffer.from(text)])));

const measurements = (items: IngestItem[]) => items.filter((item): item is OoniMeasurementItem => item.kind === "ooni");
const rejects = (items: IngestItem[]) => items.filter((item): item is RejectItem => item.kind === "reject");
const points = (items: IngestItem[]) => items.filter((item): item is SeriesPointItem => item.kind === "point");

describe("parseOoniStream: /api/v1/measurements pages", () => {
  it("maps every result, with rejects naming the field and the index in results", async () => {
    const items = await parseFile("measurements-list-kz.json");
    expect(items).toHaveLength(6);
    const [dns, confirmed, telegram] = measurements(items);
    expect(dns).toEqual({
      kind: "ooni",
      uid: "20220105061533.120934_KZ_webconnectivity_3f1c2b7a9d0e4c11",
      reportId: "20220105T061512Z_webconnectivity_KZ_9198_n1_qT4vLm8ZsR2xWb7N",
      testName: "web_connectivity",
      input: "https://www.bbc.com/news",
      probeAsn: 9198,
      probeCc: "KZ",
      startedAt: new Date("2022-01-05T06:15:33.000Z"),
      anomaly: true,
      confirmed: false,
      failure: false,
      blockingType: "dns",
    });
    expect(confirmed).toMatchObject({ probeAsn: 21299, anomaly: true, confirmed: true, blockingType: null });
    expect(telegram).toMatchObject({ testName: "telegram", input: null, failure: true, anomaly: false });
    expect(rejects(items).map(({ position, field }) => ({ position, field }))).toEqual([
      { position: 3, field: "probe_asn" },
      { position: 4, field: "anomaly" },
      { position: 5, field: "measurement_uid" },
    ]);
    const [badAsn] = rejects(items);
    expect(badAsn?.reason).toMatch(/^results\[3\]: probe_asn/);
    expect(JSON.parse(badAsn?.raw ?? "")).toMatchObject({ probe_asn: "ASnine" });
  });

  it("reads a page saved on one line (as the API serves it) the same way", async () => {
    const oneLine = JSON.stringify(JSON.parse(fixtureText("measurements-list-kz.json")));
    expect(await parseText(oneLine)).toEqual(await parseFile("measurements-list-kz.json"));
  });

  it("reads an empty page as nothing", async () => {
    expect(await parseText('{"metadata":{"count":-1,"pages":-1,"next_url":null},"results":[]}')).toEqual([]);
  });
});

describe("parseOoniStream: /api/v1/aggregation", () => {
  it("turns rows grouped by day and ASN into daily points per *_count field", async () => {
    const items = await parseFile("aggregation-by-day-and-asn.json");
    expect(points(items)).toHaveLength(15);
    const firstDay = points(items).filter((point) => point.at.toISOString() === "2022-01-04T00:00:00.000Z");
    expect(firstDay.map((point) => [point.signal, point.value])).toEqual([
      ["all.anomaly_count", 412],
      ["all.confirmed_count", 3],
      ["all.failure_count", 57],
      ["all.ok_count", 2950],
      ["all.measurement_count", 3419],
    ]);
    expect(firstDay[0]).toEqual({
      kind: "point",
      source: "OONI",
      signal: "all.anomaly_count",
      entityType: "ASN",
      entityCode: "9198",
      asn: 9198,
      at: new Date("2022-01-04T00:00:00Z"),
      stepSeconds: 86_400,
      value: 412,
    });
    expect(rejects(items).map(({ position, field }) => ({ position, field }))).toEqual([
      { position: 3, field: "probe_asn" },
      { position: 4, field: "anomaly_count" },
    ]);
  });

  it("places day-only rows with the file's context, and rejects them without it", async () => {
    const withoutContext = await parseFile("aggregation-daily.json");
    expect(points(withoutContext)).toEqual([]);
    expect(rejects(withoutContext).map((reject) => [reject.position, reject.field])).toEqual([
      [0, "probe_asn"],
      [1, "probe_asn"],
      [2, "measurement_start_day"],
    ]);
    expect(rejects(withoutContext)[0]?.reason).toContain("cannot be placed");

    const withContext = await parseFile("aggregation-daily.json", { testName: "web_connectivity", probeCc: "kz" });
    expect(points(withContext)).toHaveLength(10);
    expect(points(withContext)[4]).toMatchObject({
      signal: "web_connectivity.measurement_count",
      entityType: "COUNTRY",
      entityCode: "KZ",
      value: 4737,
    });
    expect(rejects(withContext).map((reject) => reject.position)).toEqual([2]);
  });

  it("rejects rows grouped by ASN alone: a total has no time", async () => {
    const items = await parseFile("aggregation-by-asn-only.json");
    expect(points(items)).toEqual([]);
    expect(rejects(items).map((reject) => [reject.position, reject.field])).toEqual([
      [0, "measurement_start_day"],
      [1, "measurement_start_day"],
    ]);
    expect(rejects(items)[0]?.reason).toContain("axis_x=measurement_start_day");
  });

  it("reads the result saved without its envelope: an array of rows, pretty-printed or not, or one row per line", async () => {
    const envelope = JSON.parse(fixtureText("aggregation-by-day-and-asn.json")) as { result: unknown[] };
    const withEnvelope = await parseFile("aggregation-by-day-and-asn.json");
    const summary = (items: IngestItem[]) => items.map((item) => (item.kind === "point" ? [item.signal, item.entityCode, item.at.toISOString(), item.value] : [item.kind]));
    for (const text of [JSON.stringify(envelope.result), JSON.stringify(envelope.result, null, 2)]) {
      const items = await parseText(text);
      expect(summary(items)).toEqual(summary(withEnvelope));
      expect(measurements(items)).toEqual([]);
    }
    const jsonLines = envelope.result.map((row) => JSON.stringify(row)).join("\n");
    const perLine = await parseText(jsonLines);
    expect(points(perLine).map((point) => [point.signal, point.value])).toEqual(points(withEnvelope).map((point) => [point.signal, point.value]));
    // JSON Lines positions are line numbers: rows 3 and 4 are lines 4 and 5.
    expect(rejects(perLine).map((reject) => [reject.position, reject.field])).toEqual([
      [4, "probe_asn"],
      [5, "anomaly_count"],
    ]);
    expect(measurements(perLine)).toEqual([]);
  });

  it("never takes aggregation rows for measurements, nor measurements for rows", async () => {
    const row = { measurement_start_day: "2022-01-05", probe_asn: 9198, anomaly_count: 1, measurement_count: 4 };
    const [raw] = fixtureText("raw-measurements-kz.jsonl").split("\n");
    const rowItems = await parseText(JSON.stringify([row]));
    expect(rowItems.map((item) => item.kind)).toEqual(["point", "point"]);
    const rawItems = await parseText(`[${raw}]`);
    expect(rawItems.map((item) => item.kind)).toEqual(["ooni"]);
  });

  it("keeps a row's own test_name axis and probe_cc axis", async () => {
    const items = await parseText(
      '{"result":[{"measurement_start_day":"2022-01-05","probe_cc":"KZ","test_name":"signal","anomaly_count":2,"measurement_count":9}]}',
    );
    expect(points(items).map((point) => [point.signal, point.entityType, point.entityCode, point.asn])).toEqual([
      ["signal.anomaly_count", "COUNTRY", "KZ", undefined],
      ["signal.measurement_count", "COUNTRY", "KZ", undefined],
    ]);
  });
});

describe("parseOoniStream: /api/v1/measurement_meta", () => {
  it("reads the integer ASN, the empty input, and the JSON text in scores and raw_measurement", async () => {
    const [item, ...rest] = await parseFile("measurement-meta-telegram-found.json");
    expect(rest).toEqual([]);
    expect(item).toEqual({
      kind: "ooni",
      uid: "20220105084130.771200_KZ_telegram_5e6f7a8b9c0d1e2f",
      reportId: "20220105T084052Z_telegram_KZ_9198_n1_Rr5Tt6Yy7Uu8Ii9O",
      testName: "telegram",
      input: null,
      probeAsn: 9198,
      probeCc: "KZ",
      startedAt: new Date("2022-01-05T08:41:17Z"),
      anomaly: true,
      confirmed: false,
      failure: false,
      // No analysis in the scores: the blocked components of the embedded raw measurement say TCP.
      blockingType: "tcp_ip",
    });
  });

  it("takes the blocking type from the scores text, and unescapes \\/ in the input", async () => {
    const [item] = await parseFile("measurement-meta-web-connectivity-summary.json");
    expect(item).toMatchObject({ input: "https://www.rferl.org/", probeAsn: 21299, anomaly: true, blockingType: "tcp_ip" });
  });

  it("turns the HTTP 200 'not found' answer into a reject that says so", async () => {
    const items = await parseFile("measurement-meta-not-found.json");
    expect(items).toEqual([
      {
        kind: "reject",
        position: 1,
        field: "raw_measurement",
        reason: expect.stringContaining("no such measurement"),
        raw: '{"raw_measurement":""}',
      },
    ]);
  });

  it("rejects a meta response whose raw_measurement text is not JSON", async () => {
    const broken = JSON.parse(fixtureText("measurement-meta-telegram-found.json")) as Record<string, unknown>;
    broken.raw_measurement = '{"test_keys": {';
    const [item] = await parseText(JSON.stringify(broken));
    expect(item).toMatchObject({ kind: "reject", field: "raw_measurement" });
  });
});

describe("parseOoniStream: raw measurements", () => {
  it("reads one raw measurement: zone-less UTC time, \\/ escapes, a key built from report id and input", async () => {
    const items = await parseFile("raw-web-connectivity-kz.json");
    expect(items).toEqual([
      {
        kind: "ooni",
        uid: "report:20220105T055958Z_webconnectivity_KZ_9198_n1_TcpB10ckKz0000001:input:https://www.azattyq.org/",
        reportId: "20220105T055958Z_webconnectivity_KZ_9198_n1_TcpB10ckKz0000001",
        testName: "web_connectivity",
        input: "https://www.azattyq.org/",
        probeAsn: 9198,
        probeCc: "KZ",
        startedAt: new Date("2022-01-05T05:59:58Z"),
        anomaly: true,
        confirmed: false,
        failure: false,
        blockingType: "tcp_ip",
      },
    ]);
  });

  const summarise = (items: IngestItem[]) =>
    items.map((item) =>
      item.kind === "ooni"
        ? [item.testName, item.anomaly, item.failure, item.blockingType]
        : item.kind === "reject"
          ? ["reject", item.position, item.field ?? null]
          : [item.kind],
    );

  const expectedJsonLines = [
    ["web_connectivity", true, false, "dns"],
    ["web_connectivity", false, false, null],
    ["web_connectivity", false, true, null],
    ["telegram", false, false, null],
    ["telegram", true, false, "http-failure"],
    ["whatsapp", true, false, "tcp_ip"],
    ["whatsapp", true, false, "http-failure"],
    ["signal", true, true, null],
    ["signal", false, false, null],
    ["facebook_messenger", true, false, "dns"],
    ["facebook_messenger", false, false, null],
    ["reject", 13, null],
    ["reject", 14, "probe_cc"],
    ["reject", 15, "test_name"],
    ["reject", 16, "probe_asn"],
    ["facebook_messenger", true, false, "tcp_ip"],
  ];

  it("reads JSON Lines line by line: each test's verdict, and rejects at their line numbers", async () => {
    const items = await parseFile("raw-measurements-kz.jsonl");
    expect(summarise(items)).toEqual(expectedJsonLines);
    const [withUid, escaped, , withoutInput] = measurements(items);
    expect(withUid?.uid).toBe("20220105062010.101010_KZ_webconnectivity_d0d0d0d0d0d0d0d0");
    expect(withUid?.input).toBe("https://www.bbc.com/russian");
    expect(escaped?.input).toBe("https://www.gov.kz/");
    expect(escaped?.startedAt).toEqual(new Date("2022-01-05T06:21:15Z"));
    expect(withoutInput?.input).toBeNull();
    const truncated = rejects(items)[0];
    expect(truncated?.reason).toMatch(/^line 13 is not valid JSON/);
    expect(truncated?.raw).toBe(fixtureText("raw-measurements-kz.jsonl").split("\n")[12]);
    expect(rejects(items)[2]?.reason).toContain("raw ndt measurements are not interpreted");
  });

  it("reads gzip JSON Lines the same, whatever the chunk boundaries", async () => {
    const gzipped = gzipSync(readFileSync(fixture("raw-measurements-kz.jsonl")));
    expect(summarise(await parseText(gzipped))).toEqual(expectedJsonLines);
    const oneByteChunks = Array.from(gzipped, (byte) => Buffer.from([byte]));
    expect(summarise(await collect(parseOoniStream(Readable.from(oneByteChunks))))).toEqual(expectedJsonLines);
  });

  it("tolerates a byte-order mark and CRLF line endings", async () => {
    const crlf = `\uFEFF${fixtureText("raw-measurements-kz.jsonl").replace(/\n/g, "\r\n")}`;
    expect(summarise(await parseText(crlf))).toEqual(expectedJsonLines);
  });

  it("throws on damaged gzip data", async () => {
    const gzipped = gzipSync(readFileSync(fixture("raw-measurements-kz.jsonl")));
    await expect(parseText(gzipped.subarray(0, 200))).rejects.toThrow(OoniInputError);
  });

  it("reads a pretty-printed array of raw measurements, numbering elements by index", async () => {
    const [first, second] = fixtureText("raw-measurements-kz.jsonl").split("\n");
    const array = JSON.stringify([JSON.parse(first ?? ""), { report_id: "x" }, JSON.parse(second ?? "")], null, 2);
    const items = await parseText(array);
    expect(summarise(items)).toEqual([
      ["web_connectivity", true, false, "dns"],
      ["reject", 1, "test_name"],
      ["web_connectivity", false, false, null],
    ]);
  });

  it("streams JSON Lines: the first item arrives long before the input is read", async () => {
    const template = fixtureText("raw-measurements-kz.jsonl").split("\n")[1] ?? "";
    const total = 50_000;
    let produced = 0;
    async function* lines() {
      for (; produced < total; ) {
        produced += 1;
        yield `${template}\n`;
      }
    }
    let producedAtFirstItem = -1;
    let count = 0;
    for await (const item of parseOoniStream(Readable.from(lines()))) {
      if (count === 0) producedAtFirstItem = produced;
      if (item.kind === "ooni") count += 1;
    }
    expect(count).toBe(total);
    expect(producedAtFirstItem).toBeLessThan(1_000);
  });

  it("closes the input when the consumer stops early", async () => {
    const input = createReadStream(fixture("raw-measurements-kz.jsonl"), { highWaterMark: 256 });
    for await (const item of parseOoniStream(input)) {
      expect(item.kind).toBe("ooni");
      break;
    }
    expect(input.destroyed).toBe(true);
  });

  it("rejects input that is neither a JSON document nor JSON Lines, once, verbatim", async () => {
    const text = "{\n  \"results\": [\n    {\"broken\": \n";
    expect(await parseText(text)).toEqual([
      { kind: "reject", position: 1, reason: expect.stringContaining("not valid JSON"), raw: text.replace(/\n$/, "") },
    ]);
  });

  it("fails a file of no OONI shape with one line naming what was expected", async () => {
    const iodaEnvelope = JSON.stringify({ type: "signals", metadata: {}, requestParameters: {}, error: null, perf: {}, data: [] });
    for (const [text, found] of [
      ["42", "found a number"],
      [iodaEnvelope, "found an object with type, metadata, requestParameters, error, perf, data"],
      ['[{"startDate": "2022-01-05", "asns": [9198]}]', "found an array whose first element is an object with startDate, asns"],
      ['{"name": "a"}\n{"name": "b"}\n', "found an object with name"],
    ]) {
      const failure = parseText(text!);
      await expect(failure).rejects.toBeInstanceOf(OoniShapeError);
      await expect(failure).rejects.toThrow(/^Not an OONI file: expected an OONI \/api\/v1\/measurements page .*; found /);
      await expect(failure).rejects.toThrow(found!);
      await expect(failure).rejects.not.toThrow(/\n/);
    }
  });

  it("rejects a later JSON Lines record of no OONI shape, once the file is recognised", async () => {
    const [first, second] = fixtureText("raw-measurements-kz.jsonl").split("\n");
    const items = await parseText(`${first}\n{"name":"stray"}\n${second}\n`);
    expect(items.map((item) => item.kind)).toEqual(["ooni", "reject", "ooni"]);
    expect(rejects(items)[0]).toMatchObject({ position: 2, reason: expect.stringContaining("not an OONI record") });
  });

  it("skips a JSON Lines line over the record limit without holding it, and reads on", async () => {
    const [first, second] = fixtureText("raw-measurements-kz.jsonl").split("\n");
    const input = endlessLineStream(MAX_DOCUMENT_CHARS * 3, { prefix: `${first}\n{"report_id":"`, suffix: `"}\n${second}\n` });
    const items = await collect(parseOoniStream(input));
    expect(items.map((item) => item.kind)).toEqual(["ooni", "reject", "ooni"]);
    expect(rejects(items)[0]).toMatchObject({ position: 2, reason: "line 2 is longer than 16 MiB, the limit for one JSON record; it was skipped" });
    expect(rejects(items)[0]!.raw.length).toBeLessThan(2_000);
  }, 60_000);

  it("refuses a single document over the record limit, naming the limit", async () => {
    const input = endlessLineStream(MAX_DOCUMENT_CHARS + 1024, { prefix: '{"results":[{"input":"', suffix: '"}]}' });
    await expect(collect(parseOoniStream(input))).rejects.toThrow(/larger than 16 MiB, the limit for one JSON record/);
  }, 60_000);

  it("yields nothing for an empty input", async () => {
    expect(await parseText("")).toEqual([]);
    expect(await parseText("\n\n")).toEqual([]);
  });
});
