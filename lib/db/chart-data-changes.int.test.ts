import { afterEach, describe, expect, it } from "vitest";
import { withClient } from "@/lib/db/connection";
import { CHART_DATA_CHANNEL, listenForChartDataChanges, notifyChartDataChanged, onChartDataChangedHere, type ChartDataTag } from "./chart-data-changes";
import type { Subscription } from "./listen-for-notifications";

/**
 * Writers announce through lib/db, readers hear through lib/db: this process
 * at once, every process (this one included) on commit only.
 */

const databaseUrl = () => process.env.DATABASE_URL!;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Subscribes, and resolves once the LISTEN connection is up. */
async function listen(): Promise<{ heard: (ChartDataTag | null)[]; subscription: Subscription }> {
  const heard: (ChartDataTag | null)[] = [];
  let up!: () => void;
  const listening = new Promise<void>((resolve) => (up = resolve));
  const subscription = listenForChartDataChanges({ connectionString: databaseUrl(), onChange: (tag) => heard.push(tag), onUp: () => up(), onDown: () => undefined });
  cleanups.push(() => subscription.close());
  await listening;
  return { heard, subscription };
}

describe("chart-data change notifications", () => {
  it("reach this process's own readers at once, and every listener only when the writing transaction commits", async () => {
    const { heard } = await listen();
    const here: ChartDataTag[] = [];
    cleanups.push(onChartDataChangedHere((tag) => here.push(tag)));

    await withClient(databaseUrl(), async (client) => {
      await client.query("BEGIN");
      await notifyChartDataChanged(client, "series");
      // Heard here before the commit: a value computed meanwhile is never kept.
      expect(here).toEqual(["series"]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toEqual([]);
      await client.query("COMMIT");
    });
    await expect.poll(() => heard).toEqual(["series"]);

    // A transaction that rolls back announces nothing to other processes.
    await withClient(databaseUrl(), async (client) => {
      await client.query("BEGIN");
      await notifyChartDataChanged(client, "incidents");
      await client.query("ROLLBACK");
      await notifyChartDataChanged(client, "series");
    });
    await expect.poll(() => heard).toEqual(["series", "series"]);
    expect(here).toEqual(["series", "incidents", "series"]);
  });

  it("hands listeners null for a payload that names no tag (everything may have changed)", async () => {
    const { heard } = await listen();
    await withClient(databaseUrl(), (client) => client.query(`NOTIFY ${CHART_DATA_CHANNEL}, 'something else'`));
    await expect.poll(() => heard).toEqual([null]);
  });

  it("stops telling a local listener once it has left", async () => {
    const here: ChartDataTag[] = [];
    const leave = onChartDataChangedHere((tag) => here.push(tag));
    leave();
    await withClient(databaseUrl(), (client) => notifyChartDataChanged(client, "incidents"));
    expect(here).toEqual([]);
  });
});
