import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * The tracker's backup file (docs/decisions/0010-backups.md). A gzip stream of
 * records; each record is one line `<KIND> <JSON>\n`, and a DATA record's JSON
 * is the length n of the n raw bytes that follow its line:
 *
 *   KST-BACKUP 1                                   what the file is, format version 1
 *   HEADER {…}                                     what it holds (ZBackupHeader)
 *   SECTION {"kind":"table","name":"operators"}    method "copy": one section per table, in restore order
 *   DATA 1048576                                   the table's rows as COPY text, in pieces of at most 1 MiB
 *   …
 *   END {"name":"operators","rows":4,"bytes":612,"sha256":"…"}
 *   SECTION {"kind":"archive","name":"pg_dump"}    method "pg_dump": one section, pg_dump's custom-format archive
 *   …
 *   TRAILER {"sha256":"…","sections":[…]}          sha256 of every byte above the TRAILER line
 *
 * The file is text apart from archive bytes, so `zcat <file> | head -2` shows
 * its header. A reader checks gzip's CRC, each section's length, row count and
 * sha256, the trailer's sha256 over everything, and that nothing follows the
 * trailer; any difference is a damaged file.
 */

export const BACKUP_MAGIC = "KST-BACKUP 1";
export const BACKUP_FORMAT = "kst-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** Largest DATA payload a writer emits, and so the most a reader buffers for one. */
export const DATA_PIECE_BYTES = 1024 * 1024;
/** A header line can hold many migrations and tables, but no file needs more than this. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ZBackupMigration = z.object({
  name: z.string().min(1),
  checksum: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
});
export type BackupMigration = z.infer<typeof ZBackupMigration>;

export const ZBackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  /** "copy": the tracker's own logical dump; "pg_dump": an archive of a matching pg_dump. */
  method: z.enum(["copy", "pg_dump"]),
  source: z.object({ database: z.string(), server: z.string(), serverMajor: z.number().int() }),
  /** The database's `_prisma_migrations` rows, in the order they were applied. */
  migrations: z.array(ZBackupMigration),
  /** Method "copy": the tables in the order of their sections (the restore order), with the columns each section's rows hold. */
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1) })),
  /** Method "copy": every sequence's state in the snapshot (`setval(name, lastValue, isCalled)`). */
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  /** Method "pg_dump": the pg_dump that wrote the archive; pg_restore must be at least this major version. */
  pgDump: z.object({ version: z.string(), major: z.number().int() }).optional(),
  /** Schemas deliberately left out, and why. */
  skipped: z.array(z.object({ schema: z.string(), reason: z.string() })),
});
export type BackupHeader = z.infer<typeof ZBackupHeader>;

const ZSection = z.object({ kind: z.enum(["table", "archive"]), name: z.string().min(1) });
export type BackupSection = z.infer<typeof ZSection>;

const ZSectionEnd = z.object({ name: z.string(), rows: z.number().int().min(0), bytes: z.number().int().min(0), sha256: ZSha256 });
export type SectionSummary = z.infer<typeof ZSectionEnd>;

const ZTrailer = z.object({ sha256: ZSha256, sections: z.array(ZSectionEnd) });
export type BackupTrailer = z.infer<typeof ZTrailer>;

function countNewlines(piece: Buffer): number {
  let count = 0;
  for (let at = piece.indexOf(10); at !== -1; at = piece.indexOf(10, at + 1)) count += 1;
  return count;
}

/**
 * Writes the records of one backup into `output` (the gzip stream), with
 * back-pressure, keeping the section and whole-file checksums as it goes.
 */
export class BackupWriter {
  private readonly whole = createHash("sha256");
  private readonly sections: SectionSummary[] = [];
  private current: { name: string; hash: Hash; rows: number; bytes: number } | null = null;

  constructor(private readonly output: Writable) {}

  private async write(bytes: Buffer) {
    this.whole.update(bytes);
    if (!this.output.write(bytes)) await once(this.output, "drain");
  }

