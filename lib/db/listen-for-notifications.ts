import type { Socket } from "node:net";
import pg from "pg";

/**
 * Keeps one LISTEN connection open on a channel: `onUp` once it listens,
 * `onNotification` for each message, `onDown` when it is lost (then it tries
 * again every `retryAfterMs`). Its socket never keeps the process alive.
 */
export function listenForNotifications(options: {
  connectionString: string;
  channel: string;
  onNotification: (payload: string) => void;
  onUp: () => void;
  onDown: () => void;
  retryAfterMs?: number;
}): { close: () => Promise<void> } {
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

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
    options.onDown();
    lost.removeAllListeners("notification");
    void lost.end().catch(() => undefined);
    scheduleRetry();
  };

  async function connect() {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: 5_000, keepAlive: true });
    next.on("error", () => lose(next));
    next.on("end", () => lose(next));
    next.on("notification", (message) => {
      if (message.channel === options.channel) options.onNotification(message.payload ?? "");
    });
    try {
      await next.connect();
      (next as unknown as { connection: { stream: Socket } }).connection.stream.unref();
      await next.query(`LISTEN ${options.channel}`);
    } catch {
      next.removeAllListeners();
      await next.end().catch(() => undefined);
      scheduleRetry();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    options.onUp();
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
