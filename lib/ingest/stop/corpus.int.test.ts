import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { importStopFile } from "@/lib/server/imports/import-stop-file";
import { loadStopReference } from "@/lib/server/imports/load-stop-reference";
import { seedReferenceData } from "@/prisma/seed";
import { parseStopCsv, type StopParseEvent } from "./parse-stop-csv";

/**
 * Real STOP exports, outside the repository: `npm run test:corpus` points
 * KST_STOP_CORPUS at ../shared/fixtures/stop (or wherever it is set). Without
 * the folder, or in the ordinary test run, this file skips.
 */
const corpus = process.env.KST_STOP_CORPUS ? path.resolve(process.env.KST_STOP_CORPUS) : null;
const available = corpus !== null && existsSync(corpus);
const read = (name: string) => readFileSync(path.join(corpus!, name), "utf8");
const has = (name: string) => available && existsSync(path.join(corpus!, name));

async function events(text: string): Promise<StopParseEvent[]> {
  const reference = await loadStopReference(getDb());
  const out: StopParseEvent[] = [];
  for await (const event of parseStopCsv(text, { reference })) out.push(event);
  return out;
}

describe.skipIf(!available)("the real STOP corpus", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });

  it.skipIf(!has("stop-2016-2018-header-only.csv"))("recognises the 2016–2018 header (26 columns)", async () => {
    const [header, ...rest] = await events(read("stop-2016-2018-header-only.csv"));
    expect(header).toMatchObject({ kind: "header", layout: { variant: "2016-2018", ignoredColumns: [] } });
    expect(rest).toEqual([]);
  });

  it.skipIf(!has("stop-2019-header-only.csv"))("recognises the 2019 header (43 columns)", async () => {
    const [header, ...rest] = await events(read("stop-2019-header-only.csv"));
    expect(header).toMatchObject({ kind: "header", layout: { variant: "2019", ignoredColumns: [] } });
    expect(rest).toEqual([]);
  });

  it.skipIf(!has("stop-2022-sample.csv"))("maps the Kazakhstan rows of the 2022 sample", async () => {
    const all = await events(read("stop-2022-sample.csv"));
    expect(all[0]).toMatchObject({ kind: "header", layout: { variant: "2022+", ignoredColumns: [] } });
    const rows = all.flatMap((event) => (event.kind === "row" ? [event] : []));
    expect(all.filter((event) => event.kind === "reject")).toEqual([]);
    expect(rows.map((row) => row.draft.naturalKey)).toEqual([
      "kazakhstan|2022-01-04|nationwide|FULL_BLACKOUT",
      "kazakhstan|2022-10-19|nationwide|FULL_BLACKOUT",
    ]);
    expect(rows[0]!.draft.input).toMatchObject({
      operators: ["beeline", "kcell", "tele2-altel", "kazakhtelecom"],
      services: ["SIGNAL", "TELEGRAM", "WHATSAPP"],
      cause: "PROTEST",
      govJustification: "NATIONAL_SECURITY",
      endsAt: "2022-01-10T18:00:00.000Z",
      acknowledgements: [expect.objectContaining({ party: "OPERATOR", operator: "kcell", sourceUrl: "https://t.me/zatelecom/20071" })],
    });
    expect(rows[1]!.draft.input).toMatchObject({
      startPrecision: "ESTIMATED",
      operators: ["beeline", "kazakhtelecom"],
      services: ["INSTAGRAM", "SIGNAL", "TELEGRAM", "TWITTER", "YOUTUBE"],
      cause: "ELECTION",
    });
    expect(rows[1]!.draft.input.endsAt).toBeUndefined();
  });

  it.skipIf(!has("stop-2022-sample.csv"))("reads the 2022 sample saved with a title and a disclaimer row above its header", async () => {
    const plain = await events(read("stop-2022-sample.csv"));
    const titled = await events(`"#KeepItOn STOP Data 2022"\n"Disclaimer: compiled by Access Now from public reports; see the methodology"\n${read("stop-2022-sample.csv")}`);
    expect(titled[0]).toMatchObject({ kind: "header", line: 3, rowsAbove: ['"#KeepItOn STOP Data 2022"', expect.stringContaining("Disclaimer")] });
    const keys = (all: StopParseEvent[]) => all.flatMap((event) => (event.kind === "row" ? [[event.line, event.draft.naturalKey]] : []));
    expect(keys(titled)).toEqual(keys(plain).map(([line, key]) => [(line as number) + 2, key]));
  });

  it.skipIf(!has("stop-2022-sample.csv"))("imports the 2022 sample's Kazakhstan rows once", async () => {
    const text = read("stop-2022-sample.csv");
    expect(await importStopFile({ caller: SYSTEM, input: text, fileName: "stop-2022-sample.csv" })).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    expect(await importStopFile({ caller: SYSTEM, input: text, fileName: "stop-2022-sample.csv" })).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
  });
});

describe.skipIf(available)("the real STOP corpus (absent)", () => {
  it("is skipped: set KST_STOP_CORPUS or run `npm run test:corpus` next to ../shared/fixtures", () => {
    // CI sets KST_REQUIRE_CORPUS=1 (.ci/run): there, a missing corpus is a failure, not a skip.
    expect(process.env.KST_REQUIRE_CORPUS === "1" ? `no STOP corpus at ${corpus ?? "(KST_STOP_CORPUS unset)"}` : "skipped").toBe("skipped");
  });
});
