-- An incident's period can follow its phases (first start to last end) rather
-- than be set by hand. Existing records were set by hand.

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "period_from_phases" BOOLEAN NOT NULL DEFAULT false;
