import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChangeList } from "@/components/staff/change-list";
import type { FieldChange } from "@/lib/incidents/diff";
import { MESSAGES } from "@/lib/i18n/messages";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";

function render(changes: FieldChange[], locale: "en" | "ru" = "en") {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone={KAZAKHSTAN_TIME_ZONE}>
      <ChangeList changes={changes} operators={[{ slug: "kcell", name: "Kcell" }]} regions={[{ slug: "almaty-city", name: "Almaty" }]} />
    </NextIntlClientProvider>,
  );
}

/** The text of each body row's cells. */
function rows(html: string): string[][] {
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'")),
  );
}

describe("ChangeList", () => {
  it("is a table with a caption and column headers", () => {
    const html = render([{ path: "title", before: "Old", after: "New" }]);
    expect(html).toContain("<caption>Changes</caption>");
    expect(html).toContain('<th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th>');
    expect(rows(html)).toEqual([["Title", "Old", "New"]]);
  });

  it("labels nested fields and shows instants in Kazakhstan time with the offset of the day", () => {
    const html = render([
      { path: "phases.1.endsAt", before: "2022-01-05T11:15:00.000Z", after: "2025-01-05T11:15:00.000Z" },
      { path: "translations.ru.title", before: null, after: "Отключение" },
    ]);
    expect(rows(html)).toEqual([
      ["Phase 2 › End", "5 January 2022, 17:15 UTC+6", "5 January 2025, 16:15 UTC+5"],
      ["Title (Russian)", "none", "Отключение"],
    ]);
    expect(html).toContain('dateTime="2022-01-05T11:15:00.000Z"');
  });

  it("shows enum values, lists, references and amounts by their labels", () => {
    const html = render([
      { path: "status", before: "DRAFT", after: "PUBLISHED" },
      { path: "type", before: "FULL_BLACKOUT", after: "THROTTLING" },
      { path: "phases.0.startPrecision", before: "EXACT", after: "DAY" },
      { path: "services", before: ["WHATSAPP"], after: ["WHATSAPP", "TELEGRAM"] },
      { path: "operators", before: [], after: ["kcell", "unknown-isp"] },
      { path: "sources.0.phase", before: 0, after: 1 },
      { path: "discrepancies.0.sources", before: [0, 2], after: [1] },
      { path: "impactEstimates.0.lowUsd", before: 400000000, after: null },
      { path: "sources.1.publishedOn", before: null, after: "2022-01-05" },
    ]);
    expect(rows(html)).toEqual([
      ["Status", "Draft", "Published"],
      ["Type", "Full blackout", "Throttling"],
      ["Phase 1 › Start precision", "Exact", "To the day"],
      ["Services affected", "WhatsApp", "WhatsApp, Telegram"],
      ["Operators", "none", "Kcell, unknown-isp"],
      ["Source 1 › Supports phase", "Phase 1", "Phase 2"],
      ["Discrepancy 1 › Sources that disagree", "Source 1, Source 3", "Source 2"],
      ["Estimate 1 › Low estimate (USD)", "US$400,000,000", "none"],
      ["Source 2 › Published on", "none", "5 January 2022"],
    ]);
  });

  it("summarises added and removed items", () => {
    const html = render([
      { path: "phases.2", before: null, after: { label: "Recut", type: "MOBILE_DATA_SHUTDOWN", startsAt: "2022-01-06T00:00:00Z", startPrecision: "DAY" } },
      { path: "sources.0", before: { kind: "NEWS", url: "https://example.org/a", publisher: "Example" }, after: null },
      { path: "acknowledgements.0", before: null, after: { party: "OPERATOR", operator: "kcell", statement: "We complied with the order." } },
      { path: "impactEstimates.1", before: null, after: { highUsd: 1000000, estimatedBy: "Top10VPN" } },
    ]);
    expect(rows(html)).toEqual([
      ["Phase 3", "none", "Recut (Mobile data shutdown)"],
      ["Source 1", "https://example.org/a — Example", "none"],
      ["Statement 1", "none", "Kcell: We complied with the order."],
      ["Estimate 2", "none", "Top10VPN: up to US$1,000,000"],
    ]);
  });

  it("shortens long text and keeps the full text in a disclosure", () => {
    const long = "word ".repeat(100).trim();
    const html = render([{ path: "body", before: "", after: long }]);
    expect(html).toContain("<details");
    expect(html).toContain("show all");
    expect(html).toContain(`<p class="${/<p class="([^"]+)">word/.exec(html)?.[1]}">${long}</p>`);
  });

  it("renders markup in values as text", () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const html = render([
      { path: "title", before: payload, after: "safe" },
      { path: "sources.0", before: null, after: { kind: "NEWS", url: "https://example.org", title: payload, publisher: payload } },
    ]);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("says when there are no changes, in Russian too", () => {
    expect(render([])).toContain("No changes.");
    expect(rows(render([{ path: "phases.0.label", before: "A", after: "B" }], "ru"))).toEqual([["Фаза 1 › Название", "A", "B"]]);
  });
});
