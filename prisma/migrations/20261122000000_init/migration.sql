-- CreateEnum
CREATE TYPE "operator_kind" AS ENUM ('MOBILE', 'FIXED', 'BOTH');

-- CreateEnum
CREATE TYPE "confidence" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "region_kind" AS ENUM ('REGION', 'CITY');

-- CreateEnum
CREATE TYPE "incident_status" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "verification_level" AS ENUM ('REPORTED', 'CORROBORATED', 'CONFIRMED_BY_MEASUREMENT', 'CONFIRMED_BY_OPERATOR');

-- CreateEnum
CREATE TYPE "time_precision" AS ENUM ('EXACT', 'HOUR', 'DAY', 'ESTIMATED');

-- CreateEnum
CREATE TYPE "incident_scope" AS ENUM ('NATIONAL', 'REGIONAL', 'LOCAL');

-- CreateEnum
CREATE TYPE "disruption_type" AS ENUM ('FULL_BLACKOUT', 'MOBILE_DATA_SHUTDOWN', 'FIXED_BROADBAND_SHUTDOWN', 'THROTTLING', 'SERVICE_BLOCKING', 'WEBSITE_BLOCKING');

-- CreateEnum
CREATE TYPE "affected_service" AS ENUM ('WHATSAPP', 'TELEGRAM', 'SIGNAL', 'FACEBOOK', 'INSTAGRAM', 'YOUTUBE', 'TWITTER', 'TIKTOK', 'VPN', 'SMS', 'VOICE', 'OTHER');

-- CreateEnum
CREATE TYPE "incident_cause" AS ENUM ('PROTEST', 'ELECTION', 'UNREST', 'EXAM', 'OTHER');

-- CreateEnum
CREATE TYPE "government_justification" AS ENUM ('NATIONAL_SECURITY', 'COUNTER_TERRORISM', 'PUBLIC_SAFETY', 'TECHNICAL_PROBLEMS', 'NONE_GIVEN', 'OTHER');

-- CreateEnum
CREATE TYPE "phase_extent" AS ENUM ('FULL', 'PARTIAL', 'INTERMITTENT');

-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('MEASUREMENT', 'NEWS', 'OFFICIAL_ORDER', 'OPERATOR_STATEMENT', 'FIRST_HAND_ACCOUNT', 'CIVIL_SOCIETY_REPORT');

-- CreateEnum
CREATE TYPE "statement_party" AS ENUM ('GOVERNMENT', 'OPERATOR');

-- CreateEnum
CREATE TYPE "discrepancy_topic" AS ENUM ('DATES', 'DURATION', 'SERVICES', 'OPERATORS', 'REGIONS', 'ECONOMIC_IMPACT', 'OTHER');

-- CreateEnum
CREATE TYPE "measurement_source" AS ENUM ('OONI', 'IODA', 'CLOUDFLARE', 'COALITION');

-- CreateEnum
CREATE TYPE "series_entity_type" AS ENUM ('ASN', 'REGION', 'COUNTRY');

-- CreateTable
CREATE TABLE "operators" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legal_entity" TEXT NOT NULL,
    "kind" "operator_kind" NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "operators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "networks" (
    "asn" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "operator_id" INTEGER,
    "confidence" "confidence" NOT NULL DEFAULT 'HIGH',
    "confidence_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "networks_pkey" PRIMARY KEY ("asn")
);

