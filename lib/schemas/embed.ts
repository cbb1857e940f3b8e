import { z } from "zod";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";

/**
 * The embeds' own URL parameters, beside the shared filters (from/to, operator, …):
 * `theme=light|dark` (default light) and `last=N` — a rolling window of the last
 * N Kazakhstan days, today included (1–3650), instead of a fixed from–to.
 * Unlike the full views, an embed does not ignore a bad value: it shows an error card naming it.
 */
export const EMBED_THEMES = ["light", "dark"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const MAX_ROLLING_DAYS = 3650;

export const ZEmbedParams = z.object({
  theme: z.enum(EMBED_THEMES).default("light"),
  last: z.coerce.number().int().min(1).max(MAX_ROLLING_DAYS).optional(),
});

export type EmbedParams = z.infer<typeof ZEmbedParams>;
/** The URL parameters parseEmbedParams reads. */
export const EMBED_PARAMS = Object.keys(ZEmbedParams.shape) as (keyof EmbedParams)[];
type SearchParams = Record<string, string | string[] | undefined>;

export type EmbedParamsResult = { ok: true; params: EmbedParams } | { ok: false; param: string; value: string };

export function parseEmbedParams(query: SearchParams): EmbedParamsResult {
  const raw: Record<string, string> = {};
  for (const name of ["theme", "last"] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) return { ok: false, param: name, value: value.join(",") };
    raw[name] = value;
  }
  // `last` replaces from–to; both at once is ambiguous.
  if (raw.last !== undefined && (query.from !== undefined || query.to !== undefined)) {
    return { ok: false, param: "last", value: raw.last };
  }
  const parsed = ZEmbedParams.safeParse(raw);
  if (parsed.success) return { ok: true, params: parsed.data };
  const param = String(parsed.error.issues[0]?.path[0] ?? "theme");
  return { ok: false, param, value: raw[param] ?? "" };
}

/** The Kazakhstan calendar date ("YYYY-MM-DD") of an instant. */
function kazakhstanDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: KAZAKHSTAN_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The shared filters' from–to for the last `days` Kazakhstan days up to `now`, today included. */
export function rollingWindow(days: number, now: Date): { from: string; to: string } {
  const today = kazakhstanDate(now);
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}
