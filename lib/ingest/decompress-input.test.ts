import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decompressInput } from "./decompress-input";
import { IngestLimitError } from "./limits";
import { endlessLineStream, gzipBomb } from "./testing/hostile-inputs";

async function text(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

const chunked = (bytes: Buffer, size: number) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size)));

describe("decompressInput", () => {
  const body = '{"measurement_start_time":"2022-05-24 01:20:29"}\n'.repeat(50);

  it("passes plain input through unchanged", async () => {
    expect(await text(await decompressInput(chunked(Buffer.from(body), 7)))).toBe(body);
  });

  it("decompresses gzip recognised by its magic bytes, even when they arrive one byte at a time", async () => {
    expect(await text(await decompressInput(chunked(gzipSync(Buffer.from(body)), 1)))).toBe(body);
  });

  it("handles empty and one-byte inputs", async () => {
    expect(await text(await decompressInput(Readable.from([])))).toBe("");
    expect(await text(await decompressInput(Readable.from([Buffer.from("x")])))).toBe("x");
  });

  it("fails the read on a truncated gzip", async () => {
    const truncated = gzipSync(Buffer.from(body)).subarray(0, 30);
    await expect(text(await decompressInput(Readable.from([truncated])))).rejects.toThrow();
  });
});

describe("decompressInput's size limit", () => {
  it("stops a gzip bomb at the limit, naming it, after reading no more than the limit", async () => {
    // 4 GiB of zeros in about 4 MB of gzip.
    const bomb = gzipBomb(4 * 1024 ** 3);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    let read = 0;
    const plain = await decompressInput(Readable.from([bomb]), { maxBytes: 32 * 1024 * 1024 });
    const reading = (async () => {
      for await (const chunk of plain) read += (chunk as Buffer).length;
    })();
    await expect(reading).rejects.toThrow(/larger than 32 MiB once decompressed/);
    await expect(reading).rejects.toBeInstanceOf(IngestLimitError);
    expect(read).toBeLessThanOrEqual(32 * 1024 * 1024);
  });

  it("counts plain input too, and says which limit a console upload hit", async () => {
    const input = endlessLineStream(3 * 1024 * 1024);
    await expect(text(await decompressInput(input, { maxBytes: 1024 * 1024, limitName: "uploadInputBytes" }))).rejects.toThrow(
      /larger than 1 MiB \(the limit for files uploaded in the console\)/,
    );
    expect(input.destroyed).toBe(true);
  });

  it("lets an input of exactly the limit through", async () => {
    expect(await text(await decompressInput(Readable.from([Buffer.alloc(1000, "a")]), { maxBytes: 1000 }))).toHaveLength(1000);
  });
});
