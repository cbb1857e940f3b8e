import { describe, expect, it } from "vitest";
import { IngestLimitError } from "../limits";
import { endlessLineStream } from "../testing/hostile-inputs";
import { JsonSyntaxError, jsonPathText, selectJsonValues } from "./json-stream";

async function* chunksOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function select(text: string, paths: string[], chunkSize = 3) {
  const values = [];
  for await (const value of selectJsonValues(chunksOf(text, chunkSize), paths)) values.push(value);
  return values;
}

describe("selectJsonValues", () => {
  it("hands over selected values with their paths, across chunk and UTF-8 character boundaries", async () => {
    const text = JSON.stringify({ error: null, data: [{ name: "Қазақтелеком" }, [1, 2]], tail: "ignored" });
    expect(await select(text, ["$.error", "$.data.*"])).toEqual([
      { path: ["error"], value: null },
      { path: ["data", 0], value: { name: "Қазақтелеком" } },
      { path: ["data", 1], value: [1, 2] },
    ]);
  });

  it("reads JSON Lines and concatenated documents", async () => {
    expect((await select('{"data":[1]}\n{"data":[2]}{"data":[3]}', ["$.data.*"])).map(({ value }) => value)).toEqual([1, 2, 3]);
  });

  it("throws JsonSyntaxError on broken or truncated JSON, after the values before the break", async () => {
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const { value } of selectJsonValues(chunksOf('{"data":[1, 2, }', 4), ["$.data.*"])) seen.push(value);
      })(),
    ).rejects.toThrow(JsonSyntaxError);
    expect(seen).toEqual([1, 2]);
    await expect(select('{"data":[1', ["$.data.*"])).rejects.toThrow(JsonSyntaxError);
  });

  it("fails on a record over the limit, after the records before it, without holding more than the limit", async () => {
    const seen: unknown[] = [];
    const input = endlessLineStream(64 * 1024 * 1024, { prefix: '{"data":[1, 2, {"huge":"', suffix: '"}, 3]}' });
    const reading = (async () => {
      for await (const { value } of selectJsonValues(input, ["$.data.*"], { maxRecordBytes: 1024 * 1024, what: "The IODA file" })) seen.push(value);
    })();
    await expect(reading).rejects.toThrow("The IODA file has a record larger than 1 MiB, the limit for one JSON record");
    await expect(reading).rejects.toBeInstanceOf(IngestLimitError);
    expect(seen).toEqual([1, 2]);
  });

  it("counts what lies between records too, and lets many records under the limit through", async () => {
    const many = JSON.stringify({ data: Array.from({ length: 2_000 }, (_, index) => ({ index, pad: "x".repeat(1_000) })) });
    expect(await select(many, ["$.data.*"], 64 * 1024).then((values) => values.length)).toBe(2_000);
    const fatHeader = JSON.stringify({ metadata: "y".repeat(40_000), data: [1] });
    await expect(
      (async () => {
        for await (const value of selectJsonValues(chunksOf(fatHeader, 1024), ["$.data.*"], { maxRecordBytes: 32 * 1024 })) void value;
      })(),
    ).rejects.toThrow(/larger than 32 KiB/);
  });

  it("writes paths the way a reader locates them", () => {
    expect(jsonPathText(["data", 0, 3, "values", 5])).toBe("data[0][3].values[5]");
  });
});
