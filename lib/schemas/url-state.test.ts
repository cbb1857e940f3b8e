import { describe, expect, it } from "vitest";
import { z } from "zod";
import { aliasesOf, listParamsOf, paramsOf, readUrlState, urlParam, viewParams } from "./url-state";

/** A made-up view with one parameter of every kind the reader knows. */
const ZExample = viewParams(
  {
    colour: urlParam(z.enum(["red", "blue"]).default("red"), { letterCase: "lower" }),
    size: z.coerce.number().int().min(1).max(9).optional(),
    window: urlParam(z.string().regex(/^w\d$/).optional(), { repeat: "once" }),
    tag: urlParam(z.array(z.string()).default([]), { commas: true }),
    from: z.string().optional(),
    to: z.string().optional(),
    shade: urlParam(z.enum(["red", "blue"]).optional(), { aliasOf: { param: "colour", toCurrent: (value: "red" | "blue") => value } }),
  },
  [(state) => (state.from !== undefined && state.to !== undefined && state.from > state.to ? { param: "to", reason: "must not be before from" } : null)],
);

const lenient = (query: Record<string, string | string[] | undefined> | URLSearchParams, allowed?: { tag?: string[] }) =>
  readUrlState(ZExample, query, { mode: "lenient", ...(allowed ? { allowed } : {}) });
const strict = (query: Record<string, string | string[] | undefined> | URLSearchParams, options: { undeclared?: "refused" | "ignored" } = {}) =>
  readUrlState(ZExample, query, { mode: "strict", ...options });

describe("readUrlState, lenient (pages and embeds)", () => {
  it("gives each parameter's default when the address leaves it out", () => {
    expect(lenient({})).toEqual({ state: { colour: "red", size: undefined, window: undefined, tag: [], from: undefined, to: undefined, shade: undefined }, ignored: [] });
  });

  it("reads one-value and list parameters, trimmed, in the declared letter case, lists split at commas and without repeats", () => {
    const { state, ignored } = lenient({ colour: " BLUE ", size: "3", tag: ["a,b", " c ", "a"], window: "w2" });
    expect(state).toMatchObject({ colour: "blue", size: 3, tag: ["a", "b", "c"], window: "w2" });
    expect(ignored).toEqual([]);
  });

  it("ignores and reports what does not fit, in the order the address gives it, and uses the default", () => {
    const { state, ignored } = lenient({ tag: "x,", size: "0", colour: "green" }, { tag: ["y"] });
    expect(state).toMatchObject({ colour: "red", size: undefined, tag: [] });
    expect(ignored).toEqual([
      { param: "tag", value: "x" },
      { param: "size", value: "0" },
      { param: "colour", value: "green" },
    ]);
  });

  it("takes the first good value of a one-value parameter and reports the others, but not a repeat of the one taken", () => {
    const { state, ignored } = lenient({ colour: ["green", "blue", "Blue", "red"] });
    expect(state.colour).toBe("blue");
    expect(ignored).toEqual([
      { param: "colour", value: "green" },
      { param: "colour", value: "red" },
    ]);
  });

  it("takes none of the values of a parameter that may be given once, and reports each", () => {
    const { state, ignored } = lenient({ window: ["w1", "w2"] });
    expect(state.window).toBeUndefined();
    expect(ignored).toEqual([
      { param: "window", value: "w1" },
      { param: "window", value: "w2" },
    ]);
  });

  it("checks values against what the view knows, as a list or a test", () => {
    expect(lenient({ tag: "a,b" }, { tag: ["b"] }).ignored).toEqual([{ param: "tag", value: "a" }]);
    const even = readUrlState(ZExample, { size: ["3", "4"] }, { mode: "lenient", allowed: { size: (size) => size % 2 === 0 } });
    expect(even.state.size).toBe(4);
    expect(even.ignored).toEqual([{ param: "size", value: "3" }]);
  });

  it("breaks a rule between parameters by ignoring the parameter the rule names", () => {
    const { state, ignored } = lenient({ from: "b", to: "a" });
    expect(state).toMatchObject({ from: "b", to: undefined });
    expect(ignored).toEqual([{ param: "to", value: "a" }]);
  });

  it("reports parameters it does not declare when told to refuse them", () => {
    expect(readUrlState(ZExample, { colour: "blue", sort: ["desc", "asc"] }, { mode: "lenient", undeclared: "refused" }).ignored).toEqual([
      { param: "sort", value: "desc" },
      { param: "sort", value: "asc" },
    ]);
  });

  it("leaves parameters it does not declare alone, and reads URLSearchParams as a page's query", () => {
    expect(lenient({ utm_source: "x", colour: "blue" })).toEqual(lenient({ colour: "blue" }));
    expect(lenient(new URLSearchParams("tag=a&colour=blue&tag=b"))).toEqual(lenient({ tag: ["a", "b"], colour: "blue" }));
  });
});

