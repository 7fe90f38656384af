-- Event payloads are stored without trying to compress them. A large one (a bulk membership change
-- names up to 1,000 agent ids, about 40 kB of JSON) went through pglz on every insert, which spent
-- about 0.65 ms of CPU and then, uuids being what they are, kept the value uncompressed anyway:
-- more than the rest of the outbox insert cost. Stored out of line without the attempt it takes
-- 0.05 ms. A payload that would have compressed now takes more space, for as long as outbox
-- retention keeps its row. Payloads small enough to stay in the row are unaffected, and rows
-- written before are not rewritten.
ALTER TABLE "outbox" ALTER COLUMN "payload" SET STORAGE EXTERNAL;
