import type { DisruptionType } from "@/lib/generated/prisma/enums";

/** Colours for disruption types (Okabe–Ito, safe for colour-blind readers); also in globals.css. Charts and social cards share them. */
export const TYPE_COLOURS: Record<DisruptionType, string> = {
  FULL_BLACKOUT: "#D55E00",
  MOBILE_DATA_SHUTDOWN: "#E69F00",
  FIXED_BROADBAND_SHUTDOWN: "#0072B2",
  THROTTLING: "#CC79A7",
  SERVICE_BLOCKING: "#009E73",
  WEBSITE_BLOCKING: "#56B4E9",
};
