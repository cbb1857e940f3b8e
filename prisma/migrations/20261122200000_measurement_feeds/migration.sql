-- CreateEnum
CREATE TYPE "outage_event_kind" AS ENUM ('IODA_ALERT', 'IODA_EVENT', 'CLOUDFLARE_OUTAGE', 'CLOUDFLARE_ANNOTATION', 'CLOUDFLARE_TRAFFIC_ANOMALY');

-- CreateTable
CREATE TABLE "ooni_measurements" (
    "uid" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "test_name" TEXT NOT NULL,
    "input" TEXT,
    "probe_asn" INTEGER NOT NULL,
    "probe_cc" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "anomaly" BOOLEAN NOT NULL,
    "confirmed" BOOLEAN NOT NULL,
    "failure" BOOLEAN NOT NULL,
    "blocking_type" TEXT,
    "run_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ooni_measurements_pkey" PRIMARY KEY ("uid")
);

-- CreateTable
CREATE TABLE "outage_events" (
    "source" "measurement_source" NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "outage_event_kind" NOT NULL,
    "entity_type" "series_entity_type",
    "entity_code" TEXT,
    "asns" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "locations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "datasource" TEXT,
    "level" TEXT,
    "score" DOUBLE PRECISION,
    "description" TEXT,
    "linked_url" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "run_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outage_events_pkey" PRIMARY KEY ("source","key")
);

-- CreateTable
CREATE TABLE "ingest_cursors" (
    "source" "ingest_source" NOT NULL,
    "scope" TEXT NOT NULL,
    "cursor" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ingest_cursors_pkey" PRIMARY KEY ("source","scope")
);

-- CreateTable
CREATE TABLE "feed_schedules" (
    "source" "ingest_source" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "interval_minutes" INTEGER NOT NULL DEFAULT 60,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feed_schedules_pkey" PRIMARY KEY ("source")
);

-- CreateIndex
CREATE INDEX "ooni_measurements_probe_asn_test_name_started_at_idx" ON "ooni_measurements"("probe_asn", "test_name", "started_at");

-- CreateIndex
CREATE INDEX "ooni_measurements_probe_cc_started_at_idx" ON "ooni_measurements"("probe_cc", "started_at");

-- CreateIndex
CREATE INDEX "ooni_measurements_run_id_idx" ON "ooni_measurements"("run_id");

-- CreateIndex
CREATE INDEX "outage_events_starts_at_idx" ON "outage_events"("starts_at");

-- CreateIndex
CREATE INDEX "outage_events_run_id_idx" ON "outage_events"("run_id");

-- CreateIndex
CREATE INDEX "feed_schedules_updated_by_id_idx" ON "feed_schedules"("updated_by_id");

-- AddForeignKey
ALTER TABLE "ooni_measurements" ADD CONSTRAINT "ooni_measurements_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outage_events" ADD CONSTRAINT "outage_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_schedules" ADD CONSTRAINT "feed_schedules_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
