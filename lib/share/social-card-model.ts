import { TYPE_COLOURS } from "@/lib/charts/type-colours";

/** What a social card shows; lib/server/share/get-social-card.ts fills it, components/share/social-card.tsx draws it. */
export type CardBar = { label: string; value: number; valueLabel: string };
export type CardSegment = { label: string; share: number; color: string };

export type CardChart =
  | { kind: "bars"; caption: string; bars: CardBar[] }
  | { kind: "strip"; caption: string; segments: CardSegment[] };

export type SocialCardModel = {
  locale: string;
  siteName: string;
  title: string;
  period: string;
  /** The headline figure, named: "3 incidents", "Full blackout: 88.5 h". */
  stat: string;
  /** What the headline figure counts, in one sentence, and the other measures named apart (never added to it). */
  statNote: string;
  chart: CardChart | null;
  /** Shown instead of a chart when there is nothing to draw. */
  emptyNote: string;
  attribution: string;
};

/** The charts' type colours (lib/charts/type-colours.ts). */
export const CARD_TYPE_COLOURS: Record<string, string> = TYPE_COLOURS;
