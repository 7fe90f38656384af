-- An audit record's changes are compressed with lz4 where the server has it, instead of pglz. A
-- bulk membership change's record names up to 1,000 agent ids (about 40 kB): pglz spent about
-- 0.75 ms of CPU on it per insert, lz4 about 0.12 ms for the same size (time-ordered ids share
-- their leading digits, so both store about 55 %). The log is kept for a year, so unlike event
-- payloads (0012) it stays compressed. A server built without lz4 (PGlite) stores the value out
-- of line uncompressed instead.
DO $$
BEGIN
  ALTER TABLE "audit_log" ALTER COLUMN "changes" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  ALTER TABLE "audit_log" ALTER COLUMN "changes" SET STORAGE EXTERNAL;
END $$;
