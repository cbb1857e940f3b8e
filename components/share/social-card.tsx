import type { CardBar, CardSegment, SocialCardModel } from "@/lib/share/social-card-model";

/**
 * A social card (1200×630), drawn by next/og (satori): only flex boxes and
 * inline styles. Site name, title, period and headline figure on the left; a
 * small chart on the right (bars with their values written out, or an
 * incident's phase strip with numbered phases); the attribution at the foot.
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

function Strip({ segments }: { segments: CardSegment[] }) {
  const minimum = 8;
  const spare = CHART_WIDTH - minimum * segments.length;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <div style={{ display: "flex", width: CHART_WIDTH, height: 64, border: `2px solid ${INK}` }}>
        {segments.map((segment, index) => {
          const width = minimum + Math.round(segment.share * spare);
          return (
            <div
              key={index}
              style={{
                display: "flex",
                width,
                height: "100%",
                backgroundColor: segment.color,
                borderRight: index < segments.length - 1 ? "2px solid #ffffff" : "none",
                alignItems: "center",
                justifyContent: "center",
                color: "#ffffff",
                fontSize: 24,
                fontWeight: 700,
              }}
            >
              {width >= 30 ? String(index + 1) : ""}
            </div>
          );
        })}
      </div>
      {segments.slice(0, 5).map((segment, index) => (
        <div key={index} style={{ display: "flex", alignItems: "center", gap: 10, fontSize: 20, color: INK }}>
          <div style={{ display: "flex", width: 30, height: 30, backgroundColor: segment.color, color: "#ffffff", fontWeight: 700, alignItems: "center", justifyContent: "center" }}>
            {String(index + 1)}
          </div>
          <div style={{ display: "flex", width: CHART_WIDTH - 40 }}>{segment.label}</div>
        </div>
      ))}
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
        <div style={{ display: "flex", flexDirection: "column", width: 560, gap: 20 }}>
          <div style={{ display: "flex", fontSize: card.title.length > 60 ? 44 : 54, fontWeight: 700, lineHeight: 1.15 }}>{card.title}</div>
          <div style={{ display: "flex", fontSize: 30, color: MUTED }}>{card.period}</div>
          <div style={{ display: "flex", fontSize: 36, fontWeight: 700 }}>{card.stat}</div>
          {card.statNote ? <div style={{ display: "flex", fontSize: 20, color: MUTED, lineHeight: 1.3 }}>{card.statNote}</div> : null}
        </div>
        <div style={{ display: "flex", flexDirection: "column", width: CHART_WIDTH, gap: 18 }}>
          {card.chart ? <div style={{ display: "flex", width: CHART_WIDTH, fontSize: 22, color: MUTED }}>{card.chart.caption}</div> : null}
          {card.chart?.kind === "bars" ? <Bars bars={card.chart.bars} /> : null}
          {card.chart?.kind === "strip" ? <Strip segments={card.chart.segments} /> : null}
          {card.chart ? null : <div style={{ display: "flex", width: CHART_WIDTH, fontSize: 26, color: MUTED }}>{card.emptyNote}</div>}
        </div>
      </div>
      <div style={{ display: "flex", borderTop: "2px solid #d0d7de", paddingTop: 16, fontSize: 20, color: MUTED }}>{card.attribution}</div>
    </div>
  );
}
