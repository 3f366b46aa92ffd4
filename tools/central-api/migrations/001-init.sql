-- Reference central API store: cases, their status changes, per-day numbering.

CREATE TABLE cases (
  case_number          TEXT PRIMARY KEY,
  -- A retried submission carries the same key; UNIQUE makes a duplicate case impossible
  -- even if the application check were bypassed.
  idempotency_key      TEXT NOT NULL UNIQUE,
  -- sha256 of the canonical request body: same key + different body is a conflict.
  request_hash         TEXT NOT NULL,
  hall_id              TEXT NOT NULL,
  terminal_id          TEXT NOT NULL,
  item_code            TEXT NOT NULL,
  item_name            TEXT NOT NULL,
  applicant_name       TEXT NOT NULL,
  applicant_id_number  TEXT NOT NULL,
  applicant_phone      TEXT,
  form_json            TEXT NOT NULL,
  materials_json       TEXT NOT NULL,
  submitted_at         TEXT NOT NULL,
  received_at          TEXT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN
                         ('submitted', 'accepted', 'in_progress', 'completed', 'rejected', 'needs_materials')),
  expected_completion  TEXT
) STRICT;

-- Every status a case has had, in order. The rowid is the changes-feed cursor:
-- AUTOINCREMENT so a cursor is never reused, even after old rows are purged.
CREATE TABLE case_status_changes (
  cursor       INTEGER PRIMARY KEY AUTOINCREMENT,
  case_number  TEXT NOT NULL REFERENCES cases (case_number),
  status       TEXT NOT NULL,
  note         TEXT,
  at           TEXT NOT NULL
) STRICT;

CREATE INDEX case_status_changes_by_case ON case_status_changes (case_number, cursor);

-- Last sequence number handed out per Asia/Shanghai day (YYYYMMDD).
CREATE TABLE case_number_sequences (
  day         TEXT PRIMARY KEY,
  last_value  INTEGER NOT NULL
) STRICT;
