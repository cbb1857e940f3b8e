import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse as parseCsvRecord } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { formatBytes, INGEST_LIMITS } from "@/lib/ingest/limits";
import type { IngestItem, SeriesPointItem } from "@/lib/ingest/types";
import { coalitionSignal, coalitionValueProblem, COALITION_SIGNALS } from "./coalition-signals";
import { parseFeedTimestamp } from "./parse-feed-timestamp";

/**
 * The generic CSV the coalition uses for measurements it collects itself:
 *
 *   timestamp,asn,signal,value[,source]
 *
 * A header is required; columns come in any order, names and cells may carry
 * spaces around them. `timestamp` is ISO 8601 with a zone, or
 * `YYYY-MM-DD HH:MM[:SS]` without one, read as UTC. `asn` is a number
 * ("AS9198" is accepted too), `signal` one of the coalition's signals
 * (coalition-signals.ts) and `value` a number in that signal's range.
 * `source`, when present, must be blank or "coalition": this file writes
 * COALITION series only, never into the OONI, IODA or Cloudflare series,
 * which only their own importers write. Each row becomes a point of the
 * ASN's series `signal`; a row that cannot be used becomes a RejectItem with
 * its line (where it starts), the column at fault and the row as written. A
 * header without the four columns, or with unknown or repeated ones, is fatal
 * (CsvHeaderError): nothing in the file could be read safely.
 *
 * Rows are at most INGEST_LIMITS.csvRowBytes long: a longer one is rejected
 * (shown cut) and the reader skips to its end without holding it, so a line
 * of gigabytes costs no memory.
 *
 * Streaming and fast: rows without quotes (nearly all of them) are split by
 * hand, several times faster than csv-parse's streaming parser with line
 * tracking; a row with quotes, possibly spanning lines, is split by csv-parse.
 */

/** The file cannot be read as this CSV at all (a VALIDATION AppError: the CLI prints it as one line, exit 1). */
export class CsvHeaderError extends AppError {
  constructor(message: string) {
    super("VALIDATION", message);
    this.name = "CsvHeaderError";
  }
}

const REQUIRED = ["timestamp", "asn", "signal", "value"] as const;
const OPTIONAL = ["source"] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const MAX_ASN = 2_147_483_647;
/** Characters (a row's UTF-8 bytes are at least as many). */
const MAX_RECORD_BYTES = INGEST_LIMITS.csvRowBytes;
const ROW_LIMIT = `${formatBytes(MAX_RECORD_BYTES)}, the limit for one CSV row`;
const SIGNAL_NAMES = COALITION_SIGNALS.map((signal) => signal.name).join(", ");
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ASN = /^(?:AS)?(\d{1,10})$/i;

const countQuotes = (text: string) => {
  let count = 0;
  for (let index = text.indexOf('"'); index !== -1; index = text.indexOf('"', index + 1)) count += 1;
  return count;
};

/** Cells of one complete record that has quotes (csv-parse), or null when it is not valid CSV. */
function quotedCells(record: string): string[] | null {
  try {
    const [cells] = parseCsvRecord(record, { relax_column_count: true }) as string[][];
    return cells ?? [];
  } catch {
    return null;
  }
}

function columnMap(cells: string[]): Record<Column, number | undefined> {
  const names = cells.map((cell) => cell.replace(/^\uFEFF/, "").trim().toLowerCase());
  const known = new Set<string>([...REQUIRED, ...OPTIONAL]);
  const unknown = names.filter((name) => !known.has(name));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  const missing = REQUIRED.filter((name) => !names.includes(name));
  const expected = `expected the columns timestamp, asn, signal, value and optionally source, in any order`;
  if (missing.length > 0) throw new CsvHeaderError(`The CSV header lacks ${missing.join(", ")}: ${expected}.`);
  if (unknown.length > 0) throw new CsvHeaderError(`The CSV header has unknown column(s) ${unknown.map((name) => `"${name}"`).join(", ")}: ${expected}.`);
  if (repeated.length > 0) throw new CsvHeaderError(`The CSV header repeats ${[...new Set(repeated)].join(", ")}.`);
  const index = (name: Column) => (names.includes(name) ? names.indexOf(name) : undefined);
  return { timestamp: index("timestamp"), asn: index("asn"), signal: index("signal"), value: index("value"), source: index("source") };
}

