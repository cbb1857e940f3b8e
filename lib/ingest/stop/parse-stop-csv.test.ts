import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { IngestLimitError } from "../limits";
import { StopHeaderError } from "./columns";
import { csv2022, kazakhstanRow, parseAll, rejectsOf, rowsOf, skippedOf } from "./fixtures/parse-helpers";
import { readStopFixture } from "./fixtures/seed-reference";

describe("parseStopCsv on the 2022 fixture", () => {
  it("yields the Kazakhstan rows, skips other countries and rejects bad rows with their start lines", async () => {
    const events = await parseAll(readStopFixture("stop-2022-kazakhstan.csv"));
    expect(events[0]).toMatchObject({ kind: "header", layout: { variant: "2022+", ignoredColumns: ["reviewer_notes"] } });
    // Line 2's row spans lines 2–3 and line 6's spans 6–8 (quoted cells with line breaks).
    expect(rowsOf(events).map((row) => row.line)).toEqual([2, 5, 6]);
    expect(skippedOf(events).map((row) => [row.line, row.country])).toEqual([[4, "Kyrgyzstan"]]);
    expect(rejectsOf(events).map((reject) => [reject.line, reject.problems])).toEqual([
      [9, [{ column: "start_date", message: 'start_date "31/31/2022" is not a date (expected m/d/yyyy or d-Mmm-yyyy)' }]],
      [10, [{ column: "end_date", message: "end_date 5/2/2022 is before start_date 5/10/2022" }]],
      [11, [{ column: "country", message: "country is blank" }]],
    ]);
  });

  it("keeps a rejected row's text verbatim, trailing spaces included", async () => {
    const reject = rejectsOf(await parseAll(readStopFixture("stop-2022-kazakhstan.csv")))[2]!;
    expect(reject.raw).toBe("Actual,6/1/2022,  ,,Nationwide,Shutdown,,Full network" + ",".repeat(36) + "A row with no country.,,");
  });

  it("keeps a multi-line row verbatim", async () => {
    const row = rowsOf(await parseAll(readStopFixture("stop-2022-kazakhstan.csv")))[2]!;
    expect(row.raw.split("\n")).toHaveLength(3);
    expect(row.raw.endsWith('reports from a third city were not confirmed.",,')).toBe(true);
  });

  it("maps the January 2022 row to a complete draft", async () => {
    const [row] = rowsOf(await parseAll(readStopFixture("stop-2022-kazakhstan.csv")));
    const input = row!.draft.input;
    expect(input).toMatchObject({
      slug: "stop-2022-01-04-nationwide-blackout",
      title: "Nationwide internet blackout from 4 January 2022",
      summary: "Fuel-price protests were met with a week of mobile cuts and a near-total blackout.",
      status: "DRAFT",
      scope: "NATIONAL",
      type: "FULL_BLACKOUT",
      // The day in Kazakhstan (UTC+6 in 2022) as a UTC instant, day precision.
      startsAt: "2022-01-03T18:00:00.000Z",
      startPrecision: "DAY",
      endsAt: "2022-01-10T18:00:00.000Z",
      endPrecision: "DAY",
      services: ["SIGNAL", "TELEGRAM", "WHATSAPP"],
      operators: ["beeline", "kcell", "tele2-altel", "kazakhtelecom"],
      regions: [],
      cause: "PROTEST",
      govJustification: "NATIONAL_SECURITY",
      legalBasis: "Law on Communications, Article 41-1",
    });
    expect(input.phases).toEqual([
      expect.objectContaining({ type: "FULL_BLACKOUT", extent: "INTERMITTENT", startsAt: input.startsAt, endsAt: input.endsAt }),
    ]);
    expect(input.sources?.map((source) => [source.kind, source.publisher, source.url])).toEqual([
      ["CIVIL_SOCIETY_REPORT", "Access Now", "https://www.accessnow.org/fixture-kazakhstan-timeline/"],
      ["CIVIL_SOCIETY_REPORT", "@fixture_observatory on X", "https://twitter.com/fixture_observatory/status/1000000000000000001"],
      ["MEASUREMENT", "Cloudflare", "https://blog.cloudflare.com/fixture-kazakhstan-outage/"],
    ]);
    expect(input.acknowledgements).toEqual([
      {
        party: "OPERATOR",
        operator: "kcell",
        statement: "Kcell acknowledged the disruption, according to the #KeepItOn STOP data.",
        quote: "Kcell told its customers that the authorities had ordered the restrictions.",
        sourceUrl: "https://t.me/fixture_operator_news/101",
      },
    ]);
    expect(input.body).toContain("Operators named: Kazakhstan: Beeline (VEON), Kazakhstan: Kcell (Fintur)");
  });

  it("keeps open ends, estimated starts, unmatched operators and bad links", async () => {
    const row = rowsOf(await parseAll(readStopFixture("stop-2022-kazakhstan.csv")))[1]!;
    const input = row.draft.input;
    expect(input).toMatchObject({ type: "SERVICE_BLOCKING", startPrecision: "ESTIMATED", startsAt: "2022-10-18T18:00:00.000Z", cause: "ELECTION" });
    expect(input.endsAt).toBeUndefined();
    expect(input.operators).toEqual(["beeline", "kazakhtelecom"]);
    expect(input.sources?.map((source) => source.url)).toEqual(["https://t.me/s/fixture_news_channel/77", "https://exk.kz/news/fixture-instagram-outage"]);
    expect(row.draft.notes).toEqual([
      "Operators named in the row but not matched to a known operator: Jusan Mobile.",
      'info_source_link: "not-a-link" is not a valid http(s) link; kept here instead of as a source.',
    ]);
    expect(input.body).toContain("Jusan Mobile");
    expect(input.body).toContain("not-a-link");
    expect(input.body).toContain("- End: Ongoing");
  });

  it("maps named areas to regions (former names included)", async () => {
    const row = rowsOf(await parseAll(readStopFixture("stop-2022-kazakhstan.csv")))[2]!;
    expect(row.draft.input).toMatchObject({ scope: "LOCAL", regions: ["almaty-city", "astana"], title: "Internet blackout in Almaty and Astana from 28 February 2021" });
  });

  it("imports another country when asked, case- and space-insensitively", async () => {
    const events = await parseAll(readStopFixture("stop-2022-kazakhstan.csv"), { country: "  kyrgyzstan " });
    // Osh is not a region the tracker knows: rejected with a reason, not silently dropped.
    expect(rejectsOf(events).find((reject) => reject.line === 4)?.problems[0]?.message).toMatch(/the tracker has no regions for Kyrgyzstan/);
    expect(skippedOf(events).map((row) => row.line)).toEqual([2, 5, 6, 9, 10]);
  });
});

