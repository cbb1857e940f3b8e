/**
 * The detector's rules in numbers, each with where it comes from. Per-signal
 * levels live in signals.ts; these apply to every signal.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// --- Seasonal baseline (baseline.ts) -------------------------------------------

/** Cloudflare Radar: the forecast looks back over the last 28 days. (The default of signals.ts's rows.) */
export const BASELINE_LOOKBACK_DAYS = 28;
/**
 * Cloudflare Radar: the forecast is the median of the 6 most similar 24-hour
 * periods. Ours takes the 6 most recent days of the same type (workday, or
 * weekend/holiday in Kazakhstan), so evenings, weekends and Nauryz are
 * compared with their own kind.
 */
export const BASELINE_SIMILAR_DAYS = 6;
/** Fewer comparable days than this and the baseline falls back to any day type, then to none. */
export const BASELINE_MIN_DAYS = 3;
/**
 * Each comparable day gives the bucket at the same time of day and its
 * neighbours on either side (15 minutes at 5-minute steps), which halves the
 * baseline's noise without blurring the day's shape.
 */
export const BASELINE_NEIGHBOUR_STEPS = 1;
/**
 * Extreme values stay out of the baseline for up to 7 days (as IODA keeps
 * them out of its moving median): a value from the last EXTREME_DAYS days is
 * left out when it is below half or above 1.5 times the reference, the
 * median of the same time of day over the older days of the lookback. Older
 * values always count: a drop that has lasted more than a week is on its way
 * to being the new normal.
 */
export const EXTREME_DAYS = 7;
/** With fewer older days than BASELINE_MIN_DAYS (a short history), the reference is the oldest this many days. */
export const EXTREME_REFERENCE_FALLBACK_DAYS = 7;
/** IODA's critical level: below half (or above 1.5 times) the reference is extreme. */
export const EXTREME_RELATIVE_DEVIATION = 0.5;

// --- Feed health (feed-health.ts) ------------------------------------------------

/**
 * A source (IODA, OONI …) is healthy for a bucket when at least this share of
 * its other series that were active in the day before have a point for it.
 * Then a missing point is the network's silence, not the feed's.
 */
export const FEED_HEALTHY_SHARE = 0.5;
/** A series counts as active for feed health when it had a point within this long before the bucket. */
export const FEED_ACTIVE_LOOKBACK_MS = DAY_MS;

// --- Opening, hysteresis and restoration (track-connectivity.ts) ----------------------

/**
 * Minimum duration of the corroborated rule: two consecutive buckets in which
 * at least two signals (or two large networks of one signal) are below
 * warning. Two 5-minute buckets: a drop is reported 10 minutes after it
 * starts; a single noisy bucket never is.
 */
export const CORROBORATED_MIN_STEPS = 2;
/** Corroboration needed by that rule: distinct signals, plus extra networks breaching one reachability signal. */
export const CORROBORATION_NEEDED = 2;
/**
 * A network counts on its own for corroboration only when it carries at
 * least this share of its operator's baseline for the signal: a small
 * network's counts are too noisy to corroborate anything.
 */
export const CORROBORATING_NETWORK_SHARE = 0.1;
/**
 * The sustained rule: one signal alone opens a detection when its median
 * depth over the last hour (and at least SUSTAINED_MIN_STEPS of its buckets)
 * is below warning, and the latest bucket is too. Slower than corroboration,
 * so single-signal blips of 20 minutes (BGP flaps, a probing round that
 * failed, a telescope dip) never open one.
 */
export const SUSTAINED_WINDOW_MS = HOUR_MS;
export const SUSTAINED_MIN_STEPS = 3;
/**
 * Depth is smoothed as the median of the latest buckets of a signal when
 * deciding whether a detection goes on, and for segment levels.
 */
export const SMOOTHING_STEPS = 3;
/**
 * Hysteresis: a detection is restored once every signal that took part has
 * been shallower than its restoreDepth for an hour (and at least two
 * buckets). Its end is the first of those buckets.
 */
export const RESTORE_AFTER_MS = HOUR_MS;
export const RESTORE_MIN_STEPS = 2;
/**
 * One event per operator and period: a new drop (or service blocking) less
 * than this long after the last one ended belongs to the same detection, as a
 * new segment (cut, partial restoration, recut: January 2022's brief
 * restorations were hours apart).
 */
export const REOPEN_WITHIN_MS = 12 * HOUR_MS;

// --- Segments and kinds (segments.ts) --------------------------------------------

/** Depth at or above which a stretch is a blackout (IODA's telescope critical level is 0.9; probing's is 0.5). */
export const BLACKOUT_DEPTH = 0.8;
/** A drop of at least this depth is a partial outage even when reachability signals hold. */
export const PARTIAL_DEPTH = 0.5;
/** Segments shorter than this (and than MIN_SEGMENT_STEPS buckets) are folded into their neighbour. */
export const MIN_SEGMENT_MS = 30 * MINUTE_MS;
export const MIN_SEGMENT_STEPS = 2;

// --- Service blocking (service-blocking.ts) ------------------------------------------

/**
 * OONI's detector runs a two-sided CUSUM on hourly blocking scores with a
 * threshold of 3.5 on its own score scale. Ours runs a Bernoulli CUSUM on the
 * hourly anomaly rates (log-likelihood ratio of "blocked" against the
 * network's usual rate), whose threshold h bounds the false-alarm rate: the
 * mean time between false alarms is at least e^h hours with data. We allow
 * one false alarm per operator per four weeks for all four apps together,
 * with a tenfold margin: e^h ≥ 4 weeks × 4 apps × 10.
 */
export const SERVICE_FALSE_ALARM_HOURS = 4 * 7 * 24 * 4 * 10;
export const SERVICE_CUSUM_THRESHOLD = Math.log(SERVICE_FALSE_ALARM_HOURS);
/** The restoring side of the CUSUM needs less evidence: ending is reversible, opening notifies people. */
export const SERVICE_RESTORE_THRESHOLD = SERVICE_CUSUM_THRESHOLD / 2;
/** The anomaly rate of a blocked app: OONI's messaging tests fail almost every time when blocked. */
export const SERVICE_BLOCKED_RATE = 0.8;
/** The usual rate is the mean over this long before the day, leaving out days whose own mean is extreme. */
export const SERVICE_BASELINE_DAYS = 14; // the default of signals.ts's service rows
export const SERVICE_EXTREME_DAY_RATE = 0.5;
/** Bounds of the usual rate: a rate of 0 would make one anomaly infinite evidence. */
export const SERVICE_MIN_USUAL_RATE = 0.02;
export const SERVICE_MAX_USUAL_RATE = 0.5;
/** With fewer hourly points than this in the baseline period, the usual rate is this default. */
export const SERVICE_MIN_BASELINE_POINTS = 24;
export const SERVICE_DEFAULT_USUAL_RATE = 0.1;
/** OONI is hourly. */
export const SERVICE_STEP_MS = HOUR_MS;
/** How far before the window the CUSUM starts, so that its state has settled. */
export const SERVICE_SETTLE_MS = 2 * DAY_MS;

// --- Evidence and score (evidence.ts, assemble-detections.ts) ----------------------

/** Outage events within this margin of a detection's period are attached to it. */
export const EVENT_MARGIN_MS = HOUR_MS;
/** IODA multiplies severity across sources; an outage event from another observer multiplies the score by this. */
export const EVENT_CORROBORATION_FACTOR = 1.5;
