-- Notices (通知公告) shown on the kiosk attract screen and the hall display. Two sources:
-- the central API (a cached copy, replaced by every successful pull) and the hall's own
-- supervisors (kept until withdrawn). Times are ISO-8601 UTC instants (toISOString), which
-- compare correctly as text.

CREATE TABLE notices (
  -- Central notices keep the central API's id; local ones get a uuid.
  id            TEXT PRIMARY KEY,
  source        TEXT NOT NULL CHECK (source IN ('central', 'local')),
  title         TEXT NOT NULL,
  body          TEXT NOT NULL,
  published_at  TEXT NOT NULL,
  starts_at     TEXT NOT NULL,
  -- NULL: shown until withdrawn.
  ends_at       TEXT,
  -- Only a local notice is withdrawn here; the central API withdraws its own by dropping it.
  withdrawn_at  TEXT,
  -- Staff number of the supervisor who published a local notice. Text, not a foreign key:
  -- the notice and its authorship outlive the account.
  created_by    TEXT,
  CHECK (ends_at IS NULL OR ends_at > starts_at),
  CHECK (source = 'local' OR (withdrawn_at IS NULL AND created_by IS NULL))
);

-- The screens' query: not withdrawn, started, not ended.
CREATE INDEX notices_showing ON notices (starts_at) WHERE withdrawn_at IS NULL;

-- When the central set was last fetched; one row. Without it, after a restart the hall could not
-- tell "cached copy" from "never reached the central API".
CREATE TABLE notice_pulls (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  fetched_at  TEXT NOT NULL
);
