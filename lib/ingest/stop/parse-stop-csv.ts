import { Readable, Transform, pipeline } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse, type CsvError } from "csv-parse";
import { columnName, detectStopLayout, StopHeaderError, type StopLayout } from "./columns";
import { buildStopDraft, type StopDraft } from "./draft";
import { countryOf, normaliseStopRow, sameCountry, type StopProblem, type StopRecord } from "./record";
import type { StopReference } from "./reference";

/**
 * Reads a #KeepItOn STOP CSV export, row by row, without holding the file in
 * memory. It yields, in file order:
 *
 * - `header`: the layout (sheet variant, column positions, ignored columns);
 * - `row`: a usable row of the wanted country, normalised and mapped to a draft;
 * - `reject`: a row of the wanted country (or with no country) that cannot be
 *   used, with its problems and the row's text verbatim;
 * - `skipped`: a row of another country.
 *
 * Line numbers are the physical line on which a record starts, counting from
 * 1 for the header, so a quoted cell spanning lines does not shift the lines
 * of the rows after it. An unrecognisable header throws StopHeaderError
 * (nothing in the file can be read without it).
 */
export type StopParseEvent =
  | { kind: "header"; layout: StopLayout }
  | { kind: "row"; line: number; raw: string; record: StopRecord; draft: StopDraft }
  | { kind: "reject"; line: number; raw: string; problems: StopProblem[] }
  | { kind: "skipped"; line: number; country: string };

export type ParseStopOptions = {
  /** Rows of this country are imported; compared without case or extra spaces. Default "Kazakhstan". */
  country?: string;
  reference: StopReference;
};

export const DEFAULT_STOP_COUNTRY = "Kazakhstan";

/** Longest record accepted: a quote never closed must not swallow a large file into memory. */
const MAX_RECORD_BYTES = 1_000_000;

/** Decodes UTF-8 across chunk boundaries, drops a byte-order mark and turns CRLF (or a lone CR) into LF. */
function utf8LineFeeds(): Transform {
  const decoder = new StringDecoder("utf8");
  let first = true;
  let pendingCarriageReturn = false;
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
      callback(null, normalise(decoder.write(chunk), false));
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
      skips.push({ line, raw: text, message: csvErrorMessage(error) });
    },
  });
  pipeline(source, utf8LineFeeds(), parser, () => undefined);

  let layout: StopLayout | null = null;
  const flushSkips = function* (beforeLine: number): Generator<StopParseEvent> {
    while (skips.length > 0 && skips[0]!.line < beforeLine) {
      const skip = skips.shift()!;
      yield { kind: "reject", line: skip.line, raw: skip.raw, problems: [{ column: null, message: skip.message }] };
    }
  };

  for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
    const cells = parsed.record;
    const { line, text } = locate(parsed.raw, parsed.info.lines);
    if (cells.every((cell) => cell.trim() === "")) continue;
    if (!layout) {
      layout = detectStopLayout(cells);
      yield { kind: "header", layout };
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
  if (!layout) throw new StopHeaderError("The file is empty: a #KeepItOn STOP export starts with its header row.");
  yield* flushSkips(Number.POSITIVE_INFINITY);
}
