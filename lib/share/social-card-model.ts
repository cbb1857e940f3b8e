import { TYPE_COLOURS } from "@/lib/charts/type-colours";
import type { PhaseExtent } from "@/lib/generated/prisma/enums";
import type { CardPhaseBar } from "./card-phase-timeline";

/** What a social card shows; lib/server/share/get-social-card.ts fills it, components/share/social-card.tsx draws it. */
export type CardBar = { label: string; value: number; valueLabel: string };

/** A legend entry of the phase timeline: a type's colour, or an extent or open end drawn in grey. */
export type CardLegendEntry = { label: string; colour: string; extent: PhaseExtent; open: boolean };

export type CardChart =
  | { kind: "bars"; caption: string; bars: CardBar[] }
  | {
      /** Every phase of an incident on a real time axis (lib/share/card-phase-timeline.ts). */
      kind: "timeline";
      caption: string;
      lanes: number;
      bars: (CardPhaseBar & { colour: string })[];
      ticks: { at: number; label: string }[];
      legend: CardLegendEntry[];
    };

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
