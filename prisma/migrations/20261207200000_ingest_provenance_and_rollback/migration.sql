-- Every stored point, series and network records the ingest run that stored
-- it (OONI measurements and outage events already did), so a run can be rolled
-- back; runs whose process died are marked ABANDONED; rejects are read a page
-- at a time. series_points.run_id has no foreign key (a per-row check would
-- slow every insert) and a BRIN index instead of a second B-tree: the covering
-- primary key of decision 0006 is unchanged (decision 0012).

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'INGEST_RUN_ROLLED_BACK';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ingest_run_status" ADD VALUE 'ABANDONED';
ALTER TYPE "ingest_run_status" ADD VALUE 'ROLLED_BACK';

-- DropIndex
DROP INDEX "ingest_rejects_run_id_position_idx";

-- AlterTable
ALTER TABLE "ingest_runs" ADD COLUMN     "rolled_back_at" TIMESTAMPTZ(3),
ADD COLUMN     "rolled_back_by_id" TEXT;

-- AlterTable
ALTER TABLE "networks" ADD COLUMN     "run_id" INTEGER;

-- AlterTable
ALTER TABLE "series" ADD COLUMN     "run_id" INTEGER;

-- AlterTable
ALTER TABLE "series_points" ADD COLUMN     "run_id" INTEGER;

-- CreateIndex
CREATE INDEX "networks_run_id_idx" ON "networks"("run_id");

-- CreateIndex
CREATE INDEX "series_run_id_idx" ON "series"("run_id");

-- CreateIndex
CREATE INDEX "series_points_run_id_idx" ON "series_points" USING BRIN ("run_id");

-- CreateIndex
CREATE INDEX "ingest_runs_rolled_back_by_id_idx" ON "ingest_runs"("rolled_back_by_id");

-- CreateIndex
CREATE INDEX "ingest_rejects_run_id_position_id_idx" ON "ingest_rejects"("run_id", "position", "id");

-- AddForeignKey
ALTER TABLE "networks" ADD CONSTRAINT "networks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "series" ADD CONSTRAINT "series_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "ingest_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_runs" ADD CONSTRAINT "ingest_runs_rolled_back_by_id_fkey" FOREIGN KEY ("rolled_back_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
