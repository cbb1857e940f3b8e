import { AppError } from "@/lib/errors";
import { pipeline, Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { formatBytes, INGEST_LIMITS, IngestLimitError } from "../limits";
import type { IngestItem, RejectItem } from "../types";
import type { OoniAggregationContext } from "./aggregation";
import { classifyOoniDocument, ooniDocumentItems } from "./document";

/**
 * Reads an OONI file or stream and yields its items in order. The input is
 * gunzipped when it starts with the gzip magic bytes (1f 8b), then read line
 * by line (UTF-8, a byte-order mark and CRLF tolerated):
 *
 * - **JSON Lines** (the first or second non-blank line is a JSON value on its
 *   own): each line is parsed alone and forgotten, so memory stays flat
 *   whatever the file size; positions are line numbers; a line that is not
 *   JSON is a RejectItem. A line longer than MAX_DOCUMENT_CHARS (16 MiB) is
 *   a RejectItem too (its start only), skipped without being held.
 * - **One document** (a single line, or a pretty-printed document whose
 *   first two lines are not JSON alone): the document is held and parsed
 *   whole (API responses are small; at most MAX_DOCUMENT_CHARS, beyond which
 *   the file fails with an IngestLimitError). Elements of its arrays are
 *   numbered by index. If it does not parse but some of its lines do, it is
 *   read as JSON Lines after all; if nothing parses, the whole text is one
 *   RejectItem.
 *
 * What the document is (measurements page, aggregation with or without its
 * envelope, measurement_meta, raw measurement or array of them) is
 * recognised by its fields (ooniDocumentItems). A file whose first record is
 * none of these fails with a one-line OoniShapeError naming what was
 * expected; in JSON Lines, a later line of no known shape is a reject.
 * `\/` escapes are plain JSON and decode to "/". Damaged gzip data throws
 * OoniInputError.
 *
 * `context` names the filters of the request an aggregation file answered
 * (test, country, ASN), which OONI does not repeat in the response; rows
 * that name no network or country of their own are placed with it.
 */
export async function* parseOoniStream(input: Readable, context: OoniAggregationContext = {}): AsyncIterable<IngestItem> {
  checkAggregationContext(context);
  const lines = linesOf(decompressIfGzip(input))[Symbol.asyncIterator]();
  try {
    yield* itemsOfLines(lines, context);
  } finally {
    // A consumer that stops early still closes the input.
    await lines.return(undefined);
    if (!input.readableEnded) input.destroy();
  }
}

async function* itemsOfLines(lines: AsyncIterator<Line>, context: OoniAggregationContext): AsyncGenerator<IngestItem> {
  // Blank lines are counted by their numbers, never kept: a file of millions of them costs nothing.
  const head: Line[] = [];
  while (head.length < 2) {
    const next = await lines.next();
    if (next.done) break;
    if (next.value.text.trim() !== "" || next.value.tooLong) head.push(next.value);
  }
  const [first, second] = head;
  if (!first) return;
  if (!second) {
    yield* bufferedDocumentItems([first], context);
    return;
  }
  const firstParsed = parseJson(first.text);
  const secondParsed = parseJson(second.text);
  if (firstParsed.ok || secondParsed.ok) {
    const file: JsonLinesFile = { recognised: false };
    yield* jsonLineItems(first, firstParsed, context, file);
    yield* jsonLineItems(second, secondParsed, context, file);
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      yield* jsonLineItems(next.value, parseJson(next.value.text), context, file);
    }
    return;
  }
  const buffered = [first, second];
  let chars = first.text.length + second.text.length;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    chars += next.value.text.length + 1;
    if (chars > MAX_DOCUMENT_CHARS || next.value.tooLong) throw documentTooLarge();
    if (next.value.text.trim() !== "") buffered.push(next.value);
  }
  yield* bufferedDocumentItems(buffered, context);
}

/** Largest single document or line read into memory (characters; INGEST_LIMITS.jsonRecordBytes). */
export const MAX_DOCUMENT_CHARS = INGEST_LIMITS.jsonRecordBytes;
/** Characters kept of a line that was too long (its reject shows this much). */
const LONG_LINE_SHOWN = 1024;
const RECORD_LIMIT = `${formatBytes(MAX_DOCUMENT_CHARS)}, the limit for one JSON record`;

const documentTooLarge = () =>
  new IngestLimitError(
    `The OONI file is one JSON document larger than ${RECORD_LIMIT} read whole. Save API responses page by page, or measurements as JSON Lines (one per line).`,
    "jsonRecordBytes",
  );

/** Whether a JSON Lines file has shown a record of a known OONI shape yet. */
type JsonLinesFile = { recognised: boolean };

export class OoniInputError extends AppError {
  constructor(message: string) {
    super("VALIDATION", message);
    this.name = "OoniInputError";
  }
}

function checkAggregationContext(context: OoniAggregationContext): void {
  if (context.probeCc !== undefined && !/^[A-Za-z]{2}$/.test(context.probeCc)) {
    throw new OoniInputError(`The country given for the file must be a two-letter code (got "${context.probeCc}")`);
  }
  if (context.probeAsn !== undefined && !(Number.isInteger(context.probeAsn) && context.probeAsn > 0)) {
    throw new OoniInputError(`The ASN given for the file must be a positive integer (got ${context.probeAsn})`);
  }
}

/** `tooLong`: the line was longer than MAX_DOCUMENT_CHARS; `text` holds its start only, the rest was skipped. */
type Line = { number: number; text: string; tooLong?: boolean };
type ParsedJson = { ok: true; value: unknown } | { ok: false; value: undefined; error: string };