describe("readUrlState, strict (the API, downloads, social cards)", () => {
  it("answers the same state as the lenient reader when every value fits", () => {
    const query = { colour: "blue", size: "3", tag: "a,b" };
    expect(strict(query)).toEqual({ ok: true, state: lenient(query).state });
  });

  it("refuses each value that does not fit, with zod's reason", () => {
    const read = strict({ colour: "green", size: "abc" });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.refused.map((entry) => entry.name)).toEqual(["colour", "size"]);
    expect(read.refused[1]!.reason).toContain("expected number");
  });

  it("refuses a one-value parameter given twice, even when both values are good", () => {
    expect(strict({ colour: ["red", "blue"] })).toEqual({ ok: false, refused: [{ name: "colour", reason: "must be given once" }] });
  });

  it("refuses an undeclared parameter, unless told to ignore them", () => {
    expect(strict({ colour: "red", sort: "desc" })).toEqual({ ok: false, refused: [{ name: "sort", reason: "unknown parameter" }] });
    expect(strict({ colour: "red", sort: "desc" }, { undeclared: "ignored" }).ok).toBe(true);
  });

  it("names an unknown value after its parameter", () => {
    expect(readUrlState(ZExample, { tag: "b,z" }, { mode: "strict", allowed: { tag: ["b"] } })).toEqual({ ok: false, refused: [{ name: "tag", reason: 'unknown tag "z"' }] });
  });

  it("refuses the parameter a rule names", () => {
    expect(strict({ from: "b", to: "a" })).toEqual({ ok: false, refused: [{ name: "to", reason: "must not be before from" }] });
  });

  it("refuses a required parameter the address leaves out", () => {
    const ZRequired = viewParams({ id: z.string() });
    const read = readUrlState(ZRequired, {}, { mode: "strict" });
    expect(read.ok ? null : read.refused.map((entry) => entry.name)).toEqual(["id"]);
  });
});

describe("old names (aliases)", () => {
  it("stand for the current name", () => {
    expect(strict({ shade: "blue" })).toMatchObject({ ok: true, state: { colour: "blue" } });
    expect(lenient({ shade: "blue" }).state.colour).toBe("blue");
  });

  it("are refused (strict) or ignored (lenient) beside the current name", () => {
    expect(strict({ shade: "blue", colour: "red" })).toEqual({ ok: false, refused: [{ name: "shade", reason: 'the old name of "colour": give one of them' }] });
    expect(lenient({ colour: "red", shade: "blue" })).toMatchObject({ state: { colour: "red" }, ignored: [{ param: "shade", value: "blue" }] });
  });
});

describe("what a view's schema says about its parameters", () => {
  it("lists its names in order, those that take several values, and its old names", () => {
    expect(paramsOf(ZExample)).toEqual(["colour", "size", "window", "tag", "from", "to", "shade"]);
    expect(listParamsOf(ZExample)).toEqual(["tag"]);
    expect(aliasesOf(ZExample)).toEqual([{ param: "shade", aliasOf: "colour" }]);
  });
});
