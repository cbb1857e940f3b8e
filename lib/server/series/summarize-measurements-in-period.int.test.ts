import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { seedReferenceData } from "@/prisma/seed";
import { summarizeMeasurementsInPeriod } from "@/lib/server/series/summarize-measurements-in-period";

const period = { from: new Date("2022-01-05T00:00:00Z"), to: new Date("2022-01-11T00:00:00Z") };

describe("summarizeMeasurementsInPeriod", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });

  it("is empty when nothing has been ingested", async () => {
    expect(await summarizeMeasurementsInPeriod({ caller: ANONYMOUS, operatorSlugs: ["kcell"], ...period })).toEqual([]);
  });

  it("counts points of the operators' networks and of the whole country, inside the period only", async () => {
    const db = getDb();
    const kcell = await db.series.create({ data: { source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "29355", asn: 29355 } });
    const country = await db.series.create({ data: { source: "OONI", signal: "web_connectivity.anomaly_rate", entityType: "COUNTRY", entityCode: "KZ" } });
    const beeline = await db.series.create({ data: { source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "21299", asn: 21299 } });
    await db.seriesPoint.createMany({
      data: [
        { seriesId: kcell.id, at: new Date("2022-01-05T11:15:00Z"), value: 10 },
        { seriesId: kcell.id, at: new Date("2022-01-06T11:15:00Z"), value: 12 },
        { seriesId: kcell.id, at: new Date("2022-01-12T00:00:00Z"), value: 99 }, // after the period
        { seriesId: country.id, at: new Date("2022-01-07T00:00:00Z"), value: 0.4 },
        { seriesId: beeline.id, at: new Date("2022-01-07T00:00:00Z"), value: 5 }, // another operator
      ],
    });

    expect(await summarizeMeasurementsInPeriod({ caller: ANONYMOUS, operatorSlugs: ["kcell"], ...period })).toEqual([
      { source: "IODA", series: 1, points: 2, example: false },
      { source: "OONI", series: 1, points: 1, example: false },
    ]);
    expect(await summarizeMeasurementsInPeriod({ caller: ANONYMOUS, operatorSlugs: [], ...period })).toEqual([{ source: "OONI", series: 1, points: 1, example: false }]);
  });
});
