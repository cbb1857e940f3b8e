import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { formatBytes, INGEST_LIMITS, IngestLimitError } from "./limits";

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export type DecompressOptions = {
  /** Most bytes the plain input may have (default INGEST_LIMITS.inputBytes); a console upload passes its own. */
  maxBytes?: number;
  /** Says where the limit comes from in the error, e.g. "the limit for console uploads". */
  limitName?: "inputBytes" | "uploadInputBytes";
};

/**
 * The input as plain bytes: gzip (recognised by its magic bytes, whatever the
 * file is called, so `.gz` files and gzipped standard input both work) is
 * decompressed on the fly, anything else passes through unchanged. Streams:
 * only the first chunk is looked at before it is passed on.
 *
 * The plain bytes are counted as they are read: past `maxBytes` the stream
 * fails with an IngestLimitError, so a gzip bomb (a few megabytes that
 * inflate to gigabytes) costs at most `maxBytes` of decompression and never
 * more memory than one chunk.
 */
export async function decompressInput(input: Readable, options: DecompressOptions = {}): Promise<Readable> {
  const limitName = options.limitName ?? "inputBytes";
  const maxBytes = options.maxBytes ?? INGEST_LIMITS[limitName];
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
  const gzipped = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  // A corrupt or truncated gzip destroys the stream with zlib's error, which the parser's read rethrows.
  const plain = gzipped ? pipeline(bytes, createGunzip(), () => undefined) : bytes;
  const what = limitName === "uploadInputBytes" ? "the limit for files uploaded in the console" : "the limit for one input";
  async function* counted(): AsyncGenerator<Buffer> {
    let total = 0;
    try {
      for await (const chunk of plain as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) {
          throw new IngestLimitError(
            `The input is larger than ${formatBytes(maxBytes)}${gzipped ? " once decompressed" : ""} (${what}); nothing after that point was read.` +
              (limitName === "uploadInputBytes" ? " Split the file, or load it with npm run ingest." : " Split the file."),
            limitName,
          );
        }
        yield chunk;
      }
    } finally {
      // Stops the decompression (and the read of the file) when the consumer stops early or the limit is hit.
      plain.destroy();
      if (!input.destroyed && !input.readableEnded) input.destroy();
    }
  }
  return Readable.from(counted(), { objectMode: false });
}
