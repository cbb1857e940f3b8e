/**
 * The messages the timeline's and the map's client components translate with (decision 0028):
 * the namespaces, or parts of them, their `useTranslations` calls name. They are the only views
 * whose client components format messages in the browser; every other page and embed hands its
 * client components their words already formatted, so next-intl's runtime and the catalogue stay
 * out of their JavaScript and HTML. Pages and embeds of these views hand over exactly these
 * (components/ui/client-messages.tsx, components/embed/embed-frame.tsx); tests follow the pages'
 * imports to keep the lists whole and no larger than needed.
 */
export const CLIENT_MESSAGES = {
  timeline: ["timelineView", "enums.DisruptionType", "measures.end", "chartDownloads", "dataCredits"],
  map: ["mapView", "measures", "enums.IncidentScope", "chartDownloads", "dataCredits"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesView = keyof typeof CLIENT_MESSAGES;
