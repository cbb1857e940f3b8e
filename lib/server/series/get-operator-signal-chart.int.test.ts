import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_POINTS, type OperatorSignalChart } from "@/lib/charts/signal-chart";
import { getDb } from "@/lib/db/client";
import { closeChartCache } from "@/lib/server/cache/chart-cache";
import { loadOperatorSignalChart } from "@/lib/server/series/get-operator-signal-chart";
import { downsampleQuery, downsampleSeries } from "@/lib/server/series/downsample-series";
import { Prisma } from "@/lib/generated/prisma/client";
import { runAsDatabaseOwner } from "@/lib/testing/test-database";
import { seedReferenceData } from "@/prisma/seed";

/*
 * Kazakhtelecom (AS9198, AS50482) through 2022, at IODA's 5-minute step:
 *   bgp           AS9198 = 100, AS50482 = 10; both silent 1 March 00:00–06:00
 *                 (a gap), AS50482 alone silent 2 March 00:00–06:00
 *   ping-slash24  AS9198 only, rising 0, 1, 2, … (one per step)
 *   merit-nt      AS9198 = 0 everywhere (cannot be normalised)
 *   OONI          web_connectivity AS9198 = 0.2, signal AS50482 = 0.4, hourly
 * Kcell (AS29355): bgp = 5000, which must never leak into Kazakhtelecom.
 */
const YEAR = { from: new Date("2022-01-01T00:00:00Z"), to: new Date("2023-01-01T00:00:00Z") };
const GAP = { from: new Date("2022-03-01T00:00:00Z"), to: new Date("2022-03-01T06:00:00Z") };
const HALF_GAP = { from: new Date("2022-03-02T00:00:00Z"), to: new Date("2022-03-02T06:00:00Z") };

async function addSeries(source: "IODA" | "OONI", signal: string, asn: number, stepSeconds: number, valueSql: string, skip: { from: Date; to: Date }[] = []) {
  const series = await getDb().series.create({
    data: { source, signal, entityType: "ASN", entityCode: String(asn), asn, stepSeconds, unit: source === "OONI" ? "ratio" : "count" },
  });
  await getDb().$executeRawUnsafe(
    `INSERT INTO series_points (series_id, at, value)
     SELECT $1, at, ${valueSql}
     FROM generate_series($2::timestamptz, $3::timestamptz - interval '1 second', $4 * interval '1 second') WITH ORDINALITY AS g(at, n)
     WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements($5::jsonb) s WHERE g.at >= (s->>'from')::timestamptz AND g.at < (s->>'to')::timestamptz)`,
    series.id,
    YEAR.from,
    YEAR.to,
    stepSeconds,
    JSON.stringify(skip),
  );
  return series.id;
}

const chart = (overrides: Partial<Parameters<typeof loadOperatorSignalChart>[0]> = {}) =>
  loadOperatorSignalChart({ operatorSlug: "kazakhtelecom", ...YEAR, ...overrides });

const lineOf = (result: OperatorSignalChart, signal: string, asn: number | null = null) => {
  const line = result.lines.find((candidate) => candidate.signal === signal && candidate.asn === asn);
  if (!line) throw new Error(`no line ${signal} ${asn}`);
  return line;
};

const valuesAt = (result: OperatorSignalChart, signal: string, from: Date, to: Date, asn: number | null = null) =>
  lineOf(result, signal, asn).points.filter((point) => new Date(point.at) >= from && new Date(point.at) < to).map((point) => point.value);

