-- The district platform's store: what the central API contract (contracts/central-api.ts) needs,
-- on PostgreSQL. Written for PostgreSQL 15 and PGlite alike: no syntax newer than 15.
--
-- Nothing the API needs is kept in a process's memory: idempotency keys, case numbering and
-- change-feed cursors are rows here, so several platform instances can share this database.
-- Counters are created by upsert when first used (no seeded rows), so emptying the tables gives
-- a fresh platform.

-- Idempotent writes: one row per (endpoint, Idempotency-Key). It is inserted first, before the
-- write it guards (INSERT … ON CONFLICT DO NOTHING): a concurrent request with the same key waits
-- on it and then reads the stored answer, so the write happens once however requests race.
CREATE TABLE idempotent_requests (
  scope          text NOT NULL,
  key            text NOT NULL,
  -- sha256 of the canonical request body: the same key with another body is a conflict.
  request_hash   text NOT NULL,
  -- The answer, written in the same transaction as the claim; replayed verbatim.
  response_json  text,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

CREATE TABLE cases (
  case_number          text PRIMARY KEY,
  -- A second lock behind idempotent_requests: one case per key even if the code were bypassed.
  idempotency_key      text NOT NULL UNIQUE,
  request_hash         text NOT NULL,
  hall_id              text NOT NULL,
  terminal_id          text NOT NULL,
  item_code            text NOT NULL,
  item_name            text NOT NULL,
  applicant_name       text NOT NULL,
  applicant_id_number  text NOT NULL,
  applicant_phone      text,
  form                 jsonb NOT NULL,
  materials            jsonb NOT NULL,
  submitted_at         timestamptz NOT NULL,
  received_at          timestamptz NOT NULL,
  status               text NOT NULL CHECK (status IN
                         ('submitted', 'accepted', 'in_progress', 'completed', 'rejected', 'needs_materials')),
  expected_completion  date
);

CREATE INDEX cases_by_hall ON cases (hall_id, received_at);

-- Last sequence number handed out per Asia/Shanghai day (YYYYMMDD). Taken by an upsert whose row
-- lock is held to the commit, so two instances never hand out the same number.
CREATE TABLE case_number_sequences (
  day         text PRIMARY KEY,
  last_value  integer NOT NULL
);

-- The changes feed. Every status a case has had, with its cursor. Cursors come from
-- change_feed_counter (below), not from a sequence: a sequence value is taken at insert but
-- becomes visible at commit, so with two writers cursor 8 could be read before 7 commits and a
-- client that saved 8 would never see 7.
CREATE TABLE case_status_changes (
  cursor       bigint PRIMARY KEY,
  case_number  text NOT NULL REFERENCES cases (case_number),
  -- The case's hall, copied here so a hall's own feed is one index range.
  hall_id      text NOT NULL,
  status       text NOT NULL,
  note         text,
  at           timestamptz NOT NULL
);

CREATE INDEX case_status_changes_by_case ON case_status_changes (case_number, cursor);
CREATE INDEX case_status_changes_by_hall ON case_status_changes (hall_id, cursor);

-- One row: the last cursor handed out. A writer takes the next one by an upsert as the last
-- statement of its transaction and holds the row lock until it commits, so the next writer gets
-- a higher cursor only after this one is visible: cursors become visible in order, without gaps.
CREATE TABLE change_feed_counter (
  id           integer PRIMARY KEY CHECK (id = 1),
  last_cursor  bigint NOT NULL
);

-- The service catalog (事项): one row, replaced as a whole, so a terminal never sees half an
-- update; version and etag change with every replacement.
CREATE TABLE catalog (
  id          integer PRIMARY KEY CHECK (id = 1),
  version     integer NOT NULL,
  etag        text NOT NULL,
  items       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- 好差评.
CREATE TABLE evaluations (
  id                 bigserial PRIMARY KEY,
  -- The key the hall delivered it under: a 差评's follow-up names its evaluation by it.
  idempotency_key    text NOT NULL UNIQUE,
  hall_id            text NOT NULL,
  terminal_id        text NOT NULL,
  subject            jsonb NOT NULL,
  level              text NOT NULL CHECK (level IN
                       ('very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied')),
  reason             text,
  comment            text,
  callback_required  boolean NOT NULL,
  evaluated_at       timestamptz NOT NULL,
  received_at        timestamptz NOT NULL
);

CREATE INDEX evaluations_flagged ON evaluations (callback_required, id);

-- 差评整改回访: what each hall reports of a 差评's follow-up (appeal decided, closed).
CREATE TABLE review_outcomes (
  id             bigserial PRIMARY KEY,
  evaluation_id  bigint NOT NULL REFERENCES evaluations (id),
  hall_id        text NOT NULL,
  stage          text NOT NULL CHECK (stage IN ('appeal_decided', 'closed')),
  -- The body the hall sent, as it sent it.
  outcome_json   text NOT NULL,
  received_at    timestamptz NOT NULL
);

CREATE INDEX review_outcomes_by_evaluation ON review_outcomes (evaluation_id, stage);

-- A hall's end-of-day figures, one row per (hall, business day); a corrected upload replaces
-- the figures and bumps the revision.
CREATE TABLE queue_stats (
  hall_id       text NOT NULL,
  business_day  date NOT NULL,
  figures_json  text NOT NULL,
  revision      integer NOT NULL,
  received_at   timestamptz NOT NULL,
  PRIMARY KEY (hall_id, business_day)
);

-- Bookings. The raw ID number is never stored, nor any mask of it: only its keyed tag (hex
-- HMAC-SHA-256 under the hall's matching key), which is what kiosks match on.
CREATE TABLE appointments (
  id              text PRIMARY KEY,
  hall_id         text NOT NULL,
  -- The hall's (Asia/Shanghai) day of the slot.
  business_day    date NOT NULL,
  service_code    text NOT NULL,
  slot_start      timestamptz NOT NULL,
  slot_end        timestamptz NOT NULL,
  applicant_name  text NOT NULL,
  id_number_tag   text NOT NULL,
  code            text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL
);

CREATE INDEX appointments_by_day ON appointments (hall_id, business_day, slot_start);

-- Notices (通知公告) for one hall, or (hall_id NULL) for every hall.
CREATE TABLE notices (
  id            bigserial PRIMARY KEY,
  hall_id       text,
  title         text NOT NULL,
  body          text NOT NULL,
  published_at  timestamptz NOT NULL,
  starts_at     timestamptz NOT NULL,
  ends_at       timestamptz
);

CREATE INDEX notices_by_hall ON notices (hall_id, published_at);