/** One data row as a point, or what is wrong with it. */
function readRow(
  cells: string[],
  columns: Record<Column, number | undefined>,
  width: number,
): { point: SeriesPointItem } | { field?: string; reason: string } {
  if (cells.length !== width) return { reason: `expected ${width} cells, as in the header, found ${cells.length}` };
  const timestampText = cells[columns.timestamp!]!.trim();
  const asnText = cells[columns.asn!]!.trim();
  const signal = cells[columns.signal!]!.trim();
  const valueText = cells[columns.value!]!.trim();
  const sourceCell = columns.source === undefined ? "" : cells[columns.source]!.trim();

  const at = parseFeedTimestamp(timestampText);
  if (!at.ok) return { field: "timestamp", reason: at.reason };

  const asnMatch = ASN.exec(asnText);
  const asn = asnMatch ? Number(asnMatch[1]) : NaN;
  if (!asnMatch || asn < 1 || asn > MAX_ASN) {
    return { field: "asn", reason: asnText === "" ? "asn is blank" : `asn "${asnText}" is not an AS number from 1 to ${MAX_ASN}` };
  }

  if (signal === "") return { field: "signal", reason: "signal is blank" };
  const known = coalitionSignal(signal);
  if (!known) return { field: "signal", reason: `signal "${signal.slice(0, 100)}" is not one of the coalition's signals (${SIGNAL_NAMES})` };

  const value = NUMBER.test(valueText) ? Number(valueText) : NaN;
  if (!Number.isFinite(value)) return { field: "value", reason: valueText === "" ? "value is blank" : `value "${valueText.slice(0, 100)}" is not a number` };
  const outOfRange = coalitionValueProblem(known, value);
  if (outOfRange) return { field: "value", reason: outOfRange };

  const sourceText = sourceCell.toLowerCase();
  if (sourceText !== "" && sourceText !== "coalition") {
    return {
      field: "source",
      reason:
        `source "${sourceCell.slice(0, 40)}": this CSV stores the coalition's own measurements only; ` +
        "OONI, IODA and Cloudflare data go through their own importers (npm run ingest -- ooni|ioda|cloudflare, or that feed on Staff → Feeds)",
    };
  }

  return {
    point: { kind: "point", source: "COALITION", signal, entityType: "ASN", entityCode: String(asn), asn, at: at.date, value, unit: known.unit },
  };
}

type Line = { number: number; text: string };

/**
 * Records with their first line and text as written: lines are split by hand
 * (the common case, a row without quotes, is split on commas), and a record
 * with quotes is completed across lines until its quotes balance, then split
 * by csv-parse. Memory holds one chunk and at most one record.
 */
type CsvRecord = { line: number; raw: string; cells: string[] | null; problem?: string };

/** Yields the records of each chunk read, as one array per chunk. */
async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let lineNumber = 0;
  // The record whose quotes are not balanced yet (a quoted cell spanning lines).
  const state: { open: { line: number; text: string } | null } = { open: null };

  let ready: CsvRecord[] = [];
  function take(line: Line): void {
    if (state.open) {
      state.open.text += `\n${line.text}`;
      if (countQuotes(state.open.text) % 2 === 0) {
        const raw = state.open.text.replace(/\r$/, "");
        const start = state.open.line;
        state.open = null;
        const cells = quotedCells(raw);
        ready.push(cells ? { line: start, raw, cells } : { line: start, raw, cells: null, problem: "the row is not valid CSV" });
      } else if (state.open.text.length > MAX_RECORD_BYTES) {
        const { line: start, text } = state.open;
        state.open = null;
        ready.push({ line: start, raw: text, cells: null, problem: `the row is longer than ${ROW_LIMIT} (a quoted cell that is never closed?)` });
      }
      return;
    }
    const raw = line.text.endsWith("\r") ? line.text.slice(0, -1) : line.text;
    if (raw.trim() === "") return;
    if (!raw.includes('"')) {
      ready.push({ line: line.number, raw, cells: raw.split(",") });
      return;
    }
    if (countQuotes(raw) % 2 === 1) {
      state.open = { line: line.number, text: line.text };
      return;
    }
    const cells = quotedCells(raw);
    ready.push(cells ? { line: line.number, raw, cells } : { line: line.number, raw, cells: null, problem: "the row is not valid CSV" });
  }

  let discarding = false;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    rest = "";
    if (discarding) {
      const end = text.indexOf("\n");
      if (end === -1) continue;
      text = text.slice(end + 1);
      discarding = false;
    }
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      lineNumber += 1;
      take({ number: lineNumber, text: text.slice(start, end) });
      start = end + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_RECORD_BYTES) {
      // No row of this file is that long: report it, and skip to the end of its line.
      lineNumber += 1;
      const line = state.open ? state.open.line : lineNumber;
      const raw = (state.open ? `${state.open.text}\n${rest}` : rest).slice(0, MAX_RECORD_BYTES);
      state.open = null;
      rest = "";
      discarding = true;
      ready.push({ line, raw, cells: null, problem: `the row is longer than ${ROW_LIMIT} (shown cut; the rest of the line was skipped)` });
    }
    if (ready.length > 0) {
      yield ready;
      ready = [];
    }
  }
  rest += decoder.end();
  if (rest !== "") {
    lineNumber += 1;
    take({ number: lineNumber, text: rest });
  }
  if (state.open) {
    const { line, text } = state.open;
    ready.push({ line, raw: text.replace(/\r$/, ""), cells: null, problem: "a quoted cell is never closed" });
  }
  if (ready.length > 0) yield ready;
}

export async function* parseSeriesCsv(input: Readable): AsyncGenerator<IngestItem> {
  let columns: Record<Column, number | undefined> | null = null;
  let width = 0;
  let first = true;
  for await (const records of csvRecords(input)) {
    for (const record of records) {
      if (first && record.cells) record.cells[0] = record.cells[0]!.replace(/^\uFEFF/, "");
      first = false;
      if (!record.cells) {
        yield { kind: "reject", position: record.line, reason: record.problem ?? "the row is not valid CSV", raw: record.raw };
        continue;
      }
      if (record.cells.every((cell) => cell.trim() === "")) continue;
      if (!columns) {
        columns = columnMap(record.cells);
        width = record.cells.length;
        continue;
      }
      const row = readRow(record.cells, columns, width);
      if ("point" in row) yield row.point;
      else yield { kind: "reject", position: record.line, ...(row.field ? { field: row.field } : {}), reason: row.reason, raw: record.raw };
    }
  }
  if (!columns) throw new CsvHeaderError("The CSV is empty: expected a header row timestamp,asn,signal,value[,source].");
}
