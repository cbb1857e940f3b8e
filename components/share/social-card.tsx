import type { CardBar, CardChart, SocialCardModel } from "@/lib/share/social-card-model";

/**
 * A social card (1200×630), drawn by next/og (satori): only flex boxes and
 * inline styles. Site name, title, period and headline figure on the left; a
 * small chart on the right (bars with their values written out, or every
 * phase of an incident on a real time axis, numbered); the attribution at the foot.
 */
const INK = "#1b1f24";
const MUTED = "#4a5560";
const ACCENT = "#0b5cad";
const BAR = "#0072B2";
const CHART_WIDTH = 470;
const LABEL_WIDTH = 180;
const VALUE_WIDTH = 130;

function Bars({ bars }: { bars: CardBar[] }) {
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const track = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 14 }}>
      {bars.map((bar) => (
        <div key={bar.label} style={{ display: "flex", alignItems: "center", fontSize: 22 }}>
          <div style={{ display: "flex", width: LABEL_WIDTH, color: INK, overflow: "hidden" }}>{bar.label}</div>
          <div style={{ display: "flex", width: track, height: 26, backgroundColor: "#e8edf2" }}>
            <div style={{ display: "flex", width: max > 0 && bar.value > 0 ? Math.max(3, Math.round((bar.value / max) * track)) : 0, height: 26, backgroundColor: BAR }} />
          </div>
          <div style={{ display: "flex", width: VALUE_WIDTH, justifyContent: "flex-end", color: INK, fontWeight: 700 }}>{bar.valueLabel}</div>
        </div>
      ))}
    </div>
  );
}

const TRACK = "#e8edf2";
const LANE_GAP = 3;
/** Height the phase lanes share; a lane is at most MAX_LANE and at least MIN_LANE pixels tall. */
const TRACK_HEIGHT = 190;
const MAX_LANE = 30;
const MIN_LANE = 6;

/** A bar as the incident page draws it: solid, partial (lighter, outlined), on and off (striped), or not counted (fading to the axis's end). */
function barStyle(bar: { colour: string; extent: string; open: boolean }) {
  if (bar.open) return { backgroundImage: `linear-gradient(to right, ${bar.colour} 0%, ${bar.colour} 20%, ${bar.colour}00 100%)` };
  if (bar.extent === "PARTIAL") return { backgroundColor: `${bar.colour}73`, border: `2px solid ${bar.colour}` };
  if (bar.extent === "INTERMITTENT") return { backgroundImage: `repeating-linear-gradient(135deg, ${bar.colour} 0px, ${bar.colour} 6px, ${bar.colour}40 6px, ${bar.colour}40 12px)` };
  return { backgroundColor: bar.colour };
}

/** Every phase on a real time axis: bars in proportion to time, overlapping phases on lanes of their own, numbered where they are wide enough. */
function PhaseTimeline({ chart }: { chart: Extract<CardChart, { kind: "timeline" }> }) {
  const lane = Math.max(MIN_LANE, Math.min(MAX_LANE, Math.floor((TRACK_HEIGHT - LANE_GAP * (chart.lanes - 1)) / chart.lanes)));
  const height = chart.lanes * lane + (chart.lanes - 1) * LANE_GAP;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      <div style={{ display: "flex", position: "relative", width: CHART_WIDTH, height, backgroundColor: TRACK }}>
        {chart.bars.map((bar) => {
          const left = Math.round(bar.start * CHART_WIDTH);
          const width = Math.max(3, Math.round((bar.end - bar.start) * CHART_WIDTH));
          return (
            <div
              key={bar.number}
              style={{
                display: "flex",
                position: "absolute",
                left: Math.min(left, CHART_WIDTH - width),
                top: bar.lane * (lane + LANE_GAP),
                width,
                height: lane,
                borderRadius: 3,
                alignItems: "center",
                justifyContent: "center",
                color: "#ffffff",
                fontSize: Math.min(16, lane - 4),
                fontWeight: 700,
                ...barStyle(bar),
              }}
            >
              {width >= 26 && lane >= 16 ? String(bar.number) : ""}
            </div>
          );
        })}
      </div>
      <div style={{ display: "flex", position: "relative", width: CHART_WIDTH, height: 26, borderTop: `2px solid ${INK}` }}>
        {chart.ticks.map((tick) => (
          <div
            key={tick.at}
            style={{
              display: "flex",
              position: "absolute",
              top: 2,
              ...(tick.at > 0.75 ? { right: Math.round((1 - tick.at) * CHART_WIDTH), borderRight: `2px solid ${INK}`, paddingRight: 4 } : { left: Math.round(tick.at * CHART_WIDTH), borderLeft: `2px solid ${INK}`, paddingLeft: 4 }),
              fontSize: 16,
              color: MUTED,
              whiteSpace: "nowrap",
            }}
          >
            {tick.label}
          </div>
        ))}
      </div>
      <div style={{ display: "flex", flexWrap: "wrap", width: CHART_WIDTH, gap: "6px 16px", fontSize: 17, color: INK }}>
        {chart.legend.map((entry) => (
          <div key={entry.label} style={{ display: "flex", alignItems: "center", gap: 6 }}>
            <div style={{ display: "flex", width: 18, height: 14, borderRadius: 2, ...barStyle(entry) }} />
            {entry.label}
          </div>
        ))}
      </div>
    </div>
  );
}

export function SocialCard({ card, fontFamily }: { card: SocialCardModel; fontFamily: string }) {
  return (
    <div
      lang={card.locale}
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        backgroundColor: "#ffffff",
        borderTop: `14px solid ${ACCENT}`,
        padding: "40px 56px 32px",
        fontFamily,
        color: INK,
      }}
    >
      <div style={{ display: "flex", fontSize: 26, fontWeight: 700, color: ACCENT }}>{card.siteName}</div>
      <div style={{ display: "flex", flex: 1, marginTop: 24, gap: 48 }}>
        <div style={{ display: "flex", flexDirection: "column", width: 560, gap: 16 }}>
          {/* Long titles and figures are set smaller, so that the note under them stays above the attribution. */}
          <div style={{ display: "flex", fontSize: card.title.length > 60 ? 38 : card.title.length > 40 ? 46 : 54, fontWeight: 700, lineHeight: 1.15 }}>{card.title}</div>
          <div style={{ display: "flex", fontSize: 28, color: MUTED }}>{card.period}</div>
          <div style={{ display: "flex", fontSize: card.stat.length > 30 ? 30 : 36, fontWeight: 700 }}>{card.stat}</div>
          {card.statNote ? <div style={{ display: "flex", fontSize: 20, color: MUTED, lineHeight: 1.3 }}>{card.statNote}</div> : null}
        </div>
        <div style={{ display: "flex", flexDirection: "column", width: CHART_WIDTH, gap: 18 }}>
          {card.chart ? <div style={{ display: "flex", width: CHART_WIDTH, fontSize: 22, color: MUTED }}>{card.chart.caption}</div> : null}
          {card.chart?.kind === "bars" ? <Bars bars={card.chart.bars} /> : null}
          {card.chart?.kind === "timeline" ? <PhaseTimeline chart={card.chart} /> : null}
          {card.chart ? null : <div style={{ display: "flex", width: CHART_WIDTH, fontSize: 26, color: MUTED }}>{card.emptyNote}</div>}
        </div>
      </div>
      <div style={{ display: "flex", borderTop: "2px solid #d0d7de", paddingTop: 16, fontSize: 20, color: MUTED }}>{card.attribution}</div>
    </div>
  );
}