  private line(kind: string, value: unknown) {
    return this.write(Buffer.from(`${kind} ${JSON.stringify(value)}\n`, "utf8"));
  }

  async start(header: BackupHeader) {
    await this.write(Buffer.from(`${BACKUP_MAGIC}\n`, "utf8"));
    await this.line("HEADER", ZBackupHeader.parse(header));
  }

  async beginSection(section: BackupSection) {
    if (this.current) throw new Error(`Section ${this.current.name} is still open`);
    this.current = { name: section.name, hash: createHash("sha256"), rows: 0, bytes: 0 };
    await this.line("SECTION", section);
  }

  async data(bytes: Buffer) {
    const section = this.current;
    if (!section) throw new Error("DATA outside a section");
    for (let offset = 0; offset < bytes.length; offset += DATA_PIECE_BYTES) {
      const piece = bytes.subarray(offset, offset + DATA_PIECE_BYTES);
      section.hash.update(piece);
      section.bytes += piece.length;
      section.rows += countNewlines(piece);
      await this.write(Buffer.from(`DATA ${piece.length}\n`, "utf8"));
      await this.write(piece);
    }
  }

  async endSection(): Promise<SectionSummary> {
    const section = this.current;
    if (!section) throw new Error("No section is open");
    this.current = null;
    const summary = { name: section.name, rows: section.rows, bytes: section.bytes, sha256: section.hash.digest("hex") };
    this.sections.push(summary);
    await this.line("END", summary);
    return summary;
  }

  /** Writes the trailer; the output stream is the caller's to end. */
  async finish(): Promise<BackupTrailer> {
    if (this.current) throw new Error(`Section ${this.current.name} is still open`);
    const trailer = { sha256: this.whole.digest("hex"), sections: this.sections };
    // Not through write(): the trailer's own bytes are not part of the checksum it carries.
    if (!this.output.write(Buffer.from(`TRAILER ${JSON.stringify(trailer)}\n`, "utf8"))) await once(this.output, "drain");
    return trailer;
  }
}

/** What a reader hands on, in file order; data pieces arrive between their section and its end. */
export type BackupEvent =
  | { type: "header"; header: BackupHeader }
  | { type: "section"; section: BackupSection }
  | { type: "data"; piece: Buffer }
  | { type: "end"; summary: SectionSummary }
  | { type: "trailer"; trailer: BackupTrailer };

/** Chunks waiting to be read, without copying them together more than needed. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer) {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Index of the first newline, or -1. */
  newline(): number {
    let base = 0;
    for (const chunk of this.chunks) {
      const at = chunk.indexOf(10);
      if (at !== -1) return base + at;
      base += chunk.length;
    }
    return -1;
  }

  /** Removes and returns the first n bytes (n ≤ length). */
  take(n: number): Buffer {
    const parts: Buffer[] = [];
    let needed = n;
    while (needed > 0) {
      const chunk = this.chunks[0]!;
      if (chunk.length <= needed) {
        parts.push(chunk);
        this.chunks.shift();
        needed -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, needed));
        this.chunks[0] = chunk.subarray(needed);
        needed = 0;
      }
    }
    this.length -= n;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
  }
}

/** The one-line refusal of a damaged or foreign file. */
export function damaged(file: string, problem: string): AppError {
  return new AppError("BACKUP", `The backup file ${file} is damaged or not a tracker backup: ${problem}. Nothing was restored.`);
}