describe("parseStopCsv on the older sheets", () => {
  it("reads 2020–2021 with CRLF line ends, Ongoing ends and www. links", async () => {
    const events = await parseAll(readStopFixture("stop-2020-2021-kazakhstan.csv"));
    expect(events[0]).toMatchObject({ kind: "header", layout: { variant: "2020-2021" } });
    const rows = rowsOf(events);
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
    expect(rows[0]!.draft.input).toMatchObject({ type: "SERVICE_BLOCKING", services: ["FACEBOOK", "INSTAGRAM", "TELEGRAM", "WHATSAPP"], operators: ["kcell", "beeline"] });
    expect(rows[1]!.draft.input).toMatchObject({ type: "THROTTLING", regions: ["almaty-city", "astana"], operators: ["tele2-altel"] });
    expect(rows[1]!.draft.input.endsAt).toBeUndefined();
    expect(rows[1]!.draft.input.sources?.[0]?.url).toBe("https://www.accessnow.org/fixture-march-rallies");
    expect(rows[1]!.raw).not.toContain("\r");
  });

  it("reads 2019 with a byte-order mark, trailing spaces and 1/0 flags", async () => {
    const events = await parseAll(readStopFixture("stop-2019-kazakhstan.csv"));
    expect(events[0]).toMatchObject({ kind: "header", layout: { variant: "2019" } });
    const [may, june] = rowsOf(events);
    expect(may!.draft.input).toMatchObject({
      type: "SERVICE_BLOCKING",
      scope: "NATIONAL",
      services: ["FACEBOOK", "INSTAGRAM", "OTHER", "TELEGRAM", "YOUTUBE"],
      servicesOther: "YouTube, news websites",
      operators: ["beeline", "kcell", "tele2-altel"],
      endsAt: "2019-05-18T18:00:00.000Z",
    });
    expect(may!.draft.input.sources).toEqual([{ kind: "NEWS", url: "https://www.rferl.org/a/fixture-sites-unavailable/1.html", publisher: "RFE/RL", phase: 0 }]);
    expect(june!.draft.input).toMatchObject({
      type: "FULL_BLACKOUT",
      scope: "REGIONAL",
      regions: ["astana", "almaty-city", "shymkent"],
      cause: "ELECTION",
      causeDetails: "Detentions of protesters on election day.",
      govJustification: "TECHNICAL_PROBLEMS",
      acknowledgements: [expect.objectContaining({ party: "GOVERNMENT", quote: "Officials said the outages were caused by technical problems." })],
    });
    expect(skippedOf(events).map((row) => row.country)).toEqual(["Ethiopia"]);
    expect(rejectsOf(events).map((reject) => [reject.line, reject.problems[0]?.column])).toEqual([[5, "start_date"]]);
  });

  it("reads 2016–2018 with d-Mmm-yyyy dates and an Ongoing end", async () => {
    const events = await parseAll(readStopFixture("stop-2016-2018-kazakhstan.csv"));
    expect(events[0]).toMatchObject({ kind: "header", layout: { variant: "2016-2018" } });
    const [throttling, blocking] = rowsOf(events);
    expect(throttling!.draft.input).toMatchObject({
      slug: "stop-2018-03-15-nationwide-throttling",
      type: "THROTTLING",
      startsAt: "2018-03-14T18:00:00.000Z",
      cause: "OTHER",
      causeDetails: "Information control",
    });
    expect(throttling!.draft.input.endsAt).toBeUndefined();
    expect(blocking!.draft.input).toMatchObject({
      type: "SERVICE_BLOCKING",
      scope: "LOCAL",
      regions: ["almaty-city"],
      services: ["FACEBOOK", "OTHER", "YOUTUBE"],
      govJustification: "NONE_GIVEN",
    });
    expect(blocking!.draft.input.sources?.[0]?.kind).toBe("FIRST_HAND_ACCOUNT");
  });
});

