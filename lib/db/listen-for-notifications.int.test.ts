import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { withClient } from "@/lib/db/connection";
import { CHART_DATA_CHANNEL } from "@/lib/db/chart-data-changes";
import { listenForNotifications, NOTIFICATION_APPLICATION_NAME, type Subscription } from "./listen-for-notifications";

const databaseUrl = () => process.env.DATABASE_URL!;
const sql = (text: string, values: unknown[] = []) => withClient(databaseUrl(), (client) => client.query(text, values));

async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const listenerConnections = async () =>
  Number(
    (
      await sql("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [
        `${NOTIFICATION_APPLICATION_NAME}:${process.pid}`,
      ])
    ).rows[0].n,
  );

/**
 * A TCP relay in front of PostgreSQL whose open connections can be frozen: bytes stop flowing both ways and
 * nothing is closed, as when a network path drops. Connections made after a freeze flow normally.
 */
async function freezableRelay(target: URL) {
  const pairs: { client: net.Socket; upstream: net.Socket; frozen: boolean }[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair = { client, upstream, frozen: false };
    pairs.push(pair);
    client.on("data", (data) => void (pair.frozen || upstream.write(data)));
    upstream.on("data", (data) => void (pair.frozen || client.write(data)));
    for (const socket of [client, upstream]) socket.on("error", () => undefined);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze: () => pairs.forEach((pair) => (pair.frozen = true)),
    close: async () => {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const open: Subscription[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((subscription) => subscription.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function subscribe(connectionString: string, timing: { heartbeatMs?: number; heartbeatTimeoutMs?: number; retryAfterMs?: number } = {}) {
  const heard: string[] = [];
  const events: string[] = [];
  const subscription = listenForNotifications({
    connectionString,
    channel: CHART_DATA_CHANNEL,
    onNotification: (payload) => heard.push(payload),
    onUp: () => events.push("up"),
    onDown: () => events.push("down"),
    ...timing,
  });
  open.push(subscription);
  return { subscription, heard, events };
}

describe("listenForNotifications", () => {
  it("opens one connection per process for every subscriber, and closes it when the last one leaves", async () => {
    const responseCache = subscribe(databaseUrl());
    const chartCache = subscribe(databaseUrl());
    await eventually(() => responseCache.subscription.isUp() && chartCache.subscription.isUp(), "both subscribers to listen");
    expect(await listenerConnections()).toBe(1);

    await sql(`NOTIFY ${CHART_DATA_CHANNEL}, 'series'`);
    await eventually(() => responseCache.heard.length === 1 && chartCache.heard.length === 1, "the notification");
    expect(responseCache.heard).toEqual(["series"]);
    expect(chartCache.heard).toEqual(["series"]);

    await responseCache.subscription.close();
    await sql(`NOTIFY ${CHART_DATA_CHANNEL}, 'incidents'`);
    await eventually(() => chartCache.heard.length === 2, "the second notification");
    expect(responseCache.heard).toEqual(["series"]);
    expect(await listenerConnections()).toBe(1);

    await chartCache.subscription.close();
    await eventually(async () => (await listenerConnections()) === 0, "the connection to close");
  });

  it("tells a late subscriber at once that the connection is up", async () => {
    const first = subscribe(databaseUrl());
    await eventually(() => first.subscription.isUp(), "the first subscriber to listen");
    const late = subscribe(databaseUrl());
    await eventually(() => late.events.includes("up"), "the late subscriber's onUp");
    expect(await listenerConnections()).toBe(1);
  });

  it("notices through its heartbeat a connection that died without closing, and listens again", async () => {
    const relay = await freezableRelay(new URL(databaseUrl()));
    cleanups.push(relay.close);
    const listener = subscribe(relay.url, { heartbeatMs: 200, heartbeatTimeoutMs: 300, retryAfterMs: 200 });
    await eventually(() => listener.events.join() === "up", "the connection to listen");

    relay.freeze();
    const frozenAt = Date.now();
    await eventually(() => listener.events.join() === "up,down", "the heartbeat to give up on the frozen connection", 5_000);
    expect(Date.now() - frozenAt).toBeLessThan(2_000);
    expect(listener.subscription.isUp()).toBe(false);

    await eventually(() => listener.events.join() === "up,down,up", "a new connection", 10_000);
    await sql(`NOTIFY ${CHART_DATA_CHANNEL}, 'series'`);
    await eventually(() => listener.heard.includes("series"), "a notification on the new connection");
  });

  it("tells subscribers when PostgreSQL ends the connection, and listens again", async () => {
    const listener = subscribe(databaseUrl(), { retryAfterMs: 100 });
    await eventually(() => listener.subscription.isUp(), "the connection to listen");
    await sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [
      `${NOTIFICATION_APPLICATION_NAME}:${process.pid}`,
    ]);
    await eventually(() => listener.events.join() === "up,down,up", "the connection to come back");
    expect(await listenerConnections()).toBe(1);
  });
});