function parseJson<T>(schema: z.ZodType<T>, text: string, file: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged(file, `its ${what} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damaged(file, `its ${what} is not as expected (${parsed.error.issues[0]?.path.join(".") || "value"}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}

/**
 * Reads the uncompressed records of a backup file and checks them as they
 * pass: the magic line, the header, each section's length, rows and sha256,
 * the sections the header announces, the trailer's sha256 of everything
 * before it, and that the file ends right after the trailer. Anything else
 * throws `damaged(file, …)`, so a caller may act on the events it has seen
 * only once the trailer has arrived (the restore keeps it all in one
 * transaction until then).
 */
export async function* readBackupRecords(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<BackupEvent> {
  const queue = new ByteQueue();
  const whole = createHash("sha256");
  const source = input[Symbol.asyncIterator]();
  let ended = false;

  /** Waits until at least `n` bytes are queued (false if the input ends first). */
  async function fill(n: number): Promise<boolean> {
    while (queue.length < n && !ended) {
      const next = await source.next();
      if (next.done) ended = true;
      else queue.push(next.value);
    }
    return queue.length >= n;
  }

  async function readLine(what: string): Promise<string> {
    for (;;) {
      const at = queue.newline();
      if (at !== -1) {
        if (at > MAX_LINE_BYTES) throw damaged(file, `a record line is longer than ${MAX_LINE_BYTES} bytes`);
        return queue.take(at + 1).toString("utf8");
      }
      if (queue.length > MAX_LINE_BYTES) throw damaged(file, `a record line is longer than ${MAX_LINE_BYTES} bytes`);
      if (ended || !(await fill(queue.length + 1))) {
        throw damaged(file, queue.length === 0 ? `it ends before its ${what} (the file is incomplete)` : `it ends in the middle of its ${what} (the file is incomplete)`);
      }
    }
  }

  function splitRecord(line: string): { kind: string; json: string } {
    const space = line.indexOf(" ");
    return space === -1 ? { kind: line.trimEnd(), json: "" } : { kind: line.slice(0, space), json: line.slice(space + 1, -1) };
  }

  const magic = await readLine("first line");
  if (magic !== `${BACKUP_MAGIC}\n`) {
    throw magic.startsWith("KST-BACKUP ")
      ? new AppError("BACKUP", `The backup file ${file} has format "${magic.trim()}", which this version of the tracker cannot read (it reads "${BACKUP_MAGIC}"). Nothing was restored.`)
      : damaged(file, "its first line is not the tracker's backup header");
  }
  whole.update(magic, "utf8");

  const headerLine = await readLine("header");
  whole.update(headerLine, "utf8");
  const headerRecord = splitRecord(headerLine);
  if (headerRecord.kind !== "HEADER") throw damaged(file, "its second line is not its header");
  const header = parseJson(ZBackupHeader, headerRecord.json, file, "header");
  yield { type: "header", header };

  const expected: BackupSection[] =
    header.method === "copy" ? header.tables.map((table) => ({ kind: "table", name: table.name })) : [{ kind: "archive", name: "pg_dump" }];
  const seen: SectionSummary[] = [];

  for (;;) {
    const line = await readLine(seen.length < expected.length ? `section ${expected[seen.length]!.name}` : "trailer");
    const record = splitRecord(line);
    if (record.kind === "TRAILER") {
      if (seen.length !== expected.length) throw damaged(file, `it ends after ${seen.length} of the ${expected.length} sections its header announces`);
      const trailer = parseJson(ZTrailer, record.json, file, "trailer");
      const actual = whole.digest("hex");
      if (trailer.sha256 !== actual) throw damaged(file, `its checksum does not match its contents (sha256 ${actual.slice(0, 12)}…, the trailer says ${trailer.sha256.slice(0, 12)}…)`);
      if (JSON.stringify(trailer.sections) !== JSON.stringify(seen)) throw damaged(file, "its trailer does not list the sections it holds");
      if ((await fill(1)) || queue.length > 0) throw damaged(file, "it goes on after its trailer");
      yield { type: "trailer", trailer };
      return;
    }
    whole.update(line, "utf8");
    if (record.kind !== "SECTION") throw damaged(file, `a "${record.kind.slice(0, 20)}" record stands where a section should start`);
    const section = parseJson(ZSection, record.json, file, "section line");
    const wanted = expected[seen.length];
    if (!wanted || wanted.kind !== section.kind || wanted.name !== section.name) {
      throw damaged(file, `section ${section.name} is not the one its header announces next (${wanted?.name ?? "none"})`);
    }
    yield { type: "section", section };

    const hash = createHash("sha256");
    let rows = 0;
    let bytes = 0;
    for (;;) {
      const dataLine = await readLine(`section ${section.name}`);
      whole.update(dataLine, "utf8");
      const data = splitRecord(dataLine);
      if (data.kind === "END") {
        const summary = parseJson(ZSectionEnd, data.json, file, `end of section ${section.name}`);
        const actual = { name: section.name, rows, bytes, sha256: hash.digest("hex") };
        if (summary.name !== actual.name || summary.bytes !== actual.bytes || summary.rows !== actual.rows) {
          throw damaged(file, `section ${section.name} holds ${actual.bytes} bytes in ${actual.rows} rows, but its end says ${summary.bytes} bytes in ${summary.rows} rows`);
        }
        if (summary.sha256 !== actual.sha256) throw damaged(file, `the checksum of section ${section.name} does not match its contents`);
        seen.push(actual);
        yield { type: "end", summary: actual };
        break;
      }
      if (data.kind !== "DATA" || !/^\d{1,8}$/.test(data.json)) throw damaged(file, `section ${section.name} holds a malformed record`);
      const length = Number(data.json);
      if (length < 1 || length > DATA_PIECE_BYTES) throw damaged(file, `section ${section.name} announces a data record of ${length} bytes`);
      let remaining = length;
      while (remaining > 0) {
        if (queue.length === 0 && !(await fill(1))) throw damaged(file, `it ends in the middle of section ${section.name} (the file is incomplete)`);
        const piece = queue.take(Math.min(remaining, queue.length));
        remaining -= piece.length;
        whole.update(piece);
        hash.update(piece);
        bytes += piece.length;
        rows += countNewlines(piece);
        yield { type: "data", piece };
      }
    }
  }
}

/** Reads a whole backup file's records and returns its header and trailer once every check has passed. */
export async function verifyBackupRecords(input: AsyncIterable<Buffer>, file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  let header: BackupHeader | null = null;
  for await (const event of readBackupRecords(input, file)) {
    if (event.type === "header") header = event.header;
    if (event.type === "trailer") return { header: header!, trailer: event.trailer };
  }
  throw damaged(file, "it has no trailer");
}

/** Readable's async iteration typed as Buffers. */
export function asBuffers(stream: Readable): AsyncIterable<Buffer> {
  return stream as AsyncIterable<Buffer>;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/**
 * The uncompressed bytes of a backup file. A file that is not gzip, a
 * truncated stream or a failed CRC becomes one `damaged(file, …)` line.
 */
export async function* readBackupFileBytes(file: string): AsyncGenerator<Buffer> {
  const handle = await fs.open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new AppError("BACKUP", `Cannot read the backup file ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}.`);
  });
  try {
    const start = Buffer.alloc(2);
    const { bytesRead } = await handle.read(start, 0, 2, 0);
    if (bytesRead < 2 || !start.equals(GZIP_MAGIC)) throw damaged(file, "it is not a gzip stream");
  } finally {
    await handle.close();
  }
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code?.startsWith("Z_") || /unexpected end of file/i.test(message)) throw damaged(file, `its compressed data is incomplete or corrupt (${message})`);
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** `<file>.sha256`, in the format of `sha256sum`, written beside every backup for checking copies anywhere. */
export const sidecarFile = (file: string) => `${file}.sha256`;

/** Checks the file against its `.sha256` companion when there is one; returns whether there was. */
export async function verifySidecarChecksum(file: string): Promise<boolean> {
  const text = await fs.readFile(sidecarFile(file), "utf8").catch(() => null);
  if (text === null) return false;
  const expected = /^([0-9a-f]{64})\b/.exec(text.trim())?.[1];
  if (!expected) throw damaged(file, `${sidecarFile(file)} holds no sha256`);
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const actual = hash.digest("hex");
  if (actual !== expected) throw damaged(file, `its sha256 (${actual.slice(0, 12)}…) differs from the one in ${sidecarFile(file)} (${expected.slice(0, 12)}…)`);
  return true;
}