describe("parseStopCsv: sheets saved with rows above the header", () => {
  const width = ",".repeat(44);
  it("reads a sheet whose title and disclaimer rows come first, with the lines of the file", async () => {
    const body = readStopFixture("stop-2022-kazakhstan.csv");
    const above = [
      `#KeepItOn STOP data 2022${width}`,
      `"Disclaimer: compiled from public reports;
verify each row before citing it."${width}`,
      width,
    ].join("\n");
    const events = await parseAll(`${above}\n${body}`);
    const plain = await parseAll(body);
    expect(events[0]).toMatchObject({
      kind: "header",
      line: 5,
      layout: { variant: "2022+" },
      rowsAbove: [`#KeepItOn STOP data 2022${width}`, `"Disclaimer: compiled from public reports;\nverify each row before citing it."${width}`],
    });
    // The same rows, four lines further down.
    expect(rowsOf(events).map((row) => [row.line, row.draft.naturalKey])).toEqual(rowsOf(plain).map((row) => [row.line + 4, row.draft.naturalKey]));
    expect(rejectsOf(events).map((reject) => reject.line)).toEqual(rejectsOf(plain).map((reject) => reject.line + 4));
  });

  it("gives up after ten rows that are not a header, in one line naming the columns a header needs", async () => {
    const junk = Array.from({ length: 12 }, (_, index) => `note ${index},,`).join("\n");
    const failure = parseAll(`${junk}\n${readStopFixture("stop-2022-kazakhstan.csv")}`);
    await expect(failure).rejects.toThrow(StopHeaderError);
    await expect(failure).rejects.toThrow(
      /^Not a #KeepItOn STOP export: none of the first 10 rows is a STOP header row \(one naming start_date, country, and shutdown_type or shutdown_extent\); the file starts "note 0,,"/,
    );
    await expect(failure).rejects.not.toThrow(/\n/);
  });
});

