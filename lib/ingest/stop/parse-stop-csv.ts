import { Readable, Transform, pipeline } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse, type CsvError } from "csv-parse";
import { formatBytes, INGEST_LIMITS, IngestLimitError } from "../limits";
import { columnName, detectStopLayout, StopHeaderError, type StopLayout } from "./columns";
import { buildStopDraft, type StopDraft } from "./draft";
import { countryOf, normaliseStopRow, sameCountry, type StopProblem, type StopRecord } from "./record";
import type { StopReference } from "./reference";

/**
 * Reads a #KeepItOn STOP CSV export, row by row, without holding the file in
 * memory. It yields, in file order:
 *
 * - `header`: the layout (sheet variant, column positions, ignored columns),
 *   the line it is on and the rows above it: a sheet saved with a title or a
 *   disclaimer above its header row is read from the first row (of the first
 *   MAX_ROWS_ABOVE_HEADER) that is a STOP header;
 * - `row`: a usable row of the wanted country, normalised and mapped to a draft;
 * - `reject`: a row of the wanted country (or with no country) that cannot be
 *   used, with its problems and the row's text verbatim;
 * - `skipped`: a row of another country.
 *
 * Line numbers are the physical line on which a record starts, counting from
 * 1 for the header, so a quoted cell spanning lines does not shift the lines
 * of the rows after it. No recognisable header throws StopHeaderError
 * (nothing in the file can be read without it), in one line naming the
 * columns a header needs.
 *
 * A physical line longer than INGEST_LIMITS.stopRowBytes, or a record (a
 * quoted cell spanning lines) as long, ends the read with an
 * IngestLimitError: no STOP row is that long, and nothing after a quote that
 * never closes can be split into rows.
 */
export type StopParseEvent =
  | { kind: "header"; layout: StopLayout; line: number; rowsAbove: string[] }
  | { kind: "row"; line: number; raw: string; record: StopRecord; draft: StopDraft }
  | { kind: "reject"; line: number; raw: string; problems: StopProblem[] }
  | { kind: "skipped"; line: number; country: string };

export type ParseStopOptions = {
  /** Rows of this country are imported; compared without case or extra spaces. Default "Kazakhstan". */
  country?: string;
  reference: StopReference;
};

export const DEFAULT_STOP_COUNTRY = "Kazakhstan";

/** Longest record accepted (characters): a quote never closed must not swallow a large file into memory. */
const MAX_RECORD_BYTES = INGEST_LIMITS.stopRowBytes;

/** Rows above the header row (a title, a disclaimer) looked through before the file is refused. */
export const MAX_ROWS_ABOVE_HEADER = 10;

const rowTooLong = (line: number) =>
  new IngestLimitError(
    `Line ${line} of the STOP file is longer than ${formatBytes(MAX_RECORD_BYTES)}, the limit for one STOP row (a quote that never closes?); nothing after it was read.`,
    "stopRowBytes",
  );

/**
 * Decodes UTF-8 across chunk boundaries, drops a byte-order mark and turns
 * CRLF (or a lone CR) into LF; fails on a physical line over MAX_RECORD_BYTES.
 */
function utf8LineFeeds(): Transform {
  const decoder = new StringDecoder("utf8");
  let first = true;
  let pendingCarriageReturn = false;
  let lineLength = 0;
  let lines = 1;
  const checkLines = (text: string): Error | null => {
    let start = 0;
    for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", start)) {
      if (lineLength + newline - start > MAX_RECORD_BYTES) return rowTooLong(lines);
      lineLength = 0;
      lines += 1;
      start = newline + 1;
    }
    lineLength += text.length - start;
    return lineLength > MAX_RECORD_BYTES ? rowTooLong(lines) : null;
  };
  const normalise = (text: string, final: boolean) => {
    let chunk = (pendingCarriageReturn ? "\r" : "") + text;
    pendingCarriageReturn = !final && chunk.endsWith("\r");
    if (pendingCarriageReturn) chunk = chunk.slice(0, -1);
    if (first && chunk !== "") {
      chunk = chunk.replace(/^\uFEFF/, "");
      first = false;
    }
    return chunk.replace(/\r\n?/g, "\n");
  };
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      const text = normalise(decoder.write(chunk), false);
      const tooLong = checkLines(text);
      if (tooLong) callback(tooLong);
      else callback(null, text);
    },
    flush(callback) {
      callback(null, normalise(decoder.end(), true));
    },
  });
}

type ParsedRecord = { record: string[]; raw: string; info: { lines: number } };
type PendingSkip = { line: number; raw: string; message: string };

/** A record's text without its line break and the blank lines csv-parse skipped before it, and the line it starts on. */
function locate(raw: string, endLine: number): { line: number; text: string } {
  const text = raw.replace(/\n$/, "").replace(/^(?:[ \t]*\n)+/, "");
  const breaks = text.split("\n").length - 1;
  return { line: endLine - breaks, text };
}

