import { describe, expect, it } from "vitest";
import { allValuesTableHtml } from "./all-values-table-html";
import type { SignalPanelView } from "./signal-chart-view";

const line = (id: string, label: string, values: (number | null)[]) =>
  ({
    id,
    label,
    signal: "ioda.bgp",
    asn: null,
    network: "all",
    example: false,
    points: values.map((value, index) => ({ at: `2022-01-0${index + 1}T00:00:00.000Z`, value })),
    stats: {},
  }) as unknown as SignalPanelView["lines"][number];

describe("allValuesTableHtml", () => {
  const panel = {
    signal: "ioda.bgp",
    title: "BGP",
    lines: [line("a", "AS1 <b>", [1, null, 3]), line("b", `"quoted" & 'more'`, [4, 5, null])],
  } as SignalPanelView;
  const html = allValuesTableHtml({
    panel,
    caption: "All values: <BGP>",
    bucketHeading: "Bucket",
    gap: "gap <none>",
    bucketStart: (at) => `day ${at.slice(8, 10)}`,
    formatValue: (value) => `${value}.0`,
  });

  it("lists one row per bucket and one column per line, gaps named", () => {
    expect(html.match(/<tr>/g)).toHaveLength(4);
    expect(html).toContain('<tr><th scope="row">day 02</th><td>gap &lt;none&gt;</td><td>5.0</td></tr>');
    expect(html).toContain('<th scope="col">Bucket</th><th scope="col">AS1 &lt;b&gt;</th><th scope="col">&quot;quoted&quot; &amp; &#39;more&#39;</th>');
  });

  it("escapes every text: nothing in it is markup", () => {
    expect(html).toContain('<caption class="visually-hidden">All values: &lt;BGP&gt;</caption>');
    expect(html).not.toMatch(/<(b|BGP|none)>/);
  });
});
