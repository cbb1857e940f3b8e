import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { FeedScheduleParameters, ScheduledFeed } from "@/lib/schemas/feed-schedule";
import { listFeedSchedules } from "@/lib/server/feeds/list-feed-schedules";
import { updateFeedSchedule } from "@/lib/server/feeds/update-feed-schedule";
import { createTestActor } from "@/lib/testing/users";
import { applyFeedsFromEnvironment, CRON_SEND_QUEUE, cronForSchedule, feedQueue, startFeedScheduler, syncFeedSchedules, type FeedScheduler } from "./feed-scheduler";

/** pg-boss against the test database: schedules follow the feed_schedules table, and queued pulls run. */

let boss: PgBoss;

beforeAll(async () => {
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", max: 2 });
  boss.on("error", () => {});
  await boss.start();
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

describe("feed schedules", () => {
  it("map every allowed interval onto cron, counted from a first pull two minutes after the save, and refuse others", () => {
    const savedAt = new Date("2026-12-07T10:07:30Z"); // first pull 10:09 UTC
    expect(cronForSchedule(15, savedAt)).toBe("9,24,39,54 * * * *");
    expect(cronForSchedule(30, savedAt)).toBe("9,39 * * * *");
    expect(cronForSchedule(60, savedAt)).toBe("9 * * * *");
    expect(cronForSchedule(180, savedAt)).toBe("9 1,4,7,10,13,16,19,22 * * *");
    expect(cronForSchedule(360, savedAt)).toBe("9 4,10,16,22 * * *");
    expect(cronForSchedule(720, savedAt)).toBe("9 10,22 * * *");
    expect(cronForSchedule(1440, savedAt)).toBe("9 10 * * *");
    expect(cronForSchedule(15, new Date("2026-12-07T23:58:59Z"))).toBe("0,15,30,45 * * * *");
    expect(cronForSchedule(1440, new Date("2026-12-07T23:58:59Z"))).toBe("0 0 * * *");
    expect(() => cronForSchedule(7, savedAt)).toThrow(/Unsupported/);
  });

  it("are off by default, and pg-boss schedules exactly the feeds switched on", async () => {
    const editor = await createTestActor({ role: "editor" });
    expect((await listFeedSchedules({ caller: editor })).every((feed) => !feed.enabled)).toBe(true);
    await syncFeedSchedules(boss, getDb());
    expect(await boss.getSchedules()).toEqual([]);

    const saved = await updateFeedSchedule({ caller: editor, update: { source: "OONI", enabled: true, intervalMinutes: 30, parameters: { country: "kz", asns: [9198], lookbackHours: 24 } } });
    await syncFeedSchedules(boss, getDb());
    const schedules = await boss.getSchedules();
    expect(schedules.map((schedule) => [schedule.name, schedule.cron, schedule.data])).toEqual([
      [feedQueue("OONI"), cronForSchedule(30, saved.updatedAt), { country: "KZ", asns: [9198], lookbackHours: 24 }],
    ]);
    const listed = await listFeedSchedules({ caller: editor });
    expect(listed.find((feed) => feed.source === "OONI")).toMatchObject({ enabled: true, intervalMinutes: 30, updatedBy: editor.name });

    await updateFeedSchedule({ caller: editor, update: { source: "OONI", enabled: false, intervalMinutes: 30, parameters: {} } });
    await syncFeedSchedules(boss, getDb());
    expect(await boss.getSchedules()).toEqual([]);
  });

  it("switches on the feeds the environment names, but never overrides what staff chose", async () => {
    const editor = await createTestActor({ role: "editor" });
    await updateFeedSchedule({ caller: editor, update: { source: "IODA", enabled: false, intervalMinutes: 60, parameters: {} } });
    await applyFeedsFromEnvironment(getDb(), ["IODA", "CLOUDFLARE"], 180);
    const feeds = await listFeedSchedules({ caller: editor });
    expect(feeds.find((feed) => feed.source === "IODA")).toMatchObject({ enabled: false, intervalMinutes: 60 });
    expect(feeds.find((feed) => feed.source === "CLOUDFLARE")).toMatchObject({ enabled: true, intervalMinutes: 180 });
    await updateFeedSchedule({ caller: editor, update: { source: "CLOUDFLARE", enabled: false, intervalMinutes: 180, parameters: {} } });
  });

  it("refuses contributors and anonymous callers", async () => {
    const contributor = await createTestActor({ role: "contributor" });
    await expect(listFeedSchedules({ caller: contributor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateFeedSchedule({ caller: null, update: { source: "IODA", enabled: true, intervalMinutes: 60, parameters: {} } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("the scheduler", () => {
  let scheduler: FeedScheduler;
  const pulls: [ScheduledFeed, FeedScheduleParameters][] = [];
  const lines: string[] = [];
  let orphanId: number;

  beforeAll(async () => {
    // A run left RUNNING by a process that died before this server started (no process holds its lock).
    orphanId = (await getDb().ingestRun.create({ data: { source: "IODA", status: "RUNNING", parameters: { trigger: "schedule" } } })).id;
    scheduler = await startFeedScheduler({
      connectionString: process.env.DATABASE_URL!,
      db: getDb(),
      runPull: async (feed, parameters) => {
        pulls.push([feed, parameters]);
      },
      log: (line) => lines.push(line),
    });
  });

  it("marks runs whose process died ABANDONED when it starts, and every minute after", async () => {
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: orphanId } })).toMatchObject({ status: "ABANDONED", error: expect.stringContaining("stopped before it finished") });
    expect(lines).toContain(`Marked ABANDONED (their process stopped): run ${orphanId}`);
  });

  afterAll(async () => {
    await scheduler.stop();
  });

  it("runs a pull that pg-boss's clock sends for a due cron schedule (its queue exists for the app role)", async () => {
    // What pg-boss's timekeeper does when a schedule is due: send the occurrence through its own queue.
    await boss.send(CRON_SEND_QUEUE, { name: feedQueue("CLOUDFLARE"), data: { country: "KZ", asns: [9198], lookbackHours: 2 } });
    await expect.poll(() => pulls.filter(([feed]) => feed === "CLOUDFLARE").length, { timeout: 30_000, interval: 250 }).toBe(1);
    expect(pulls.find(([feed]) => feed === "CLOUDFLARE")).toEqual(["CLOUDFLARE", { country: "KZ", asns: [9198], lookbackHours: 2 }]);
  });

  it("runs a queued pull of a feed with its parameters", async () => {
    await boss.send(feedQueue("IODA"), { country: "KZ", asns: [9198, 29355], lookbackHours: 6 });
    await expect.poll(() => pulls.filter(([feed]) => feed === "IODA").length, { timeout: 15_000, interval: 250 }).toBe(1);
    expect(pulls.find(([feed]) => feed === "IODA")).toEqual(["IODA", { country: "KZ", asns: [9198, 29355], lookbackHours: 6 }]);
  });
});
