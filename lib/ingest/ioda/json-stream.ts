import { AppError } from "@/lib/errors";
import { JSONParser } from "@streamparser/json";
import { formatBytes, INGEST_LIMITS, IngestLimitError } from "../limits";

/**
 * Streams the values found at a few JSON paths of a large document (or of a
 * sequence of documents: JSON Lines or plain concatenation), without holding
 * the document in memory: each selected value is handed over as soon as it is
 * complete and then dropped from its parent. Used by the IODA and Cloudflare
 * parsers, whose payloads are one envelope around a long `data`/`result` list.
 *
 * Paths use @streamparser/json's syntax: `$.data.*` selects every element of
 * the top-level `data` array. Never select a container *and* its children:
 * the container would then be kept whole.
 *
 * Text that is not JSON throws JsonSyntaxError: a broken document cannot be
 * re-synchronised, so nothing after the break could be trusted.
 *
 * No value may take more than `maxRecordBytes` of input (default
 * INGEST_LIMITS.jsonRecordBytes) — counted from the end of the value before
 * it, so the parts of the document between records count too — or the read
 * fails with an IngestLimitError: the parser holds an unfinished value
 * whole, and a record of gigabytes would otherwise fill memory.
 */

export class JsonSyntaxError extends AppError {
  constructor(message: string) {
    super("VALIDATION", message);
    this.name = "JsonSyntaxError";
  }
}

export type SelectedJsonValue = {
  /** Keys from the document root to the value: ["data", 3]. */
  path: (string | number)[];
  value: unknown;
};

/** Bytes handed to the parser at once: the record limit is checked between writes. */
const WRITE_BYTES = 256 * 1024;

export async function* selectJsonValues(
  input: AsyncIterable<Buffer | string | Uint8Array>,
  paths: string[],
  options: { maxRecordBytes?: number; what?: string } = {},
): AsyncGenerator<SelectedJsonValue> {
  const maxRecordBytes = options.maxRecordBytes ?? INGEST_LIMITS.jsonRecordBytes;
  const parser = new JSONParser({ paths, keepStack: false, separator: "" });
  const ready: SelectedJsonValue[] = [];
  let failure: Error | null = null;
  let sinceLastValue = 0;
  parser.onValue = ({ value, key, stack }) => {
    const parents = stack.slice(1).map((element) => element.key as string | number);
    ready.push({ path: key === undefined ? parents : [...parents, key], value });
    sinceLastValue = 0;
  };
  parser.onError = (error) => {
    failure ??= new JsonSyntaxError(`The input is not valid JSON: ${error.message}`);
  };

  for await (const chunk of input) {
    if (failure) break;
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk instanceof Buffer ? chunk : Buffer.from(chunk);
    for (let offset = 0; offset < bytes.length && !failure; offset += WRITE_BYTES) {
      const piece = bytes.subarray(offset, offset + WRITE_BYTES);
      try {
        parser.write(piece);
      } catch (error) {
        failure ??= new JsonSyntaxError(`The input is not valid JSON: ${(error as Error).message}`);
      }
      sinceLastValue += piece.length;
      if (sinceLastValue > maxRecordBytes) {
        failure ??= new IngestLimitError(
          `${options.what ?? "The input"} has a record larger than ${formatBytes(maxRecordBytes)}, the limit for one JSON record; nothing after it was read.`,
          "jsonRecordBytes",
        );
      }
      while (ready.length > 0) yield ready.shift()!;
    }
  }
  if (!failure && !parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      failure ??= new JsonSyntaxError(`The input is not valid JSON: ${(error as Error).message}`);
    }
  }
  while (ready.length > 0) yield ready.shift()!;
  if (failure) throw failure;
}

/** `data[0][3].values[5]` from ["data", 0, 3, "values", 5]. */
export function jsonPathText(path: (string | number)[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");
}
