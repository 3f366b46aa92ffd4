-- Cases and evaluations at the kiosk, and the cached service catalog.
-- Times are ISO-8601 UTC instants (toISOString), which compare correctly as text.

-- The last catalog the central API sent; one row. The kiosk works from it offline.
CREATE TABLE catalog_cache (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  etag        TEXT NOT NULL,
  json        TEXT NOT NULL,
  fetched_at  TEXT NOT NULL
);

CREATE TABLE cases (
  -- Local uuid; also the outbox record id and the Idempotency-Key of its submission.
  id                   TEXT PRIMARY KEY,
  item_code            TEXT NOT NULL,
  item_name            TEXT NOT NULL,
  -- Personal data: kept only until the case is delivered and the retention passed,
  -- then set to NULL by the purge (purged_at says when).
  applicant_name       TEXT,
  applicant_id_number  TEXT,
  applicant_phone      TEXT,
  -- Keyed hash (IdentityKeyer) of the ID number: finds a card's cases without ever
  -- querying by the raw number. Purged with the rest.
  applicant_key        TEXT,
  masked_name          TEXT,
  masked_id_number     TEXT,
  form                 TEXT,
  -- JSON [{ code, name, received }]: no personal data.
  materials            TEXT NOT NULL,
  submitted_at         TEXT NOT NULL,
  -- Null until the central API accepted the case.
  case_number          TEXT UNIQUE,
  delivered_at         TEXT,
  status               TEXT NOT NULL
                       CHECK (status IN ('submitted', 'accepted', 'in_progress', 'completed', 'rejected', 'needs_materials')),
  -- JSON [{ status, at, note? }], oldest first.
  status_history       TEXT NOT NULL,
  steward_requested    INTEGER NOT NULL DEFAULT 0 CHECK (steward_requested IN (0, 1)),
  updated_at           TEXT NOT NULL,
  purged_at            TEXT,
  -- Only a delivered case may lose its personal data.
  CHECK (purged_at IS NULL OR case_number IS NOT NULL),
  CHECK (purged_at IS NOT NULL OR (applicant_name IS NOT NULL AND applicant_id_number IS NOT NULL AND form IS NOT NULL))
);

CREATE INDEX cases_by_applicant ON cases (applicant_key, submitted_at) WHERE applicant_key IS NOT NULL;
CREATE INDEX cases_purgeable ON cases (delivered_at) WHERE purged_at IS NULL AND case_number IS NOT NULL;

-- 好差评. No personal data: the subject is a ticket/window/staff number or a case number.
CREATE TABLE evaluations (
  id                 TEXT PRIMARY KEY,
  level              TEXT NOT NULL
                     CHECK (level IN ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
  reason             TEXT,
  comment            TEXT,
  subject_kind       TEXT NOT NULL CHECK (subject_kind IN ('ticket', 'case')),
  ticket_number      TEXT,
  window_number      TEXT,
  staff_number       TEXT,
  case_number        TEXT,
  -- A rating below 'basic' is answered by the hall (差评回访), whether or not the
  -- central API has it yet.
  callback_required  INTEGER NOT NULL CHECK (callback_required IN (0, 1)),
  evaluated_at       TEXT NOT NULL,
  delivered_at       TEXT,
  central_id         TEXT,
  CHECK (callback_required = 0 OR reason IS NOT NULL),
  CHECK (subject_kind = 'case' AND case_number IS NOT NULL
         OR subject_kind = 'ticket' AND ticket_number IS NOT NULL AND window_number IS NOT NULL AND staff_number IS NOT NULL)
);

CREATE INDEX evaluations_callbacks ON evaluations (evaluated_at) WHERE callback_required = 1;
