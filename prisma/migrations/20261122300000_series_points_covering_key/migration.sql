-- Chart range reads (one series, a time range, the values) become index-only
-- scans: the primary key (series_id, at) now carries "value" as a non-key
-- column. No second index, so ingest maintains one B-tree per row, as before.
-- Prisma cannot express INCLUDE; schema.prisma keeps @@id([seriesId, at]) and
-- the schema-drift check compares key columns only (see decision 0006).

-- AlterTable
ALTER TABLE "series_points" DROP CONSTRAINT "series_points_pkey";
ALTER TABLE "series_points" ADD CONSTRAINT "series_points_pkey" PRIMARY KEY ("series_id", "at") INCLUDE ("value");
