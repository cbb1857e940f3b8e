/**
 * The synthetic Kazakhstan the benchmark measures in: the four operators and
 * their networks as in prisma/seed/operators.ts, with sizes of the order IODA
 * shows for them, how their address space spreads over four regions, and how
 * their signals move over a day and a week.
 *
 * The sizes are invented, of a plausible order: BGP counts visible /24
 * blocks, active probing the /24 blocks that answer, the telescope the
 * unique source addresses reaching it per 5 minutes.
 */

import { storedNameOf } from "@/lib/detection/signals";

export type NetworkModel = {
  asn: number;
  /** Visible /24 blocks (IODA bgp). */
  bgp: number;
  /** Responsive /24 blocks (IODA ping-slash24). */
  ping: number;
  /** Unique telescope sources per 5 minutes (IODA merit-nt). */
  telescope: number;
  /** OONI measurements per hour per messaging app at the daily mean. */
  ooniPerHour: number;
};

export type OperatorModel = {
  slug: string;
  /** Fixed lines rest at weekends (offices close); mobile networks barely do. */
  kind: "fixed" | "mobile" | "both";
  networks: NetworkModel[];
  /** Share of the operator's address space (and users) in each modelled region; the rest is elsewhere. */
  regionShares: Record<Region, number>;
};

export const REGIONS = ["almaty-city", "astana", "shymkent", "mangystau"] as const;
export type Region = (typeof REGIONS)[number];

/** IODA names regions by its own numeric codes; these are invented stand-ins. */
export const REGION_CODES: Record<Region, string> = { "almaty-city": "90001", astana: "90002", shymkent: "90003", mangystau: "90004" };

export const OPERATORS: readonly OperatorModel[] = [
  {
    slug: "kazakhtelecom",
    kind: "fixed",
    networks: [
      { asn: 9198, bgp: 2600, ping: 1500, telescope: 2500, ooniPerHour: 1.2 },
      { asn: 50482, bgp: 160, ping: 90, telescope: 120, ooniPerHour: 0.1 },
    ],
    regionShares: { "almaty-city": 0.22, astana: 0.14, shymkent: 0.08, mangystau: 0.05 },
  },
  {
    slug: "kcell",
    kind: "mobile",
    networks: [{ asn: 29355, bgp: 420, ping: 260, telescope: 900, ooniPerHour: 1.0 }],
    regionShares: { "almaty-city": 0.24, astana: 0.15, shymkent: 0.1, mangystau: 0.05 },
  },
  {
    slug: "beeline",
    kind: "both",
    networks: [
      { asn: 21299, bgp: 700, ping: 380, telescope: 1100, ooniPerHour: 0.9 },
      { asn: 206026, bgp: 60, ping: 30, telescope: 40, ooniPerHour: 0.05 },
    ],
    regionShares: { "almaty-city": 0.3, astana: 0.16, shymkent: 0.09, mangystau: 0.04 },
  },
  {
    slug: "tele2-altel",
    kind: "mobile",
    networks: [
      { asn: 48503, bgp: 380, ping: 200, telescope: 700, ooniPerHour: 0.7 },
      { asn: 29555, bgp: 140, ping: 70, telescope: 180, ooniPerHour: 0.2 },
    ],
    regionShares: { "almaty-city": 0.2, astana: 0.17, shymkent: 0.12, mangystau: 0.06 },
  },
];

export const APPS = [
  { test: "telegram", service: "TELEGRAM", usualRate: 0.05 },
  { test: "whatsapp", service: "WHATSAPP", usualRate: 0.08 },
  { test: "signal", service: "SIGNAL", usualRate: 0.04 },
  { test: "facebook_messenger", service: "FACEBOOK", usualRate: 0.06 },
] as const;
export type App = (typeof APPS)[number];

/** OONI's messaging tests when the app is blocked: nearly every one anomalous. */
export const BLOCKED_ANOMALY_RATE = 0.9;

export type SignalName = "bgp" | "ping" | "telescope";
/** The IODA series' stored names, from the signal registry. */
export const IODA_SIGNALS: Record<SignalName, string> = { bgp: storedNameOf("ioda.bgp"), ping: storedNameOf("ioda.ping-slash24"), telescope: storedNameOf("ioda.merit-nt") };

/**
 * How each signal moves, as multipliers on the network's size:
 * - day-night: a cosine peaking at 21:00 local time (evening use), deeper for
 *   the telescope (infected home machines are switched off at night) than
 *   for probing (most probed blocks answer day and night);
 * - rest days (weekends, holidays): fixed lines lose office traffic;
 * - noise: measurement noise per bucket, and a day-to-day level for the
 *   telescope (botnet populations drift).
 */
export const PROFILE = {
  pingDayNight: { fixed: 0.04, mobile: 0.08, both: 0.06 },
  telescopeDayNight: 0.35,
  pingRestDay: { fixed: 0.97, mobile: 1.0, both: 0.985 },
  telescopeRestDay: { fixed: 0.88, mobile: 0.95, both: 0.91 },
  /** Days next to holidays (31 December, 7 March, 20 March …) are half rest days; the detector's calendar does not know them. */
  bridgeDayShare: 0.5,
  /** Probing's relative noise is √(PING_NOISE_COUNT / blocks) + PING_NOISE_FLOOR. */
  pingNoiseCount: 0.3,
  pingNoiseFloor: 0.01,
  /** Telescope: Poisson counts with this extra relative noise per bucket, and a daily level with this spread. */
  telescopeBucketNoise: 0.05,
  telescopeDayNoise: 0.04,
  /** Networks grow a little from month to month. */
  growthPerMonth: 0.005,
} as const;

/** OONI probes run mostly in the daytime: measurements per hour follow a cosine peaking at 14:00 local time. */
export const OONI_DAYTIME_SWING = 0.5;
