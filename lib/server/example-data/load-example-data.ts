import "server-only";
import { createReadStream } from "node:fs";
import path from "node:path";
import type { Caller } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPgPool } from "@/lib/db/pg-pool";
import { EXAMPLE_FEED_FILES, type ExampleFeedFile } from "@/lib/example-data/example-feed-files";
import { FEEDS } from "@/lib/ingest/registry";
import type { IngestItem } from "@/lib/ingest/types";
import { notifyChartDataChanged } from "@/lib/db/chart-data-changes";
import { ingestItems, type IngestItemsResult } from "@/lib/server/ingest/ingest-items";
import { OONI_ANOMALY_RATE, storedSuffixOf } from "@/lib/signals/signal-registry";

export type ExampleDataRun = ExampleFeedFile & IngestItemsResult;

/** The stored records a file's items name: what gets marked as example data. */
type ExampleKeys = {
  series: { source: string; signal: string; entityType: string; entityCode: string; asn: number | null; unit: string | null; stepSeconds: number | null }[];
  /** OONI measurement uids; their hourly anomaly-rate series are marked with them. */
  measurements: string[];
  events: { source: string; key: string }[];
};

/**
 * Loads the invented example feed files the project ships (IODA, OONI and
 * Cloudflare, January 2022: lib/example-data/example-feed-files.ts) through
 * the real parsers and bulk writer, and marks everything they store as
 * example data (decision 0018): the runs, the series their points go into,
 * the OONI measurements and the hourly rates rolled up from them, and the
 * outage events. Every chart, download and API answer drawn from marked data
 * says "example data — invented".
 *
 * - Requires `import:run`. Only `npm run demo` (DEMO_DATA=1),
 *   `npm run ingest:examples`, the end-to-end fixtures and the HTTP benchmark
 *   call it; a default start never does.
 * - Series are marked before their points are written, so no chart ever
 *   draws the points unmarked; measurements and events are marked right
 *   after their run, before anything else reads them in `npm run demo`.
 * - Idempotent: a replay stores nothing twice (natural keys) and marks the
 *   same records again; records stored by an earlier, unmarked load of the
 *   same files are marked too.
 */
export async function loadExampleData(options: {
  caller: Caller;
  /** The project's root (the example files' paths are relative to it). Default: the working directory. */
  root?: string;
  /** Default: DATABASE_URL. */
  connectionString?: string;
  log?: (line: string) => void;
}): Promise<ExampleDataRun[]> {
  await requirePermission(options.caller, "import:run");
  const root = options.root ?? process.cwd();
  const runs: ExampleDataRun[] = [];
  for (const example of EXAMPLE_FEED_FILES) {
    const file = path.join(root, example.path);
    const feed = FEEDS[example.feed];
    const keys = await collectKeys(feed.parse(createReadStream(file)));
    await markSeries(keys, options.connectionString);
    const result = await ingestItems({
      caller: options.caller,
      source: feed.source,
      parameters: { fileName: example.path, trigger: "example" },
      items: feed.parse(createReadStream(file)),
      connectionString: options.connectionString,
    });
    await markStoredRecords(result.runId, keys, options.connectionString);
    options.log?.(`Example data: ${example.path}: ${result.accepted} accepted, ${result.duplicates} duplicates, ${result.rejected} rejected (run ${result.runId}, marked as example data)`);
    runs.push({ ...example, ...result });
  }
  return runs;
}

async function collectKeys(items: AsyncIterable<IngestItem>): Promise<ExampleKeys> {
  const series = new Map<string, ExampleKeys["series"][number]>();
  const measurements = new Set<string>();
  const events = new Map<string, ExampleKeys["events"][number]>();
  for await (const item of items) {
    if (item.kind === "point") {
      const key = [item.source, item.signal, item.entityType, item.entityCode].join("\u0001");
      if (!series.has(key)) {
        series.set(key, {
          source: item.source,
          signal: item.signal,
          entityType: item.entityType,
          entityCode: item.entityCode,
          asn: item.asn ?? null,
          unit: item.unit ?? null,
          stepSeconds: item.stepSeconds ?? null,
        });
      }
    } else if (item.kind === "ooni") measurements.add(item.uid);
    else if (item.kind === "event") events.set(`${item.source}\u0001${item.key}`, { source: item.source, key: item.key });
  }
  return { series: [...series.values()], measurements: [...measurements], events: [...events.values()] };
}

/** Creates the file's series marked as example data, or marks them if they exist (a real series that takes invented points is no longer only real). */
async function markSeries(keys: ExampleKeys, connectionString: string | undefined): Promise<void> {
  if (keys.series.length === 0) return;
  const column = <K extends keyof ExampleKeys["series"][number]>(name: K) => keys.series.map((entry) => entry[name]);
  await getPgPool(connectionString).query(
    `INSERT INTO series (source, signal, entity_type, entity_code, asn, unit, step_seconds, example)
     SELECT *, true FROM unnest($1::measurement_source[], $2::text[], $3::series_entity_type[], $4::text[], $5::integer[], $6::text[], $7::integer[])
     ORDER BY 1, 2, 3, 4
     ON CONFLICT (source, signal, entity_type, entity_code) DO UPDATE SET example = true WHERE NOT series.example`,
    [column("source"), column("signal"), column("entityType"), column("entityCode"), column("asn"), column("unit"), column("stepSeconds")],
  );
}

/** Marks the run, the measurements and events the file holds, and the OONI anomaly-rate series rolled up from them; one transaction, then the chart caches are dropped. */
async function markStoredRecords(runId: number, keys: ExampleKeys, connectionString: string | undefined): Promise<void> {
  const client = await getPgPool(connectionString).connect();
  try {
    await client.query("BEGIN");
    await client.query("UPDATE ingest_runs SET example = true WHERE id = $1", [runId]);
    await client.query("UPDATE ooni_measurements SET example = true WHERE uid = ANY($1::text[]) AND NOT example", [keys.measurements]);
    await client.query(
      `UPDATE series SET example = true
       WHERE NOT example AND source = 'OONI' AND entity_type = 'ASN'
         AND (signal, entity_code) IN (SELECT DISTINCT test_name || $2::text, probe_asn::text FROM ooni_measurements WHERE uid = ANY($1::text[]))`,
      [keys.measurements, storedSuffixOf(OONI_ANOMALY_RATE)],
    );
    await client.query(
      `UPDATE outage_events e SET example = true
       FROM unnest($1::measurement_source[], $2::text[]) AS marked(source, key)
       WHERE e.source = marked.source AND e.key = marked.key AND NOT e.example`,
      [keys.events.map((event) => event.source), keys.events.map((event) => event.key)],
    );
    await notifyChartDataChanged(client, "series");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
