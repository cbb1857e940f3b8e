import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listenForNotifications, type Subscription } from "./listen-for-notifications";

/**
 * Change notifications for what the charts read (decision 0006): writers
 * announce, readers hear. Writers call `notifyChartDataChanged` inside their
 * transaction; every process hears it on commit through its one LISTEN
 * connection (`listenForChartDataChanges`, lib/db/listen-for-notifications.ts),
 * and the writing process's own readers hear it at once
 * (`onChartDataChangedHere`), so a value computed meanwhile is never kept.
 * Writers import this module, never a reader's cache.
 */

/** The PostgreSQL NOTIFY channel; its payload is one tag. */
export const CHART_DATA_CHANNEL = "kst_chart_data";

/** What changed: "incidents" (published incidents) or "series" (measurements and outage events). */
export const CHART_DATA_TAGS = ["incidents", "series"] as const;
export type ChartDataTag = (typeof CHART_DATA_TAGS)[number];

export function isChartDataTag(value: string): value is ChartDataTag {
  return (CHART_DATA_TAGS as readonly string[]).includes(value);
}

type LocalListener = (tag: ChartDataTag) => void;

// One set per process, whichever bundle loads this module (Next.js's server bundle and the scripts' copy).
const local = globalThis as unknown as { kstChartDataListeners?: Set<LocalListener> };
const localListeners = () => (local.kstChartDataListeners ??= new Set());

/**
 * Hears this process's own announcements at once, before their transaction
 * commits (PostgreSQL delivers the notification only after). Returns a
 * function that stops hearing.
 */
export function onChartDataChangedHere(listener: LocalListener): () => void {
  localListeners().add(listener);
  return () => void localListeners().delete(listener);
}

/** A Prisma transaction (or client) or a `pg` client: whatever the writer holds. */
type Writer = Pick<Prisma.TransactionClient, "$executeRaw"> | pg.ClientBase;

/**
 * Tells every process that chart data of `tag` changed. Call it inside the
 * writing transaction: PostgreSQL delivers the notification on commit only.
 */
export async function notifyChartDataChanged(db: Writer, tag: ChartDataTag): Promise<void> {
  for (const listener of [...localListeners()]) listener(tag);
  if ("$executeRaw" in db) await db.$executeRaw`SELECT pg_notify(${CHART_DATA_CHANNEL}, ${tag})`;
  else await db.query("SELECT pg_notify($1, $2)", [CHART_DATA_CHANNEL, tag]);
}

/**
 * Hears every process's announcements, its own included, on the process's one
 * LISTEN connection. `onChange` gets the tag, or null for a payload that names
 * none (then everything may have changed). `onUp` and `onDown` say when
 * notifications can be heard; while down, some may be missed.
 */
export function listenForChartDataChanges(options: {
  connectionString: string;
  onChange: (tag: ChartDataTag | null) => void;
  onUp: () => void;
  onDown: () => void;
}): Subscription {
  return listenForNotifications({
    connectionString: options.connectionString,
    channel: CHART_DATA_CHANNEL,
    onNotification: (payload) => options.onChange(isChartDataTag(payload) ? payload : null),
    onUp: options.onUp,
    onDown: options.onDown,
  });
}
