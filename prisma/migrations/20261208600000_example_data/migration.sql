-- Example data (decision 0018): the invented feed files the project ships
-- (e2e/fixtures/feeds, loaded by `npm run demo` and `npm run ingest:examples`)
-- are marked where they are stored, so every chart, download and API answer
-- drawn from them says so.

-- AlterTable
ALTER TABLE "ingest_runs" ADD COLUMN     "example" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ooni_measurements" ADD COLUMN     "example" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "outage_events" ADD COLUMN     "example" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "series" ADD COLUMN     "example" BOOLEAN NOT NULL DEFAULT false;

-- A database that loaded the example files before this migration (the old
-- `npm run ingest:examples`, or their upload in the console) has them marked
-- now: the runs by file name, what those runs stored by run, and the series
-- the files write (the IODA file's four, and the hourly OONI rates of the
-- measurements marked here).
UPDATE "ingest_runs" SET "example" = true
WHERE "parameters"->>'fileName' ~ '(^|/)(ioda-signals-2022-01\.json|ooni-web-connectivity-kcell-2022-01\.jsonl|cloudflare-annotations-2022-01\.json)$';

UPDATE "ooni_measurements" SET "example" = true
WHERE "run_id" IN (SELECT "id" FROM "ingest_runs" WHERE "example");

UPDATE "outage_events" SET "example" = true
WHERE "run_id" IN (SELECT "id" FROM "ingest_runs" WHERE "example");

UPDATE "series" SET "example" = true
WHERE EXISTS (SELECT 1 FROM "ingest_runs" WHERE "example" AND "source" = 'IODA')
  AND "source" = 'IODA' AND "entity_type" = 'ASN'
  AND ("signal", "entity_code") IN (('bgp', '29355'), ('ping-slash24', '29355'), ('bgp', '9198'), ('bgp', '50482'));

UPDATE "series" SET "example" = true
WHERE "source" = 'OONI' AND "entity_type" = 'ASN'
  AND ("signal", "entity_code") IN (
    SELECT DISTINCT "test_name" || '.anomaly_rate', "probe_asn"::text FROM "ooni_measurements" WHERE "example"
  );
