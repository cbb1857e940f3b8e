-- A source's note (and its publisher's name) can be translated like the rest
-- of the record's free text; titles and quotes stay as published.

-- AlterTable
ALTER TABLE "sources" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';
