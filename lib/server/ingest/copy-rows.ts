import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * Streaming `COPY … FROM STDIN` in PostgreSQL's text format, for the bulk
 * ingest writer. Rows are joined into chunks of lines and written with
 * backpressure (stream/promises pipeline), so a batch never sits in memory
 * twice over.
 */

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** One text-format field: backslash, tab and line breaks escaped; null as \N. NUL, which PostgreSQL text cannot hold, becomes U+FFFD. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  return value.replace(/[\\\n\r\t]/g, (character) => ESCAPES[character]!).replace(/\u0000/g, "\uFFFD");
}

/** A PostgreSQL array literal of text values, e.g. {"KZ","KZ-ALA"} (before copyField escaping). */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`).join(",")}}`;
}

const LINES_PER_CHUNK = 2_000;

async function* chunksOf<T>(rows: Iterable<T>, toLine: (row: T) => string): AsyncGenerator<string> {
  let lines: string[] = [];
  for (const row of rows) {
    lines.push(toLine(row));
    if (lines.length >= LINES_PER_CHUNK) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

/**
 * COPYs rows into `table (columns)` on this client. `toLine` returns one
 * text-format line without its line feed: fields joined by tabs, each passed
 * through copyField unless it is a number or a known-safe string.
 */
export async function copyRows<T>(client: pg.PoolClient | pg.Client, target: string, rows: Iterable<T>, toLine: (row: T) => string): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  await pipeline(Readable.from(chunksOf(rows, toLine)), stream);
}
