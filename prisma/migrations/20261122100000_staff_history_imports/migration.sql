-- CreateEnum
CREATE TYPE "audit_action" AS ENUM ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT', 'PERMISSION_DENIED', 'USER_INVITED', 'ROLE_CHANGED', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'USER_DEACTIVATED', 'USER_REACTIVATED', 'SESSIONS_REVOKED');

-- CreateEnum
CREATE TYPE "revision_action" AS ENUM ('CREATE', 'EDIT', 'SUBMIT', 'RETURN_TO_DRAFT', 'PUBLISH', 'UNPUBLISH', 'ARCHIVE', 'UNARCHIVE', 'RESTORE', 'IMPORT', 'APPLY_PROPOSAL');

-- CreateEnum
CREATE TYPE "ingest_source" AS ENUM ('STOP', 'OONI', 'IODA', 'CLOUDFLARE', 'CSV');

-- CreateEnum
CREATE TYPE "ingest_run_status" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "proposal_status" AS ENUM ('PENDING', 'APPLIED', 'DISMISSED');

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "created_by_id" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'contributor',
    "banned" BOOLEAN NOT NULL DEFAULT false,
    "ban_reason" TEXT,
    "ban_expires" TIMESTAMPTZ(3),
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    "impersonated_by" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "audit_action" NOT NULL,
    "actor_id" TEXT,
    "email" TEXT,
    "target_user_id" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_revisions" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "revision_action" NOT NULL,
    "status" "incident_status" NOT NULL,
    "author_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "snapshot" JSONB NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT,
    "restored_from" INTEGER,

    CONSTRAINT "incident_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" SERIAL NOT NULL,
    "source" "ingest_source" NOT NULL,
    "status" "ingest_run_status" NOT NULL DEFAULT 'RUNNING',
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "triggered_by_id" TEXT,

    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_rejects" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "ingest_rejects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_external_keys" (
    "source" "ingest_source" NOT NULL,
    "key" TEXT NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "row_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_external_keys_pkey" PRIMARY KEY ("source","key")
);

-- CreateTable
CREATE TABLE "incident_proposals" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "run_id" INTEGER,
    "source" "ingest_source" NOT NULL,
    "external_key" TEXT NOT NULL,
    "row_hash" TEXT NOT NULL,
    "proposed" JSONB NOT NULL,
    "status" "proposal_status" NOT NULL DEFAULT 'PENDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" TEXT,

    CONSTRAINT "incident_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incidents_created_by_id_idx" ON "incidents"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events"("actor_id");

-- CreateIndex
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");

-- CreateIndex
CREATE INDEX "incident_revisions_author_id_idx" ON "incident_revisions"("author_id");

-- CreateIndex
CREATE INDEX "incident_revisions_created_at_idx" ON "incident_revisions"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "incident_revisions_incident_id_version_key" ON "incident_revisions"("incident_id", "version");

-- CreateIndex
CREATE INDEX "ingest_runs_source_started_at_idx" ON "ingest_runs"("source", "started_at");

-- CreateIndex
CREATE INDEX "ingest_runs_triggered_by_id_idx" ON "ingest_runs"("triggered_by_id");

-- CreateIndex
CREATE INDEX "ingest_rejects_run_id_position_idx" ON "ingest_rejects"("run_id", "position");

-- CreateIndex
CREATE INDEX "incident_external_keys_incident_id_idx" ON "incident_external_keys"("incident_id");

-- CreateIndex
CREATE INDEX "incident_proposals_incident_id_idx" ON "incident_proposals"("incident_id");

-- CreateIndex
CREATE INDEX "incident_proposals_run_id_idx" ON "incident_proposals"("run_id");

-- CreateIndex
CREATE INDEX "incident_proposals_decided_by_id_idx" ON "incident_proposals"("decided_by_id");

-- CreateIndex
CREATE INDEX "incident_proposals_status_idx" ON "incident_proposals"("status");

-- CreateIndex
CREATE UNIQUE INDEX "incident_proposals_source_external_key_row_hash_key" ON "incident_proposals"("source", "external_key", "row_hash");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_revisions" ADD CONSTRAINT "incident_revisions_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_revisions" ADD CONSTRAINT "incident_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_runs" ADD CONSTRAINT "ingest_runs_triggered_by_id_fkey" FOREIGN KEY ("triggered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_rejects" ADD CONSTRAINT "ingest_rejects_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_external_keys" ADD CONSTRAINT "incident_external_keys_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_proposals" ADD CONSTRAINT "incident_proposals_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_proposals" ADD CONSTRAINT "incident_proposals_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_proposals" ADD CONSTRAINT "incident_proposals_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
