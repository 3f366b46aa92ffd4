-- The transactional outbox: everything the hall owes the central API.
-- An entry is inserted in the same transaction as the record it delivers, so the
-- record and its promise to sync commit together or not at all. Times are
-- ISO-8601 UTC instants (toISOString), which compare correctly as text.

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  -- 'case' | 'evaluation' | 'queue-stats' | ...: checked in contracts/sync.ts, not
  -- here, because SQLite cannot change a CHECK without rebuilding the table.
  kind             TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
  -- The local record this entry delivers (e.g. a case's local id).
  record_id        TEXT NOT NULL,
  -- Entries sharing a key are delivered strictly in id order (e.g. one key per case).
  ordering_key     TEXT NOT NULL,
  -- Sent as Idempotency-Key on every attempt: a retry is the same request.
  idempotency_key  TEXT NOT NULL UNIQUE,
  -- JSON body. Personal data: set to NULL by the retention purge once delivered,
  -- which is why only a delivered row may lack it.
  payload          TEXT,
  state            TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'delivered', 'failed-permanent')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  -- Status code and error code only, never a body (it could echo personal data).
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  delivered_at     TEXT,
  -- JSON of the central reply (e.g. the case number); holds no personal data.
  response         TEXT,
  purged_at        TEXT,
  CHECK (payload IS NOT NULL OR state = 'delivered')
);

-- Head of each key's queue: the oldest pending entry per ordering_key.
CREATE INDEX outbox_pending_by_key ON outbox (ordering_key, id) WHERE state = 'pending';
-- Pending entries by due time.
CREATE INDEX outbox_pending_due ON outbox (next_attempt_at, id) WHERE state = 'pending';
-- Delivered entries still holding a payload, for the retention purge.
CREATE INDEX outbox_unpurged ON outbox (delivered_at) WHERE state = 'delivered' AND payload IS NOT NULL;
CREATE INDEX outbox_by_record ON outbox (kind, record_id);

-- Where each change feed was read up to (e.g. the central cases' status changes).
CREATE TABLE sync_cursor (
  name        TEXT PRIMARY KEY,
  cursor      TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
