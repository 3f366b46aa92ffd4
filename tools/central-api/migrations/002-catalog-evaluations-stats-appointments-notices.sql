-- Catalog, evaluations (好差评), end-of-day queue figures, appointments, notices.

-- One row: the whole catalog as JSON. Replaced as a unit by the operator, so a terminal never
-- sees half an update; version and etag change with every replacement.
CREATE TABLE catalog (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  version     INTEGER NOT NULL,
  etag        TEXT NOT NULL,
  items_json  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- Idempotency for writes other than cases: the stored answer is replayed verbatim.
-- Scoped per endpoint, so an evaluation key cannot collide with a queue-stats key.
CREATE TABLE idempotent_requests (
  scope          TEXT NOT NULL,
  key            TEXT NOT NULL,
  request_hash   TEXT NOT NULL,
  response_json  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  PRIMARY KEY (scope, key)
) STRICT;

CREATE TABLE evaluations (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id            TEXT NOT NULL,
  terminal_id        TEXT NOT NULL,
  subject_json       TEXT NOT NULL,
  level              TEXT NOT NULL CHECK (level IN
                       ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
  reason             TEXT,
  comment            TEXT,
  callback_required  INTEGER NOT NULL CHECK (callback_required IN (0, 1)),
  evaluated_at       TEXT NOT NULL,
  received_at        TEXT NOT NULL
) STRICT;

CREATE INDEX evaluations_flagged ON evaluations (callback_required, id);

CREATE TABLE queue_stats (
  hall_id       TEXT NOT NULL,
  business_day  TEXT NOT NULL,
  figures_json  TEXT NOT NULL,
  revision      INTEGER NOT NULL,
  received_at   TEXT NOT NULL,
  PRIMARY KEY (hall_id, business_day)
) STRICT;

-- The raw ID number is never stored: only the salted hash terminals match on and the masked
-- form shown to staff.
CREATE TABLE appointments (
  id               TEXT PRIMARY KEY,
  hall_id          TEXT NOT NULL,
  business_day     TEXT NOT NULL,
  service_code     TEXT NOT NULL,
  slot_start       TEXT NOT NULL,
  slot_end         TEXT NOT NULL,
  applicant_name   TEXT NOT NULL,
  id_number_hash   TEXT NOT NULL,
  id_number_masked TEXT NOT NULL,
  code             TEXT NOT NULL UNIQUE,
  created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX appointments_by_day ON appointments (hall_id, business_day, slot_start);

-- Instants are stored as UTC ISO strings so string comparison is time comparison.
CREATE TABLE notices (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  hall_id       TEXT,
  title         TEXT NOT NULL,
  body          TEXT NOT NULL,
  published_at  TEXT NOT NULL,
  starts_at     TEXT NOT NULL,
  ends_at       TEXT
) STRICT;
