import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { countPublishedIncidentsByYear } from "@/lib/server/incidents/count-published-incidents-by-year";
import { createTestIncident } from "@/lib/testing/factories";

// The tests run in order on one database: the first sees nothing published yet.
describe("countPublishedIncidentsByYear", () => {
  it("returns no years when nothing is published", async () => {
    await createTestIncident({ startsAt: "2019-05-09T07:00:00Z", status: "DRAFT" });

    expect(await countPublishedIncidentsByYear({ caller: ANONYMOUS, now: new Date("2026-01-01T00:00:00Z") })).toEqual([]);
  });

  it("counts published incidents by Kazakhstan year and type, with zeros for the years between", async () => {
    await createTestIncident({ startsAt: "2019-05-09T07:00:00Z", type: "SERVICE_BLOCKING" });
    await createTestIncident({ startsAt: "2019-06-09T05:00:00Z", type: "FULL_BLACKOUT" });
    await createTestIncident({ startsAt: "2019-06-11T09:00:00Z", type: "SERVICE_BLOCKING" });
    // Not published: 2020 stays empty.
    await createTestIncident({ startsAt: "2020-04-01T06:00:00Z", status: "IN_REVIEW" });
    await createTestIncident({ startsAt: "2020-05-01T06:00:00Z", status: "ARCHIVED" });
    // 23:30 on 31 December 2021 in Almaty (UTC+6), then 02:00 on 1 January 2022.
    await createTestIncident({ startsAt: "2021-12-31T17:30:00Z", type: "THROTTLING" });
    await createTestIncident({ startsAt: "2021-12-31T20:00:00Z", type: "FULL_BLACKOUT" });
    // Since March 2024 Kazakhstan is UTC+5: 23:30 on 31 December 2024, then 00:30 on 1 January 2025.
    await createTestIncident({ startsAt: "2024-12-31T18:30:00Z", type: "WEBSITE_BLOCKING" });
    await createTestIncident({ startsAt: "2024-12-31T19:30:00Z", type: "WEBSITE_BLOCKING" });

    expect(await countPublishedIncidentsByYear({ caller: ANONYMOUS, now: new Date("2026-07-01T00:00:00Z") })).toEqual([
      { year: 2019, total: 3, byType: { SERVICE_BLOCKING: 2, FULL_BLACKOUT: 1 } },
      { year: 2020, total: 0, byType: {} },
      { year: 2021, total: 1, byType: { THROTTLING: 1 } },
      { year: 2022, total: 1, byType: { FULL_BLACKOUT: 1 } },
      { year: 2023, total: 0, byType: {} },
      { year: 2024, total: 1, byType: { WEBSITE_BLOCKING: 1 } },
      { year: 2025, total: 1, byType: { WEBSITE_BLOCKING: 1 } },
      { year: 2026, total: 0, byType: {} },
    ]);
  });

  it("ends at the current Kazakhstan year, or at the last incident's year if that is later", async () => {
    // 20:00 UTC on 31 December 2026 is already 2027 in Kazakhstan.
    const years = await countPublishedIncidentsByYear({ caller: ANONYMOUS, now: new Date("2026-12-31T20:00:00Z") });
    expect(years.map((year) => year.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);

    const beforeTheLastIncident = await countPublishedIncidentsByYear({ caller: ANONYMOUS, now: new Date("2022-06-01T00:00:00Z") });
    expect(beforeTheLastIncident.map((year) => year.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });
});
