-- Ends and attribution (decision 0013): every incident and phase says whether its
-- end is recorded, ongoing or not recorded; an ongoing incident says when staff
-- last checked it; an unrecorded end may say the last day a source reports it;
-- a phase may be marked as affecting all of its incident's operators.

-- CreateEnum
CREATE TYPE "end_status" AS ENUM ('RECORDED', 'ONGOING', 'NOT_RECORDED');

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "end_status" "end_status" NOT NULL DEFAULT 'NOT_RECORDED',
ADD COLUMN     "last_checked_on" DATE,
ADD COLUMN     "last_reported_on" DATE;

-- AlterTable
ALTER TABLE "phases" ADD COLUMN     "all_operators" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "end_status" "end_status" NOT NULL DEFAULT 'NOT_RECORDED',
ADD COLUMN     "last_reported_on" DATE;

-- Existing rows: an end on record is RECORDED; an open end stays NOT_RECORDED
-- (nobody has said it still runs), so it is no longer counted to "now".
UPDATE "incidents" SET "end_status" = 'RECORDED' WHERE "ends_at" IS NOT NULL;
UPDATE "phases" SET "end_status" = 'RECORDED' WHERE "ends_at" IS NOT NULL;
