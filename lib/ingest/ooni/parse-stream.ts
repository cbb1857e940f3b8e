import { pipeline, Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import type { IngestItem, RejectItem } from "../types";
import type { OoniAggregationContext } from "./aggregation";
import { ooniDocumentItems } from "./document";

/**
 * Reads an OONI file or stream and yields its items in order. The input is
 * gunzipped when it starts with the gzip magic bytes (1f 8b), then read line
 * by line (UTF-8, a byte-order mark and CRLF tolerated):
 *
 * - **JSON Lines** (the first or second non-blank line is a JSON value on its
 *   own): each line is parsed alone and forgotten, so memory stays flat
 *   whatever the file size; positions are line numbers; a line that is not
 *   JSON is a RejectItem.
 * - **One document** (a single line, or a pretty-printed document whose
 *   first two lines are not JSON alone): the document is held and parsed
 *   whole (API responses are small; at most MAX_DOCUMENT_CHARS). Elements of
 *   its arrays are numbered by index. If it does not parse but some of its
 *   lines do, it is read as JSON Lines after all; if nothing parses, the
 *   whole text is one RejectItem.
 *
 * What the document is (measurements page, aggregation, measurement_meta,
 * raw measurement or array of them) is recognised by ooniDocumentItems.
 * `\/` escapes are plain JSON and decode to "/". Damaged gzip data or a
 * line longer than MAX_DOCUMENT_CHARS throws OoniInputError.
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
  const head: Line[] = [];
  const blank: Line[] = [];
  while (head.length < 2) {
    const next = await lines.next();
    if (next.done) break;
    (next.value.text.trim() === "" ? blank : head).push(next.value);
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
    yield* jsonLineItems(first, firstParsed, context);
    yield* jsonLineItems(second, secondParsed, context);
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      yield* jsonLineItems(next.value, parseJson(next.value.text), context);
    }
    return;
  }
  const buffered = [...blank, first, second];
  let chars = first.text.length + second.text.length;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    chars += next.value.text.length + 1;
    if (chars > MAX_DOCUMENT_CHARS) {
      throw new OoniInputError(`The input is neither JSON Lines nor a JSON document of at most ${MAX_DOCUMENT_CHARS} characters`);
    }
    buffered.push(next.value);
  }
  yield* bufferedDocumentItems(buffered, context);
}

/** Largest single document or line read into memory (characters). */
export const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

export class OoniInputError extends Error {
  constructor(message: string) {
    super(message);
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

type Line = { number: number; text: string };
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

function* jsonLineItems(line: Line, parsed: ParsedJson, context: OoniAggregationContext): Generator<IngestItem> {
  if (line.text.trim() === "") return;
  if (!parsed.ok) {
    yield notJsonReject(line, parsed, `line ${line.number}`);
    return;
  }
  yield* ooniDocumentItems(parsed.value, { line: line.number, text: line.text, inJsonLines: true }, context);
}

function* bufferedDocumentItems(lines: Line[], context: OoniAggregationContext): Generator<IngestItem> {
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
    for (const { line, parsed } of perLine) yield* jsonLineItems(line, parsed, context);
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

/** Lines of UTF-8 text, numbered from 1, without line endings or a leading byte-order mark. */
async function* linesOf(bytes: AsyncIterable<Buffer>): AsyncGenerator<Line> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let number = 0;
  const line = (text: string): Line => {
    number += 1;
    const withoutCr = text.endsWith("\r") ? text.slice(0, -1) : text;
    return { number, text: number === 1 ? withoutCr.replace(/^\uFEFF/, "") : withoutCr };
  };
  for await (const chunk of bytes) {
    let searchFrom = pending.length;
    pending += decoder.write(chunk);
    let start = 0;
    for (let newline = pending.indexOf("\n", searchFrom); newline !== -1; newline = pending.indexOf("\n", searchFrom)) {
      yield line(pending.slice(start, newline));
      start = newline + 1;
      searchFrom = start;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_DOCUMENT_CHARS) {
      throw new OoniInputError(`Line ${number + 1} is longer than ${MAX_DOCUMENT_CHARS} characters`);
    }
  }
  pending += decoder.end();
  if (pending !== "") yield line(pending);
}
