import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestActor } from "@/lib/testing/users";
import { updateFeedSchedule } from "./update-feed-schedule";

describe("changing a feed's scheduled pull", () => {
  it("is audited every time, with who, from where, and the schedule before and after", async () => {
    const editor = await createTestActor({ role: "editor" });
    const origin = { ip: "192.0.2.71", userAgent: "feeds-page" };
    await updateFeedSchedule({
      caller: editor,
      origin,
      update: { source: "IODA", enabled: true, intervalMinutes: 60, parameters: { country: "kz", asns: [9198], lookbackHours: 24 } },
    });
    await updateFeedSchedule({ caller: editor, origin, update: { source: "IODA", enabled: false, intervalMinutes: 180, parameters: {} } });

    const events = await getDb().auditEvent.findMany({ where: { action: "FEED_SCHEDULE_CHANGED", actorId: editor.id }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorId: editor.id,
      ip: origin.ip,
      userAgent: origin.userAgent,
      details: { feed: "IODA", before: null, after: { enabled: true, intervalMinutes: 60, parameters: { country: "KZ", asns: [9198], lookbackHours: 24 } } },
    });
    expect(events[1]?.details).toEqual({
      feed: "IODA",
      before: { enabled: true, intervalMinutes: 60, parameters: { country: "KZ", asns: [9198], lookbackHours: 24 } },
      after: { enabled: false, intervalMinutes: 180, parameters: { country: "KZ", asns: [], lookbackHours: 48 } },
    });
  });

  it("records nothing when the caller may not change it", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    await expect(
      updateFeedSchedule({ caller: contributor, update: { source: "OONI", enabled: true, intervalMinutes: 60, parameters: {} } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().auditEvent.count({ where: { action: "FEED_SCHEDULE_CHANGED", actorId: contributor.id } })).toBe(0);
    expect(await getDb().feedSchedule.findUnique({ where: { source: "OONI" } })).toBeNull();
  });
});