function csvErrorMessage(error: CsvError): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted cell is never closed, so the rest of the file cannot be split into rows";
  if (error.code === "CSV_MAX_RECORD_SIZE") return `the row is longer than ${MAX_RECORD_BYTES} characters`;
  return `the row is not valid CSV (${error.code})`;
}

export async function* parseStopCsv(input: Readable | string, options: ParseStopOptions): AsyncGenerator<StopParseEvent> {
  const wanted = options.country?.trim() || DEFAULT_STOP_COUNTRY;
  const source = typeof input === "string" ? Readable.from([Buffer.from(input, "utf8")]) : input;
  const skips: PendingSkip[] = [];
  /** A failure found while csv-parse reads (a record over the limit), thrown at the next row. */
  let fatal: Error | null = null;
  const parser = parse({
    raw: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (!error) return;
      const endLine = Number((error as CsvError & { lines?: number }).lines ?? 0);
      const { line, text } = locate(raw ?? "", endLine);
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        fatal ??= rowTooLong(line);
        return;
      }
      skips.push({ line, raw: text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text, message: csvErrorMessage(error) });
    },
  });
  const lineFeeds = utf8LineFeeds();
  // A line over the limit fails the transform: csv-parse then ends, and the failure is thrown after the rows before it.
  lineFeeds.on("error", (error) => (fatal ??= error));
  pipeline(source, lineFeeds, parser, () => undefined);

  let layout: StopLayout | null = null;
  const rowsAbove: RowAbove[] = [];
  const flushSkips = function* (beforeLine: number): Generator<StopParseEvent> {
    while (skips.length > 0 && skips[0]!.line < beforeLine) {
      const skip = skips.shift()!;
      yield { kind: "reject", line: skip.line, raw: skip.raw, problems: [{ column: null, message: skip.message }] };
    }
  };

  for await (const parsed of readUntilFatal(parser as AsyncIterable<ParsedRecord>, () => fatal)) {
    const cells = parsed.record;
    const { line, text } = locate(parsed.raw, parsed.info.lines);
    if (cells.every((cell) => cell.trim() === "")) continue;
    if (!layout) {
      const header = readHeader(cells);
      if (!header) {
        rowsAbove.push({ line, text: text.slice(0, 200), cells: rowsAbove.length === 0 ? cells : [] });
        if (rowsAbove.length >= MAX_ROWS_ABOVE_HEADER) throw noHeaderError(rowsAbove);
        continue;
      }
      layout = header;
      // Rows above the header are no data: their CSV problems are not rejects (csv-parse may already have read far beyond).
      while (skips.length > 0 && skips[0]!.line < line) skips.shift();
      yield { kind: "header", layout, line, rowsAbove: rowsAbove.map((row) => row.text) };
      continue;
    }
    yield* flushSkips(line);

    const country = countryOf(layout, cells);
    if (country !== "" && !sameCountry(country, wanted)) {
      yield { kind: "skipped", line, country };
      continue;
    }
    const normalised = normaliseStopRow(layout, cells);
    if (!normalised.ok) {
      yield { kind: "reject", line, raw: text, problems: normalised.problems };
      continue;
    }
    const currentLayout = layout;
    const built = buildStopDraft(normalised.record, options.reference, (field) => columnName(currentLayout, field));
    if (!built.ok) yield { kind: "reject", line, raw: text, problems: built.problems };
    else yield { kind: "row", line, raw: text, record: normalised.record, draft: built.draft };
  }
  if (fatal) throw fatal;
  if (!layout) {
    if (rowsAbove.length > 0) throw noHeaderError(rowsAbove);
    throw new StopHeaderError("The file is empty: a #KeepItOn STOP export starts with its header row.");
  }
  yield* flushSkips(Number.POSITIVE_INFINITY);
}

/** The records, stopping with `fatal()` as soon as it is set. */
async function* readUntilFatal<T>(records: AsyncIterable<T>, fatal: () => Error | null): AsyncGenerator<T> {
  for await (const record of records) {
    const failure = fatal();
    if (failure) throw failure;
    yield record;
  }
}

/** The layout when the row is a STOP header row, or null. */
function readHeader(cells: string[]): StopLayout | null {
  try {
    return detectStopLayout(cells);
  } catch (error) {
    if (error instanceof StopHeaderError) return null;
    throw error;
  }
}

/** A row read before the header row; the first keeps its cells for the error message. */
type RowAbove = { line: number; text: string; cells: string[] };

/** No header among the rows read: the first row's own complaint, or one naming how many rows were looked at. */
function noHeaderError(rowsAbove: RowAbove[]): StopHeaderError {
  const first = rowsAbove[0]!;
  if (rowsAbove.length === 1) {
    try {
      detectStopLayout(first.cells);
    } catch (error) {
      if (error instanceof StopHeaderError) return error;
    }
  }
  return new StopHeaderError(
    `Not a #KeepItOn STOP export: none of the first ${rowsAbove.length} rows is a STOP header row (one naming start_date, country, and shutdown_type or shutdown_extent); ` +
      `the file starts "${first.text.slice(0, 60).replace(/\s+/g, " ")}". Export the STOP sheet as CSV; a title or disclaimer above the header row is fine.`,
  );
}
