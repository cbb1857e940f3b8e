import { describe, expect, it } from "vitest";
import { decodeValues } from "./signal-chart-data";
import { signalPanelLayout } from "./signal-chart-layout";
import type { SignalPanelView } from "./signal-chart-view";
import { signalPanelMarkup } from "./signal-panel-markup";

const HOUR = 3_600_000;
const FROM = Date.parse("2022-01-05T00:00:00.000Z");
const HOSTILE = `<img src=x onerror="alert(1)">&'`;
const points = [10, 12, null, 8].map((value, index) => ({ at: new Date(FROM + index * HOUR).toISOString(), value }));
const panel: SignalPanelView = {
  signal: "ioda.bgp",
  title: HOSTILE,
  lines: [{ id: `ioda.bgp ${HOSTILE}`, signal: "ioda.bgp", asn: null, network: "all", label: HOSTILE, points, example: false } as SignalPanelView["lines"][number]],
};
const layout = signalPanelLayout({
  lines: panel.lines,
  from: FROM,
  to: FROM + 4 * HOUR,
  ticks: [{ at: FROM + HOUR, label: HOSTILE }],
  phases: [{ number: 1, start: FROM, end: FROM + HOUR, type: "FULL_BLACKOUT", label: HOSTILE }],
  events: [{ number: 1, start: FROM + 2 * HOUR, end: null, label: HOSTILE }],
  formatValue: (value) => `${value}${HOSTILE}`,
});
const markup = signalPanelMarkup({
  panel,
  layout,
  ids: "signal-ioda_bgp",
  yLabel: HOSTILE,
  lineStyles: [{ colour: "#0072B2", dash: "6 3", marker: "square" }],
  classes: { grid: "g", axis: "a", bandLabel: "b", minorTick: "m", axisLabel: "l" },
});

const unescape = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
/** The value of an attribute on the first element that has it, as the browser reads it. */
const attribute = (name: string) => unescape(new RegExp(`\\s${name}="([^"]*)"`).exec(markup)![1]!);
/** The text of the first element with this attribute, as the browser reads it. */
const textOf = (selector: string) => unescape(new RegExp(`<[a-z]+\\b[^>]*\\s${selector}[^>]*>([^<]*)<`).exec(markup)![1]!);

describe("a measured panel drawn as markup", () => {
  it("keeps every text and label text: nothing in it opens an element or an attribute", () => {
    expect(markup).not.toContain("<img");
    // Every attribute of every element is one the panel writes (a label that broke out of its quotes would add one).
    const names = new Set([...markup.matchAll(/<[a-zA-Z]+((?:\s[a-zA-Z0-9-]+="[^"]*")*)\s*\/?>/g)].flatMap((tag) => [...tag[1]!.matchAll(/\s([a-zA-Z0-9-]+)="[^"]*"/g)].map((name) => name[1])));
    expect([...names].filter((name) => !/^(data-[a-z-]+|[a-z]+[0-9]?(-[a-z]+)?|patternUnits|clipPath)$/.test(name!) || name === "onerror")).toEqual([]);
    expect(markup.match(/<[a-zA-Z]/g)!.length).toBe([...markup.matchAll(/<[a-zA-Z]+((?:\s[a-zA-Z0-9-]+="[^"]*")*)\s*\/?>/g)].length);
    // Every element is closed: as many openings (not self-closed) as closings.
    const opened = markup.match(/<[a-zA-Z]/g)!.length - markup.match(/\/>/g)!.length;
    expect(markup.match(/<\/[a-zA-Z]+>/g)!.length).toBe(opened);
    expect(textOf("data-phase-label")).toBe("1");
    expect(textOf("data-event-label")).toBe(HOSTILE);
    expect(attribute("data-event")).toBe(HOSTILE);
    expect(textOf("data-tick-x")).toBe(HOSTILE);
    expect(textOf('class="l"')).toBe(HOSTILE);
  });

  it("names each line's mark and values, drawn in its style, with the phases' patterns and the plot's clip", () => {
    expect(attribute("data-chart-mark")).toBe(`ioda.bgp ${HOSTILE}`);
    expect(attribute("data-line-label")).toBe(HOSTILE);
    expect(decodeValues(attribute("data-values"))).toEqual([10, 12, null, 8]);
    expect(markup).toContain(`d="${layout.lines[0]!.d}"`);
    expect(markup).toMatch(/<path d="M[^"]*"[^>]* stroke-dasharray="6 3"/);
    expect(markup.match(/<rect x="[^"]*" y="[^"]*" width="5" height="5"/g)).toHaveLength(layout.lines[0]!.markers.length);
    expect(markup).toContain('<pattern id="signal-ioda_bgp-p1"');
    expect(markup).toContain('fill="url(#signal-ioda_bgp-p1)"');
    expect(markup).toContain('<clipPath id="signal-ioda_bgp-plot">');
    expect(markup).toContain('clip-path="url(#signal-ioda_bgp-plot)"');
  });
});
