import { AppError } from "@/lib/errors";

/**
 * How much of anything one ingest takes: the limits every parser, the bulk
 * writer, the live pulls and the console's upload worker keep to, so that a
 * hostile file (a gzip bomb, a line of gigabytes, a record of megabytes)
 * ends with a clear error or reject naming the limit instead of filling
 * memory. README ("Limits") lists them for users.
 */

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const INGEST_LIMITS = {
  /** Bytes of input after decompression (gzip or not), command line and scheduled work. */
  inputBytes: 2 * GiB,
  /** The same for a file uploaded in the staff console (its compressed size is capped at 8 MB by the form). */
  uploadInputBytes: 256 * MiB,
  /** One row of the generic measurement CSV. */
  csvRowBytes: 64 * KiB,
  /** One row of a STOP sheet (long notes and source lists). */
  stopRowBytes: 1 * MiB,
  /** One JSON record: a line of JSON Lines, an element of a streamed list, or a whole JSON document read at once. */
  jsonRecordBytes: 16 * MiB,
  /** One text field the writer stores (a signal, an OONI input URL, an event description …); JSON details of an event. */
  storedFieldBytes: 64 * KiB,
  /** What a stored reject keeps of its record. */
  rejectRawBytes: 4 * KiB,
  /** A reject's reason (it may quote the record). */
  rejectReasonBytes: 1 * KiB,
  /** Records in one writer transaction. */
  batchItems: 50_000,
  /** Estimated bytes of one writer transaction's records: batches end at whichever limit comes first. */
  batchBytes: 16 * MiB,
  /** One live-pull response body (after HTTP decompression). */
  responseBytes: 64 * MiB,
  /** Heap of the process that ingests a console upload (V8's old generation). */
  uploadWorkerHeapMb: 256,
  /** Resident memory of that process; over it, the process is stopped. */
  uploadWorkerRssBytes: 640 * MiB,
  /** Longest a console upload may run. */
  uploadWorkerMilliseconds: 30 * 60_000,
} as const;

export type IngestLimitName = keyof typeof INGEST_LIMITS;

/** 16777216 → "16 MiB", 65536 → "64 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes >= GiB && bytes % GiB === 0) return `${bytes / GiB} GiB`;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

/**
 * An input over one of the limits: nothing after this point can be read
 * safely, so the run ends FAILED with this message (a VALIDATION error: the
 * command line prints it as one line, the console shows it where the file was
 * uploaded). `details.limit` names the limit for the console's translation.
 */
export class IngestLimitError extends AppError {
  constructor(
    message: string,
    readonly limit: IngestLimitName,
  ) {
    super("VALIDATION", message, { details: { reason: "limit", limit, bytes: INGEST_LIMITS[limit] } });
    this.name = "IngestLimitError";
  }
}

/**
 * At most `maxBytes` bytes of UTF-8 of `text`, cut at a character boundary,
 * with a note of how long the whole was. Rejects keep this much of their
 * record: enough to recognise it, never a copy of a hostile megabyte.
 */
export function clipText(text: string, maxBytes: number): string {
  // A JavaScript character is at most 3 UTF-8 bytes (surrogate pairs: 4 for two), so a short string needs no measuring.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes <= maxBytes) return text;
  const note = ` … [cut: ${bytes.toLocaleString("en")} bytes in all]`;
  const room = maxBytes - Buffer.byteLength(note, "utf8");
  let end = Math.min(text.length, room);
  while (end > 0 && Buffer.byteLength(text.slice(0, end), "utf8") > room) end = Math.floor(end * 0.9);
  // Never split a surrogate pair.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end) + note;
}
