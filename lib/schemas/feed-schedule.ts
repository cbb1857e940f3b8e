import { z } from "zod";
import { FEED_NAMES, SCHEDULED_FEEDS } from "@/lib/ingest/feed-names";

/** The feeds that can be pulled on a schedule, as feed_schedules records them: declared with the feeds' names. */
export { SCHEDULED_FEEDS, type ScheduledFeed } from "@/lib/ingest/feed-names";

/** Intervals a schedule may use; each maps onto a cron expression (lib/jobs/feed-scheduler.ts). */
export const FEED_INTERVALS_MINUTES = [15, 30, 60, 180, 360, 720, 1440] as const;

export const ZFeedScheduleParameters = z.object({
  /** ISO 3166-1 alpha-2 country code. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "use a two-letter country code, e.g. KZ")
    .transform((value) => value.toUpperCase())
    .default("KZ"),
  /** ASNs to pull; empty means every ASN attached to an operator. */
  asns: z.array(z.coerce.number().int().min(1).max(4_294_967_295)).max(50).default([]),
  /** How far back each pull reaches, so a missed run is caught up. */
  lookbackHours: z.coerce.number().int().min(1).max(24 * 14).default(48),
});
export type FeedScheduleParameters = z.infer<typeof ZFeedScheduleParameters>;

export const ZFeedScheduleUpdate = z.object({
  source: z.enum(SCHEDULED_FEEDS),
  enabled: z.boolean(),
  intervalMinutes: z.coerce
    .number()
    .int()
    .refine((value) => (FEED_INTERVALS_MINUTES as readonly number[]).includes(value), "choose one of the offered intervals"),
  parameters: ZFeedScheduleParameters,
});
export type FeedScheduleUpdate = z.input<typeof ZFeedScheduleUpdate>;

/** "ooni,ioda" (FEEDS_ENABLED) → the feeds it names; unknown names are a configuration error. */
export const ZEnabledFeedsList = z
  .string()
  .transform((value) => value.split(",").map((name) => name.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.enum(SCHEDULED_FEEDS)));

/** Uploads in the console stay under the server-action body limit (next.config.ts); larger files go through the CLI. */
export const FEED_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;

export const ZFeedUploadForm = z.object({ feed: z.enum(FEED_NAMES) });
