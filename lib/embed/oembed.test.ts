import { describe, expect, it } from "vitest";
import { buildOembed, OEMBED_DEFAULT_WIDTH } from "./oembed";

const base = { locale: "en", origin: "https://tracker.example", title: "Shutdown timeline — Tracker", providerName: "Tracker" } as const;

describe("buildOembed", () => {
  it("keeps an embed address's theme and rolling window, and sizes the frame for the kind", () => {
    const answer = buildOembed({ ...base, view: { kind: "timeline", query: { theme: "dark", last: "30", operator: "kcell" } } });
    expect(answer).toMatchObject({ version: "1.0", type: "rich", provider_url: "https://tracker.example/", width: OEMBED_DEFAULT_WIDTH, height: 560 });
    expect(answer.html).toContain('src="https://tracker.example/embed/timeline?operator=kcell&amp;last=30&amp;theme=dark"');
    expect(answer.html).toContain("/embed.js");
  });

  it("ignores a `last` the embed would refuse, and fits within maxwidth and maxheight without the resizing script", () => {
    const answer = buildOembed({ ...base, locale: "ru", view: { kind: "map", query: { last: "0" } }, maxwidth: 300, maxheight: 200 });
    expect(answer.provider_url).toBe("https://tracker.example/ru");
    expect(answer.html).toContain('src="https://tracker.example/ru/embed/map"');
    expect([answer.width, answer.height]).toEqual([300, 200]);
    expect(answer.html).not.toContain("<script");
  });
});
