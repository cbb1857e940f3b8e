import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decompressInput } from "./decompress-input";

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
