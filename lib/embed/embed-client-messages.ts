import { CLIENT_MESSAGES } from "@/lib/i18n/client-messages";
import type { EmbedKind } from "./embed-charts";

/**
 * The messages each embed hands its client components (decision 0025): the
 * namespaces, or parts of them, that the components it renders in the browser
 * call `useTranslations` with — not the whole public catalogue, which would
 * travel in every embed's HTML a second time as React's payload. A client
 * component added to an embed adds its namespaces here; a missing one fails
 * loudly in the browser ("MISSING_MESSAGE") and in the e2e tests.
 */
export const EMBED_CLIENT_MESSAGES: Record<EmbedKind, readonly string[]> = {
  overview: [],
  timeline: CLIENT_MESSAGES.timeline,
  map: CLIENT_MESSAGES.map,
  isps: [],
  isp: [],
  incident: [],
};
