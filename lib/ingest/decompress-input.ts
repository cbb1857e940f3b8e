import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * The input as plain bytes: gzip (recognised by its magic bytes, whatever the
 * file is called, so `.gz` files and gzipped standard input both work) is
 * decompressed on the fly, anything else passes through unchanged. Streams:
 * only the first chunk is looked at before it is passed on.
 */
export async function decompressInput(input: Readable): Promise<Readable> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let head = Buffer.alloc(0);
  let ended = false;
  while (head.length < GZIP_MAGIC.length) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head = Buffer.concat([head, typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value]);
  }
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
    }
  }
  const bytes = Readable.from(replay(), { objectMode: false });
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return bytes;
  // A corrupt or truncated gzip destroys the returned stream with zlib's error, which the parser's read rethrows.
  return pipeline(bytes, createGunzip(), () => undefined);
}