-- CreateTable
CREATE TABLE "regions" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "code_is_local" BOOLEAN NOT NULL DEFAULT false,
    "slug" TEXT NOT NULL,
    "kind" "region_kind" NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "centre_name_en" TEXT NOT NULL,
    "centre_name_ru" TEXT NOT NULL,
    "centre_name_kk" TEXT NOT NULL,
    "centre_lat" DOUBLE PRECISION NOT NULL,
    "centre_lon" DOUBLE PRECISION NOT NULL,
    "map_polygon_id" TEXT NOT NULL,
    "established_on" DATE,
    "parent_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "regions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "region_former_names" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "used_from" DATE,
    "used_until" DATE,

    CONSTRAINT "region_former_names_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "translations" JSONB NOT NULL DEFAULT '{}',
    "status" "incident_status" NOT NULL DEFAULT 'DRAFT',
    "verification" "verification_level" NOT NULL DEFAULT 'REPORTED',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "start_precision" "time_precision" NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "end_precision" "time_precision",
    "scope" "incident_scope" NOT NULL,
    "type" "disruption_type" NOT NULL,
    "services" "affected_service"[] DEFAULT ARRAY[]::"affected_service"[],
    "services_other" TEXT,
    "cause" "incident_cause" NOT NULL,
    "cause_details" TEXT,
    "gov_justification" "government_justification",
    "gov_justification_details" TEXT,
    "legal_basis" TEXT,
    "first_published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_operators" (
    "incident_id" INTEGER NOT NULL,
    "operator_id" INTEGER NOT NULL,

    CONSTRAINT "incident_operators_pkey" PRIMARY KEY ("incident_id","operator_id")
);

-- CreateTable
CREATE TABLE "incident_regions" (
    "incident_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,

    CONSTRAINT "incident_regions_pkey" PRIMARY KEY ("incident_id","region_id")
);

-- CreateTable
CREATE TABLE "phases" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "translations" JSONB NOT NULL DEFAULT '{}',
    "type" "disruption_type" NOT NULL,
    "extent" "phase_extent" NOT NULL DEFAULT 'FULL',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "start_precision" "time_precision" NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "end_precision" "time_precision",
    "services" "affected_service"[] DEFAULT ARRAY[]::"affected_service"[],

    CONSTRAINT "phases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phase_operators" (
    "phase_id" INTEGER NOT NULL,
    "operator_id" INTEGER NOT NULL,

    CONSTRAINT "phase_operators_pkey" PRIMARY KEY ("phase_id","operator_id")
);

