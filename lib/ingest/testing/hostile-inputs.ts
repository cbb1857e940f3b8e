import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";

/**
 * Inputs an attacker would upload, made without writing gigabytes anywhere:
 *
 * - a **gzip bomb**: gzip allows several members one after another, and
 *   gunzip reads them as one stream, so one member of 64 MiB of the same byte
 *   (about 64 KB compressed) repeated N times inflates to N × 64 MiB;
 * - **endless lines**: the same with no line break at all.
 *
 * Both exist as a few megabytes of compressed bytes (held in memory, or
 * streamed); what they expand to is only ever produced by the reader.
 */

const MEMBER_PLAIN_BYTES = 64 * 1024 * 1024;
const members = new Map<string, Buffer>();

/** One gzip member of 64 MiB of `text` repeated, compressed once per text. */
function member(text: string): Buffer {
  let cached = members.get(text);
  if (!cached) {
    const unit = Buffer.from(text, "utf8");
    const plain = Buffer.alloc(MEMBER_PLAIN_BYTES - (MEMBER_PLAIN_BYTES % unit.length), unit);
    cached = gzipSync(plain, { level: 9 });
    members.set(text, cached);
  }
  return cached;
}

/** Gzip bytes inflating to about `plainBytes` (rounded up to 64 MiB) of `text` repeated, optionally after a first line. */
export function gzipBomb(plainBytes: number, options: { text?: string; prefix?: string } = {}): Buffer {
  const count = Math.max(1, Math.ceil(plainBytes / MEMBER_PLAIN_BYTES));
  const parts: Buffer[] = [];
  if (options.prefix) parts.push(gzipSync(Buffer.from(options.prefix, "utf8")));
  const one = member(options.text ?? "\0");
  for (let index = 0; index < count; index += 1) parts.push(one);
  return Buffer.concat(parts);
}

/** The same bomb as a stream, one member at a time. */
export function gzipBombStream(plainBytes: number, options: { text?: string; prefix?: string } = {}): Readable {
  const bomb = gzipBomb(plainBytes, options);
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bomb.length; offset += 64 * 1024) yield bomb.subarray(offset, offset + 64 * 1024);
    })(),
  );
}

/** A plain (not compressed) stream: `prefix`, then `lineBytes` of "x" without a line break, then `suffix`; produced as it is read. */
export function endlessLineStream(lineBytes: number, options: { prefix?: string; suffix?: string } = {}): Readable {
  const chunk = Buffer.alloc(1024 * 1024, "x");
  return Readable.from(
    (function* () {
      if (options.prefix) yield Buffer.from(options.prefix, "utf8");
      for (let sent = 0; sent < lineBytes; sent += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, lineBytes - sent));
      if (options.suffix) yield Buffer.from(options.suffix, "utf8");
    })(),
  );
}
