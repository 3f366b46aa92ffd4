-- The 民心网 exchange (docs/minxin-format.md): a batch imported twice, or by two operators at
-- once, registers each 民心网 item once. PostgreSQL 15 and PGlite alike (platform/db/README.md).

-- 民心网编号 is the import's idempotency key: one complaint per (channel, external_ref). Only the
-- 民心网 channel has one (008's check), so the index holds the 民心网 complaints alone; the
-- import looks its refs up by it.
CREATE UNIQUE INDEX complaints_by_external_ref ON complaints (channel, external_ref) WHERE external_ref IS NOT NULL;

-- The reply records already exported to 民心网, by their key (民心网编号:kind:instant,
-- contracts/minxin.ts MinxinReply): the next export gives only the others. Who exported is a
-- console username (or admin-token), never a person's name.
CREATE TABLE minxin_reply_exports (
  key          text PRIMARY KEY,
  exported_at  timestamptz NOT NULL,
  exported_by  text NOT NULL
);

CREATE INDEX minxin_reply_exports_newest ON minxin_reply_exports (exported_at DESC);