-- CreateTable
CREATE TABLE "phase_regions" (
    "phase_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,

    CONSTRAINT "phase_regions_pkey" PRIMARY KEY ("phase_id","region_id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "phase_id" INTEGER,
    "position" INTEGER NOT NULL,
    "kind" "source_kind" NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "publisher" TEXT NOT NULL,
    "published_on" DATE,
    "archived_url" TEXT,
    "quote" TEXT,
    "note" TEXT,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "acknowledgements" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "party" "statement_party" NOT NULL,
    "operator_id" INTEGER,
    "statement" TEXT NOT NULL,
    "translations" JSONB NOT NULL DEFAULT '{}',
    "quote" TEXT,
    "source_url" TEXT,
    "made_on" DATE,

    CONSTRAINT "acknowledgements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "impact_estimates" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "low_usd" BIGINT,
    "high_usd" BIGINT,
    "estimated_by" TEXT NOT NULL,
    "source_id" INTEGER,
    "note" TEXT,
    "translations" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "impact_estimates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discrepancies" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "topic" "discrepancy_topic" NOT NULL,
    "description" TEXT NOT NULL,
    "resolution" TEXT,
    "translations" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "discrepancies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discrepancy_sources" (
    "discrepancy_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,

    CONSTRAINT "discrepancy_sources_pkey" PRIMARY KEY ("discrepancy_id","source_id")
);

-- CreateTable
CREATE TABLE "series" (
    "id" SERIAL NOT NULL,
    "source" "measurement_source" NOT NULL,
    "signal" TEXT NOT NULL,
    "entity_type" "series_entity_type" NOT NULL,
    "entity_code" TEXT NOT NULL,
    "asn" INTEGER,
    "region_id" INTEGER,
    "unit" TEXT,
    "step_seconds" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "series_points" (
    "series_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "series_points_pkey" PRIMARY KEY ("series_id","at")
);

-- CreateIndex
CREATE UNIQUE INDEX "operators_slug_key" ON "operators"("slug");

-- CreateIndex
CREATE INDEX "networks_operator_id_idx" ON "networks"("operator_id");

-- CreateIndex
CREATE UNIQUE INDEX "regions_code_key" ON "regions"("code");

-- CreateIndex
CREATE UNIQUE INDEX "regions_slug_key" ON "regions"("slug");

-- CreateIndex
CREATE INDEX "regions_parent_id_idx" ON "regions"("parent_id");

-- CreateIndex
CREATE INDEX "region_former_names_region_id_idx" ON "region_former_names"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_slug_key" ON "incidents"("slug");

-- CreateIndex
CREATE INDEX "incidents_status_starts_at_idx" ON "incidents"("status", "starts_at");

-- CreateIndex
CREATE INDEX "incident_operators_operator_id_idx" ON "incident_operators"("operator_id");

-- CreateIndex
CREATE INDEX "incident_regions_region_id_idx" ON "incident_regions"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "phases_incident_id_position_key" ON "phases"("incident_id", "position");

-- CreateIndex
CREATE INDEX "phase_operators_operator_id_idx" ON "phase_operators"("operator_id");

-- CreateIndex
CREATE INDEX "phase_regions_region_id_idx" ON "phase_regions"("region_id");

-- CreateIndex
CREATE INDEX "sources_phase_id_idx" ON "sources"("phase_id");

-- CreateIndex
CREATE UNIQUE INDEX "sources_incident_id_position_key" ON "sources"("incident_id", "position");

-- CreateIndex
CREATE INDEX "acknowledgements_operator_id_idx" ON "acknowledgements"("operator_id");

-- CreateIndex
CREATE UNIQUE INDEX "acknowledgements_incident_id_position_key" ON "acknowledgements"("incident_id", "position");

-- CreateIndex
CREATE INDEX "impact_estimates_source_id_idx" ON "impact_estimates"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "impact_estimates_incident_id_position_key" ON "impact_estimates"("incident_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "discrepancies_incident_id_position_key" ON "discrepancies"("incident_id", "position");

-- CreateIndex
CREATE INDEX "discrepancy_sources_source_id_idx" ON "discrepancy_sources"("source_id");

-- CreateIndex
CREATE INDEX "series_asn_idx" ON "series"("asn");

-- CreateIndex
CREATE INDEX "series_region_id_idx" ON "series"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "series_source_signal_entity_type_entity_code_key" ON "series"("source", "signal", "entity_type", "entity_code");

-- AddForeignKey
ALTER TABLE "networks" ADD CONSTRAINT "networks_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "region_former_names" ADD CONSTRAINT "region_former_names_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_operators" ADD CONSTRAINT "incident_operators_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_operators" ADD CONSTRAINT "incident_operators_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_regions" ADD CONSTRAINT "incident_regions_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_regions" ADD CONSTRAINT "incident_regions_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phases" ADD CONSTRAINT "phases_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_operators" ADD CONSTRAINT "phase_operators_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_operators" ADD CONSTRAINT "phase_operators_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_regions" ADD CONSTRAINT "phase_regions_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_regions" ADD CONSTRAINT "phase_regions_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acknowledgements" ADD CONSTRAINT "acknowledgements_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acknowledgements" ADD CONSTRAINT "acknowledgements_operator_id_fkey" FOREIGN KEY ("operator_id") REFERENCES "operators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "impact_estimates" ADD CONSTRAINT "impact_estimates_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "impact_estimates" ADD CONSTRAINT "impact_estimates_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancies" ADD CONSTRAINT "discrepancies_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_sources" ADD CONSTRAINT "discrepancy_sources_discrepancy_id_fkey" FOREIGN KEY ("discrepancy_id") REFERENCES "discrepancies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discrepancy_sources" ADD CONSTRAINT "discrepancy_sources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "series" ADD CONSTRAINT "series_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "series_points" ADD CONSTRAINT "series_points_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