function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, value: undefined, error: (error as Error).message };
  }
}

function notJsonReject(line: Line, parsed: ParsedJson & { ok: false }, what: string): RejectItem {
  return { kind: "reject", position: line.number, reason: `${what} is not valid JSON (${parsed.error})`, raw: line.text };
}

function* jsonLineItems(line: Line, parsed: ParsedJson, context: OoniAggregationContext, file: JsonLinesFile): Generator<IngestItem> {
  if (line.tooLong) {
    yield { kind: "reject", position: line.number, reason: `line ${line.number} is longer than ${RECORD_LIMIT}; it was skipped`, raw: line.text };
    return;
  }
  if (line.text.trim() === "") return;
  if (!parsed.ok) {
    yield notJsonReject(line, parsed, `line ${line.number}`);
    return;
  }
  // The first record recognises the file; after that, a record of another shape is one reject, not the end of the file.
  const known = classifyOoniDocument(parsed.value) !== null;
  yield* ooniDocumentItems(parsed.value, { line: line.number, text: line.text, inJsonLines: true }, context, file.recognised ? "reject" : "throw");
  if (known) file.recognised = true;
}

function* bufferedDocumentItems(lines: Line[], context: OoniAggregationContext): Generator<IngestItem> {
  if (lines.some((line) => line.tooLong)) throw documentTooLarge();
  lines.sort((a, b) => a.number - b.number);
  const text = lines.map((line) => line.text).join("\n");
  const firstLine = lines.find((line) => line.text.trim() !== "") ?? { number: 1, text: "" };
  const whole = parseJson(text);
  if (whole.ok) {
    yield* ooniDocumentItems(whole.value, { line: firstLine.number, text, inJsonLines: false }, context);
    return;
  }
  const perLine = lines.map((line) => ({ line, parsed: parseJson(line.text) }));
  if (perLine.some(({ parsed }) => parsed.ok)) {
    const file: JsonLinesFile = { recognised: false };
    for (const { line, parsed } of perLine) yield* jsonLineItems(line, parsed, context, file);
    return;
  }
  yield notJsonReject({ number: firstLine.number, text }, whole, "the input (neither one JSON document nor JSON Lines)");
}

const GZIP_MAGIC = [0x1f, 0x8b];

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  throw new OoniInputError("The input stream must yield bytes or text");
}

/** The input's bytes, gunzipped when they start with the gzip magic bytes. */
async function* decompressIfGzip(input: Readable): AsyncGenerator<Buffer> {
  const chunks = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < GZIP_MAGIC.length) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = asBuffer(next.value);
    head.push(chunk);
    headBytes += chunk.length;
  }
  async function* allBytes(): AsyncGenerator<Buffer> {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield asBuffer(next.value);
  }
  const start = Buffer.concat(head);
  if (start[0] !== GZIP_MAGIC[0] || start[1] !== GZIP_MAGIC[1]) {
    yield* allBytes();
    return;
  }
  const gunzipped = pipeline(Readable.from(allBytes()), createGunzip(), () => {});
  try {
    for await (const chunk of gunzipped) yield asBuffer(chunk);
  } catch (error) {
    throw new OoniInputError(`The gzip data is damaged (${(error as Error).message})`);
  }
}

/**
 * Lines of UTF-8 text, numbered from 1, without line endings or a leading
 * byte-order mark; blank lines are skipped (their numbers count). A line longer than MAX_DOCUMENT_CHARS is yielded as its
 * start (tooLong) and the rest of it is skipped as it arrives, so a line of
 * gigabytes never sits in memory.
 */
async function* linesOf(bytes: AsyncIterable<Buffer>): AsyncGenerator<Line> {
  const decoder = new StringDecoder("utf8");
  // The start of the current line, in the pieces it arrived in: joined once, when its end arrives (never re-scanned).
  let pieces: string[] = [];
  let piecesLength = 0;
  let number = 0;
  /** Skipping the rest of a line that was too long. */
  let skipping = false;
  const line = (text: string): Line => {
    number += 1;
    const withoutCr = text.endsWith("\r") ? text.slice(0, -1) : text;
    return { number, text: number === 1 ? withoutCr.replace(/^\uFEFF/, "") : withoutCr };
  };
  /** Blank lines only count: no reader uses them, and a file of millions of them must cost nothing. */
  const isBlank = (text: string) => text.length === 0 || text === "\r" || text.trim() === "";
  const takeLine = (end: string): string => {
    const text = pieces.length === 0 ? end : pieces.join("") + end;
    pieces = [];
    piecesLength = 0;
    return text;
  };
  for await (const chunk of bytes) {
    let text = decoder.write(chunk);
    if (skipping) {
      const newline = text.indexOf("\n");
      if (newline === -1) continue;
      text = text.slice(newline + 1);
      skipping = false;
    }
    let start = 0;
    for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", start)) {
      const whole = takeLine(text.slice(start, newline));
      if (isBlank(whole)) number += 1;
      else yield line(whole);
      start = newline + 1;
    }
    if (start < text.length) {
      pieces.push(start === 0 ? text : text.slice(start));
      piecesLength += text.length - start;
    }
    if (piecesLength > MAX_DOCUMENT_CHARS) {
      const shown = takeLine("").slice(0, LONG_LINE_SHOWN);
      yield { ...line(`${shown} …`), tooLong: true };
      skipping = true;
    }
  }
  const last = takeLine(decoder.end());
  if (last !== "" && !skipping) yield line(last);
}