describe("getOperatorSignalChart (uncached: loadOperatorSignalChart)", () => {
  let bgp9198 = 0;

  beforeAll(async () => {
    await seedReferenceData(getDb());
    bgp9198 = await addSeries("IODA", "bgp", 9198, 300, "100", [GAP]);
    await addSeries("IODA", "bgp", 50482, 300, "10", [GAP, HALF_GAP]);
    await addSeries("IODA", "ping-slash24", 9198, 300, "n - 1");
    await addSeries("IODA", "merit-nt", 9198, 300, "0");
    await addSeries("OONI", "web_connectivity.anomaly_rate", 9198, 3600, "0.2");
    await addSeries("OONI", "signal.anomaly_rate", 50482, 3600, "0.4");
    await addSeries("IODA", "bgp", 29355, 300, "5000");
    await getDb().outageEvent.createMany({
      data: [
        { source: "CLOUDFLARE", key: "cf-kt", kind: "CLOUDFLARE_OUTAGE", asns: [9198], locations: ["KZ"], startsAt: new Date("2022-01-05T11:00:00Z"), endsAt: new Date("2022-01-10T00:00:00Z"), description: "Government directed" },
        { source: "CLOUDFLARE", key: "cf-kz", kind: "CLOUDFLARE_ANNOTATION", asns: [], locations: ["KZ"], startsAt: new Date("2022-01-05T10:00:00Z"), endsAt: null },
        { source: "IODA", key: "ioda-kt", kind: "IODA_EVENT", asns: [50482], startsAt: new Date("2022-06-01T00:00:00Z"), endsAt: new Date("2022-06-01T02:00:00Z") },
        { source: "IODA", key: "alert-kt", kind: "IODA_ALERT", asns: [9198], startsAt: new Date("2022-01-05T11:00:00Z"), endsAt: new Date("2022-01-05T11:00:00Z") },
        { source: "CLOUDFLARE", key: "cf-kcell", kind: "CLOUDFLARE_OUTAGE", asns: [29355], locations: ["KZ"], startsAt: new Date("2022-01-05T11:00:00Z"), endsAt: new Date("2022-01-06T00:00:00Z") },
        { source: "CLOUDFLARE", key: "cf-before", kind: "CLOUDFLARE_OUTAGE", asns: [9198], locations: ["KZ"], startsAt: new Date("2021-01-05T11:00:00Z"), endsAt: new Date("2021-01-06T00:00:00Z") },
        { source: "CLOUDFLARE", key: "cf-region", kind: "CLOUDFLARE_OUTAGE", asns: [], locations: ["KZ-ALA"], startsAt: new Date("2022-02-05T11:00:00Z"), endsAt: new Date("2022-02-06T00:00:00Z") },
      ],
    });
    // As autovacuum would, in good time: VACUUM belongs to the table's owner, not to the app role.
    await runAsDatabaseOwner("VACUUM ANALYZE series_points");
  });

  afterAll(() => closeChartCache());

  it("returns at most maxPoints buckets per line, whatever the range", async () => {
    const year = await chart();
    // A year in 12-hour buckets is 730; 6-hour buckets would be 1,460.
    expect(year.bucketSeconds).toBe(12 * 3600);
    for (const line of year.lines) expect(line.points).toHaveLength(730);
    expect(year.lines[0]!.points[0]!.at).toBe("2022-01-01T00:00:00.000Z");
    expect(year.lines[0]!.points.at(-1)!.at).toBe("2022-12-31T12:00:00.000Z");

    for (const [range, maxPoints] of [
      [{ from: new Date("2012-05-17T13:27:00Z"), to: new Date("2031-02-03T00:00:00Z") }, DEFAULT_MAX_POINTS],
      [{ from: new Date("2022-01-01T00:03:00Z"), to: new Date("2022-12-30T07:00:00Z") }, 7],
      [{ from: new Date("2022-01-01T00:00:00Z"), to: new Date("2022-01-01T00:05:00Z") }, 2],
      [{ from: new Date("2022-05-01T10:00:00Z"), to: new Date("2022-05-03T09:59:59Z") }, 577],
    ] as const) {
      const result = await chart({ ...range, maxPoints });
      expect(result.lines.length).toBeGreaterThan(0);
      for (const line of result.lines) {
        expect(line.points.length).toBeLessThanOrEqual(maxPoints);
        // The buckets cover the period: the first holds `from`, the last ends at or after `to`.
        expect(new Date(line.points[0]!.at) <= range.from).toBe(true);
        expect(new Date(line.points.at(-1)!.at).getTime() + result.bucketSeconds * 1000).toBeGreaterThanOrEqual(range.to.getTime());
      }
    }
  });

  it("never uses buckets finer than the data", async () => {
    const hour = { from: new Date("2022-05-01T10:00:00Z"), to: new Date("2022-05-01T11:00:00Z") };
    expect((await chart({ ...hour, signals: ["ioda.bgp"] })).bucketSeconds).toBe(300);
    // OONI's rates are hourly, so a chart that shows them has hourly buckets.
    expect((await chart({ ...hour, signals: ["ioda.bgp", "ooni.anomaly_rate"] })).bucketSeconds).toBe(3600);
  });

  it("keeps gaps as null, never zero and never interpolated", async () => {
    const day = { from: new Date("2022-02-28T18:00:00Z"), to: new Date("2022-03-01T12:00:00Z") };
    const result = await chart({ ...day, signals: ["ioda.bgp"] });
    expect(result.bucketSeconds).toBe(300);
    expect(valuesAt(result, "ioda.bgp", GAP.from, GAP.to)).toEqual(Array(72).fill(null));
    expect(valuesAt(result, "ioda.bgp", day.from, GAP.from)).toEqual(Array(72).fill(110));
    expect(valuesAt(result, "ioda.bgp", GAP.to, day.to)).toEqual(Array(72).fill(110));

    // Over a year, the six silent hours fill half of one 12-hour bucket, which averages what there is.
    const year = await chart({ signals: ["ioda.bgp"] });
    expect(year.lines[0]!.points.every((point) => point.value === 110)).toBe(true);
  });

  it("sums count-like signals across networks and averages rates; split shows each network", async () => {
    const combined = await chart({ signals: ["ioda.bgp", "ioda.ping-slash24", "ooni.anomaly_rate"] });
    expect(combined.lines.map((line) => [line.signal, line.asn])).toEqual([
      ["ioda.bgp", null],
      ["ioda.ping-slash24", null],
      ["ooni.anomaly_rate", null],
    ]);
    expect(new Set(lineOf(combined, "ioda.bgp").points.map((point) => point.value))).toEqual(new Set([110]));
    // The average of two networks' (two tests') rates, not their sum.
    for (const point of lineOf(combined, "ooni.anomaly_rate").points) expect(point.value).toBeCloseTo(0.3, 10);
    // Averaged over the bucket: the first 12 hours of ping-slash24 are 0 … 143.
    expect(lineOf(combined, "ioda.ping-slash24").points[0]!.value).toBeCloseTo(71.5, 10);

    const split = await chart({ signals: ["ioda.bgp", "ooni.anomaly_rate"], split: true });
    expect(split.lines.map((line) => [line.signal, line.asn])).toEqual([
      ["ioda.bgp", 9198],
      ["ioda.bgp", 50482],
      ["ooni.anomaly_rate", 9198],
      ["ooni.anomaly_rate", 50482],
    ]);
    expect(lineOf(split, "ioda.bgp", 9198).points[0]!.value).toBe(100);
    expect(lineOf(split, "ioda.bgp", 50482).points[0]!.value).toBe(10);
    expect(lineOf(split, "ooni.anomaly_rate", 50482).points[0]!.value).toBeCloseTo(0.4, 10);

    // Where one network is silent, the split view shows its gap and the combined sum drops to the other network.
    const night = { from: new Date("2022-03-01T21:00:00Z"), to: HALF_GAP.to };
    const splitNight = await chart({ ...night, signals: ["ioda.bgp"], split: true });
    expect(new Set(valuesAt(splitNight, "ioda.bgp", night.from, HALF_GAP.from, 50482))).toEqual(new Set([10]));
    expect(new Set(valuesAt(splitNight, "ioda.bgp", HALF_GAP.from, HALF_GAP.to, 50482))).toEqual(new Set([null]));
    expect(new Set(valuesAt(splitNight, "ioda.bgp", HALF_GAP.from, HALF_GAP.to, 9198))).toEqual(new Set([100]));
    const combinedNight = await chart({ ...night, signals: ["ioda.bgp"] });
    expect(new Set(valuesAt(combinedNight, "ioda.bgp", night.from, HALF_GAP.from))).toEqual(new Set([110]));
    expect(new Set(valuesAt(combinedNight, "ioda.bgp", HALF_GAP.from, HALF_GAP.to))).toEqual(new Set([100]));
  });

  it("normalises each line by its median over the period", async () => {
    const result = await chart({ signals: ["ioda.bgp", "ioda.ping-slash24", "ioda.merit-nt"], normalised: true });
    expect(result.normalised).toBe(true);
    expect(lineOf(result, "ioda.bgp").median).toBe(110);
    expect(new Set(lineOf(result, "ioda.bgp").points.map((point) => point.value))).toEqual(new Set([1]));
    const ping = lineOf(result, "ioda.ping-slash24");
    const values = ping.points.map((point) => point.value!);
    expect(values.filter((value) => value < 1)).toHaveLength(365);
    expect(values.filter((value) => value > 1)).toHaveLength(365);
    expect(ping.median).toBeGreaterThan(0);
    // A line whose median is zero cannot be scaled: null, not infinity and not zero.
    expect(lineOf(result, "ioda.merit-nt").median).toBeNull();
    expect(new Set(lineOf(result, "ioda.merit-nt").points.map((point) => point.value))).toEqual(new Set([null]));

    const plain = await chart({ signals: ["ioda.bgp"] });
    expect(plain.normalised).toBe(false);
    expect(lineOf(plain, "ioda.bgp")).not.toHaveProperty("median");
  });

  it("lists asked-for signals without data as missing", async () => {
    const result = await chart({ signals: ["ioda.gtr", "ioda.bgp"] });
    expect(result.lines.map((line) => line.signal)).toEqual(["ioda.bgp"]);
    expect(result.missing).toEqual(["ioda.gtr"]);

    const before = await chart({ from: new Date("2020-01-01T00:00:00Z"), to: new Date("2021-01-01T00:00:00Z") });
    expect(before.lines).toEqual([]);
    expect(before.missing).toEqual(["ioda.bgp", "ioda.ping-slash24", "ioda.merit-nt", "ioda.gtr", "ooni.anomaly_rate"]);

    // An operator with no networks' data at all.
    expect((await chart({ operatorSlug: "tele2-altel", signals: ["ioda.bgp"] })).missing).toEqual(["ioda.bgp"]);
    // Another operator's series never mix in.
    expect(new Set(lineOf(await chart({ operatorSlug: "kcell", signals: ["ioda.bgp"] }), "ioda.bgp").points.map((p) => p.value))).toEqual(new Set([5000]));
  });

  it("returns the outage events of the operator's networks and Kazakhstan-wide ones", async () => {
    const result = await chart({ signals: ["ioda.bgp"] });
    expect(result.events).toEqual([
      { source: "CLOUDFLARE", kind: "CLOUDFLARE_ANNOTATION", startsAt: "2022-01-05T10:00:00.000Z", endsAt: null, asns: [], description: null, linkedUrl: null, example: false },
      {
        source: "CLOUDFLARE",
        kind: "CLOUDFLARE_OUTAGE",
        startsAt: "2022-01-05T11:00:00.000Z",
        endsAt: "2022-01-10T00:00:00.000Z",
        asns: [9198],
        description: "Government directed",
        linkedUrl: null,
        example: false,
      },
      { source: "IODA", kind: "IODA_EVENT", startsAt: "2022-06-01T00:00:00.000Z", endsAt: "2022-06-01T02:00:00.000Z", asns: [50482], description: null, linkedUrl: null, example: false },
    ]);
    // An event overlapping the period's start counts; the ongoing one (no end) still shows years later.
    const later = await chart({ from: new Date("2022-01-09T00:00:00Z"), to: new Date("2022-01-12T00:00:00Z"), signals: ["ioda.bgp"] });
    expect(later.events.map((event) => event.kind)).toEqual(["CLOUDFLARE_ANNOTATION", "CLOUDFLARE_OUTAGE"]);
  });

  it("refuses an unknown operator and bad parameters", async () => {
    await expect(chart({ operatorSlug: "no-such-operator" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(chart({ maxPoints: 1 })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(chart({ maxPoints: 5001 })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(chart({ maxPoints: 1.5 })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(chart({ from: YEAR.to, to: YEAR.from })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("reads the range from the primary key alone (an index-only scan)", async () => {
    const [pkey] = await getDb().$queryRaw<{ definition: string }[]>`SELECT pg_get_indexdef('series_points_pkey'::regclass) AS definition`;
    expect(pkey!.definition).toContain("(series_id, at) INCLUDE (value)");
    const query = downsampleQuery({ lines: [{ seriesIds: [bgp9198], combine: "sum" }], ...YEAR, bucketSeconds: 12 * 3600 });
    const rows = await getDb().$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
    expect(rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Index Only Scan using series_points_pkey");
  });

  it("downsampleSeries: an empty request reads nothing and still returns the buckets", async () => {
    const result = await downsampleSeries({ lines: [{ seriesIds: [], combine: "sum" }], ...YEAR, maxPoints: 100 });
    expect(result.bucketSeconds).toBe(7 * 86_400);
    expect(result.lines[0]!.every((point) => point.value === null)).toBe(true);
    expect(result.lines[0]!.length).toBeLessThanOrEqual(100);
  });
});
