-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "audit_action" ADD VALUE 'PASSWORD_CHANGE_FAILED';
ALTER TYPE "audit_action" ADD VALUE 'NETWORK_ATTACHED';
ALTER TYPE "audit_action" ADD VALUE 'NETWORK_DETACHED';
ALTER TYPE "audit_action" ADD VALUE 'FEED_SCHEDULE_CHANGED';
ALTER TYPE "audit_action" ADD VALUE 'PERMISSION_DENIALS_SUPPRESSED';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "temporary_password_expires_at" TIMESTAMPTZ(3);

-- Temporary passwords handed out before they expired get the full 72 hours from now.
UPDATE "users" SET "temporary_password_expires_at" = now() + interval '72 hours' WHERE "must_change_password";
