import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { closePgPools } from "@/lib/db/pg-pool";
import { FEEDS, type FeedName } from "@/lib/ingest/registry";
import type { IngestItem } from "@/lib/ingest/types";
import { ingestItems } from "./ingest-items";

/**
 * Real feed payloads, outside the repository: `npm run test:corpus` points
 * KST_FEED_CORPUS at ../shared/fixtures, whose ooni/, ioda/ and cloudflare/
 * folders hold them. Every file goes through its feed's parser (via the
 * registry, so gzip is handled) and the bulk writer: nothing may crash, and
 * every record must end up stored, a duplicate, or rejected with a reason.
 * Without the folder, or in the ordinary test run, this file skips.
 */
const corpus = process.env.KST_FEED_CORPUS ? path.resolve(process.env.KST_FEED_CORPUS) : null;
const FOLDERS: FeedName[] = ["ooni", "ioda", "cloudflare"];

function corpusFiles(): { feed: FeedName; file: string }[] {
  if (!corpus || !existsSync(corpus)) return [];
  return FOLDERS.flatMap((feed) => {
    const folder = path.join(corpus, feed);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => !name.startsWith(".") && statSync(path.join(folder, name)).isFile())
      .sort()
      .map((name) => ({ feed, file: path.join(folder, name) }));
  });
}

const files = corpusFiles();

afterAll(async () => {
  await closePgPools();
});

describe.skipIf(files.length === 0)("the real feed corpus", () => {
  it.each(files.map(({ feed, file }) => [`${feed}/${path.basename(file)}`, feed, file] as const))("%s: every record is stored or rejected with a reason", async (_label, feed, file) => {
    const items: IngestItem[] = [];
    for await (const item of FEEDS[feed].parse(createReadStream(file))) items.push(item);
    const records = items.filter((item) => item.kind !== "checkpoint");
    expect(records.length, "a real payload holds records").toBeGreaterThan(0);
    for (const item of records) {
      if (item.kind === "reject") expect(item.reason.trim(), JSON.stringify(item)).not.toBe("");
    }

    async function* replay(): AsyncGenerator<IngestItem> {
      yield* items;
    }
    const result = await ingestItems({ caller: SYSTEM, source: FEEDS[feed].source, parameters: { fileName: path.basename(file), corpus: true }, items: replay() });
    expect(result.accepted + result.duplicates + result.rejected).toBe(records.length);
    const rejects = await getDb().ingestReject.findMany({ where: { runId: result.runId } });
    expect(rejects).toHaveLength(result.rejected);
    expect(rejects.every((reject) => reject.reason.trim() !== "" && reject.raw !== "")).toBe(true);
    expect(await getDb().ingestRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({ status: "SUCCEEDED" });
  });
});

describe.skipIf(files.length > 0)("the real feed corpus (absent)", () => {
  it("is skipped: set KST_FEED_CORPUS or run `npm run test:corpus` next to ../shared/fixtures", () => {
    // CI sets KST_REQUIRE_CORPUS=1 (.ci/run): there, a missing corpus is a failure, not a skip.
    expect(process.env.KST_REQUIRE_CORPUS === "1" ? `no feed corpus at ${corpus ?? "(KST_FEED_CORPUS unset)"}` : "skipped").toBe("skipped");
  });
});
