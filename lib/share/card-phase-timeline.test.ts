import { describe, expect, it } from "vitest";
import { cardPhaseTimeline, type CardPhaseInput } from "./card-phase-timeline";

const at = (iso: string) => new Date(iso);
const NOW = at("2030-01-01T00:00:00Z");

const phase = (number: number, start: string, end: string | null, extra: Partial<CardPhaseInput> = {}): CardPhaseInput => ({
  number,
  type: "FULL_BLACKOUT",
  extent: "FULL",
  startsAt: at(start),
  countedUntil: end ? at(end) : null,
  ...extra,
});

describe("cardPhaseTimeline", () => {
  it("places every phase in proportion to time, gaps included", () => {
    // 78 hours: a 6-hour cut, a gap of two days, a 12-hour blocking, another gap, a 6-hour cut.
    const timeline = cardPhaseTimeline(
      [
        phase(1, "2022-01-01T00:00:00Z", "2022-01-01T06:00:00Z"),
        phase(2, "2022-01-02T00:00:00Z", "2022-01-02T12:00:00Z", { type: "SERVICE_BLOCKING", extent: "INTERMITTENT" }),
        phase(3, "2022-01-04T00:00:00Z", "2022-01-04T06:00:00Z", { type: "MOBILE_DATA_SHUTDOWN" }),
      ],
      NOW,
      "en",
    )!;
    expect(timeline.from).toEqual(at("2022-01-01T00:00:00Z"));
    expect(timeline.to).toEqual(at("2022-01-04T06:00:00Z"));
    expect(timeline.bars.map((bar) => [bar.number, bar.start, bar.end])).toEqual([
      [1, 0, 6 / 78],
      [2, 24 / 78, 36 / 78],
      [3, 72 / 78, 1],
    ]);
    // Nothing overlaps: one lane.
    expect(timeline.lanes).toBe(1);
    expect(timeline.bars.map((bar) => bar.extent)).toEqual(["FULL", "INTERMITTENT", "FULL"]);
    expect(timeline.ticks.length).toBeGreaterThan(1);
    expect(timeline.ticks.every((tick) => tick.at >= 0 && tick.at <= 1)).toBe(true);
  });

  it("draws all of many overlapping phases, on lanes where no two bars of a lane overlap", () => {
    const phases = Array.from({ length: 20 }, (_, index) =>
      phase(index + 1, new Date(Date.UTC(2022, 0, 5, index * 3)).toISOString(), new Date(Date.UTC(2022, 0, 5, index * 3 + 10)).toISOString()),
    );
    const timeline = cardPhaseTimeline(phases, NOW, "en", { minWidth: 0.01 })!;
    expect(timeline.bars.map((bar) => bar.number).sort((a, b) => a - b)).toEqual(phases.map((entry) => entry.number));
    for (let lane = 0; lane < timeline.lanes; lane += 1) {
      const bars = timeline.bars.filter((bar) => bar.lane === lane).sort((a, b) => a.start - b.start);
      for (let index = 1; index < bars.length; index += 1) expect(bars[index]!.start).toBeGreaterThanOrEqual(bars[index - 1]!.end);
    }
    // Each bar overlaps the next three: four lanes are needed, and enough.
    expect(timeline.lanes).toBe(4);
  });

  it("keeps a very short phase apart from the next at its drawn width", () => {
    const timeline = cardPhaseTimeline([phase(1, "2022-01-01T00:00:00Z", "2022-01-01T00:05:00Z"), phase(2, "2022-01-01T00:10:00Z", "2022-01-31T00:00:00Z")], NOW, "en", { minWidth: 0.05 })!;
    expect(timeline.bars.map((bar) => bar.lane)).toEqual([0, 1]);
  });

  it("runs a phase that is not counted to the axis's end, open; the axis ends at the last counted end", () => {
    const timeline = cardPhaseTimeline([phase(1, "2022-01-01T00:00:00Z", "2022-01-02T00:00:00Z"), phase(2, "2022-01-01T12:00:00Z", null)], NOW, "ru")!;
    expect(timeline.to).toEqual(at("2022-01-02T00:00:00Z"));
    expect(timeline.bars[1]).toMatchObject({ start: 0.5, end: 1, open: true, lane: 1 });
  });

  it("with nothing counted, the axis runs to now; with no phase there is no chart", () => {
    const timeline = cardPhaseTimeline([phase(1, "2029-12-31T00:00:00Z", null)], NOW, "en")!;
    expect(timeline.to).toEqual(NOW);
    expect(timeline.bars[0]).toMatchObject({ start: 0, end: 1, open: true });
    expect(cardPhaseTimeline([], NOW, "en")).toBeNull();
  });
});