describe("parseStopCsv's row limit", () => {
  it("ends the read on a line over 1 MiB, naming the limit, without holding it", async () => {
    const { endlessLineStream } = await import("../testing/hostile-inputs");
    const input = endlessLineStream(512 * 1024 * 1024, { prefix: `${csv2022([kazakhstanRow()])}Actual,1/5/2022,Kazakhstan,` });
    const before = process.memoryUsage().rss;
    const failure = parseAll(input);
    await expect(failure).rejects.toBeInstanceOf(IngestLimitError);
    await expect(failure).rejects.toThrow("Line 3 of the STOP file is longer than 1 MiB, the limit for one STOP row");
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("ends the read on a quoted cell that runs on for more than 1 MiB of short lines", async () => {
    const lines = Array.from({ length: 30_000 }, () => "x".repeat(40)).join("\n");
    const text = `${csv2022([kazakhstanRow()])}Actual,1/5/2022,Kazakhstan,"${lines}`;
    await expect(parseAll(text)).rejects.toThrow(/longer than 1 MiB, the limit for one STOP row/);
  });
});

describe("parseStopCsv edge cases", () => {
  it("refuses an unrecognisable header", async () => {
    await expect(parseAll("date,place,what\n1/1/2022,Almaty,cut\n")).rejects.toThrow(StopHeaderError);
    await expect(parseAll("date,place,what\n")).rejects.toThrow(/Not a #KeepItOn STOP header/);
  });

  it("refuses an empty file", async () => {
    await expect(parseAll("")).rejects.toThrow(/The file is empty/);
    await expect(parseAll("\n\n")).rejects.toThrow(/The file is empty/);
  });

  it("counts lines across blank lines, blank rows and multi-line cells", async () => {
    const text = csv2022([kazakhstanRow({ event: "one\ntwo\nthree" })]) + "\n" + ",".repeat(44) + "\n" + csv2022([kazakhstanRow({ start_date: "bad" })]).split("\n").slice(1).join("\n");
    const events = await parseAll(text);
    expect(rowsOf(events).map((row) => row.line)).toEqual([2]);
    expect(rejectsOf(events).map((row) => row.line)).toEqual([7]);
  });

  it("rejects a row with a quote that is never closed, at the line it starts", async () => {
    const good = csv2022([kazakhstanRow()]);
    const broken = `${good}Actual,1/5/2022,Kazakhstan,,Nationwide,Shutdown,,Full network,"never closed\nmore text\n`;
    const events = await parseAll(broken);
    expect(rowsOf(events).map((row) => row.line)).toEqual([2]);
    expect(rejectsOf(events)).toEqual([
      expect.objectContaining({ line: 3, problems: [{ column: null, message: expect.stringMatching(/never closed/) }] }),
    ]);
  });

  it("reads a stream in tiny chunks, splitting UTF-8 characters and CRLF", async () => {
    const text = csv2022([kazakhstanRow({ event: "Блокировка мессенджеров\nв Алматы" }), kazakhstanRow({ start_date: "2/1/2022" })]).replace(/\n/g, "\r\n");
    const bytes = Buffer.from(`\uFEFF${text}`, "utf8");
    const chunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
    const events = await parseAll(Readable.from(chunks));
    const rows = rowsOf(events);
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
    expect(rows[0]!.draft.input.summary).toBe("Блокировка мессенджеров\nв Алматы");
  });

  it("passes a read error of the stream on", async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error("disk went away"));
      },
    });
    await expect(parseAll(failing)).rejects.toThrow("disk went away");
  });
});
