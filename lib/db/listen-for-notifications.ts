import type { Socket } from "node:net";
import pg from "pg";

/**
 * One LISTEN connection per process and database, shared by everything in the
 * process that needs change notifications: the production server's response
 * cache (scripts/serve-production.ts) and the chart-data cache
 * (lib/server/cache/chart-cache.ts), which Next.js loads in the same process
 * from its own bundle; both hear chart-data changes through
 * lib/db/chart-data-changes.ts. The connection lives on `globalThis`, so both copies of
 * this module find it.
 *
 * Each subscriber hears `onUp` once the connection listens (at once if it
 * already does), `onNotification` for each message on its channel, and
 * `onDown` when the connection is lost. A heartbeat (`SELECT 1` every
 * `heartbeatMs`, given `heartbeatTimeoutMs` to answer) finds a connection that
 * died without closing (a dropped network path, a frozen server); then it is
 * destroyed, subscribers hear `onDown`, and it is opened again every
 * `retryAfterMs` until it listens. Its socket and timers never keep the
 * process alive. The connection's `application_name` is
 * `kst-notifications:<pid>`, so it can be found in `pg_stat_activity`.
 * Timing options are those of the first subscriber.
 */
export type ListenOptions = {
  connectionString: string;
  channel: string;
  onNotification: (payload: string) => void;
  onUp: () => void;
  onDown: () => void;
  retryAfterMs?: number;
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
};

export type Subscription = {
  /** Stops hearing; the connection closes when its last subscriber leaves. */
  close: () => Promise<void>;
  isUp: () => boolean;
};

type Subscriber = Pick<ListenOptions, "channel" | "onNotification" | "onUp" | "onDown">;

type Hub = {
  subscribe: (subscriber: Subscriber) => Subscription;
};

export const NOTIFICATION_APPLICATION_NAME = "kst-notifications";

const registry = globalThis as unknown as { kstNotificationHubs?: Map<string, Hub> };

export function listenForNotifications(options: ListenOptions): Subscription {
  registry.kstNotificationHubs ??= new Map();
  const hubs = registry.kstNotificationHubs;
  let hub = hubs.get(options.connectionString);
  if (!hub) {
    hub = createHub(options, () => hubs.delete(options.connectionString));
    hubs.set(options.connectionString, hub);
  }
  return hub.subscribe({ channel: options.channel, onNotification: options.onNotification, onUp: options.onUp, onDown: options.onDown });
}

function createHub(options: ListenOptions, forget: () => void): Hub {
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5_000;
  const subscribers = new Set<Subscriber>();
  let client: pg.Client | null = null;
  let connecting = false;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let beating = false;
  let closed = false;

  const channels = () => new Set([...subscribers].map((subscriber) => subscriber.channel));
  const each = (action: (subscriber: Subscriber) => void) => {
    for (const subscriber of [...subscribers]) {
      try {
        action(subscriber);
      } catch (error) {
        console.error("A notification subscriber failed", error);
      }
    }
  };

  const socketOf = (connection: pg.Client) => (connection as unknown as { connection: { stream: Socket } }).connection.stream;

  const scheduleRetry = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, retryAfterMs);
    retry.unref();
  };

  const lose = (lost: pg.Client) => {
    if (client !== lost) return;
    client = null;
    each((subscriber) => subscriber.onDown());
    lost.removeAllListeners("notification");
    // A dead network path never answers `end()`: destroy the socket.
    socketOf(lost).destroy();
    void lost.end().catch(() => undefined);
    scheduleRetry();
  };

  const beat = async () => {
    const current = client;
    if (!current || beating) return;
    beating = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        current.query("SELECT 1"),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("heartbeat timed out")), heartbeatTimeoutMs);
        }),
      ]);
    } catch {
      lose(current);
    } finally {
      clearTimeout(timer);
      beating = false;
    }
  };

  async function connect() {
    if (closed || client || connecting) return;
    connecting = true;
    const next = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: `${NOTIFICATION_APPLICATION_NAME}:${process.pid}`,
    });
    next.on("error", () => lose(next));
    next.on("end", () => lose(next));
    next.on("notification", (message) => {
      const payload = message.payload ?? "";
      each((subscriber) => {
        if (subscriber.channel === message.channel) subscriber.onNotification(payload);
      });
    });
    try {
      await next.connect();
      socketOf(next).unref();
      for (const channel of channels()) await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      next.removeAllListeners();
      next.on("error", () => undefined);
      await next.end().catch(() => undefined);
      connecting = false;
      scheduleRetry();
      return;
    }
    connecting = false;
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    each((subscriber) => subscriber.onUp());
  }

  heartbeat = setInterval(() => void beat(), heartbeatMs);
  heartbeat.unref();

  async function close() {
    closed = true;
    forget();
    if (retry) clearTimeout(retry);
    if (heartbeat) clearInterval(heartbeat);
    const current = client;
    client = null;
    if (current) {
      current.removeAllListeners("notification");
      current.removeAllListeners("end");
      await current.end().catch(() => undefined);
    }
  }

  return {
    subscribe(subscriber) {
      const isNewChannel = !channels().has(subscriber.channel);
      subscribers.add(subscriber);
      if (client) {
        const current = client;
        const listening = isNewChannel ? current.query(`LISTEN ${pg.escapeIdentifier(subscriber.channel)}`).catch(() => lose(current)) : Promise.resolve();
        void listening.then(() => {
          if (client === current && subscribers.has(subscriber)) subscriber.onUp();
        });
      } else void connect();
      return {
        async close() {
          if (!subscribers.delete(subscriber)) return;
          if (subscribers.size === 0) await close();
        },
        isUp: () => client !== null && subscribers.has(subscriber),
      };
    },
  };
}
