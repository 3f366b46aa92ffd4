-- The district console: its staff and their sessions, the indexes its case search needs over a
-- million cases, notices to some halls and their withdrawal, and the catalog's retired items.
-- PostgreSQL 15 and PGlite alike (platform/db/README.md).

-- District staff. Passwords as scrypt hashes (`scrypt$N$r$p$salt$key`, services/password.ts).
CREATE TABLE district_staff (
  id             bigserial PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('district-admin', 'district-operator', 'viewer')),
  password_hash  text NOT NULL,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL
);

-- Sessions are rows, not memory: every platform instance behind the load balancer knows them.
-- Only the sha256 of the bearer token is stored, so a copy of this table signs nobody in. A
-- session ends when unused until expires_at (moved on by use) or at absolute_expires_at.
CREATE TABLE district_sessions (
  token_hash           text PRIMARY KEY,
  staff_id             bigint NOT NULL REFERENCES district_staff (id) ON DELETE CASCADE,
  created_at           timestamptz NOT NULL,
  expires_at           timestamptz NOT NULL,
  absolute_expires_at  timestamptz NOT NULL
);

CREATE INDEX district_sessions_by_staff ON district_sessions (staff_id);
CREATE INDEX district_sessions_by_expiry ON district_sessions (expires_at);

-- Failed sign-ins per name typed, whether or not an account has it: a guesser learns nothing
-- from being locked out, and the count is shared by every instance.
CREATE TABLE district_sign_in_failures (
  username         text PRIMARY KEY,
  failures         integer NOT NULL,
  last_failure_at  timestamptz NOT NULL,
  locked_until     timestamptz
);

-- The console's case search: newest first (received_at, then case_number to break ties), one
-- index per filter that narrows a million cases, each ordered as the search reads it, so a page
-- is an index range read backwards from the keyset cursor, never a sort of the matches.
CREATE INDEX cases_newest ON cases (received_at DESC, case_number DESC);
CREATE INDEX cases_by_hall_newest ON cases (hall_id, received_at DESC, case_number DESC);
CREATE INDEX cases_by_status_newest ON cases (status, received_at DESC, case_number DESC);
CREATE INDEX cases_by_item_newest ON cases (item_code, received_at DESC, case_number DESC);
-- A case number prefix (`HK20261127…`) is a range of this index whatever the collation.
CREATE INDEX cases_by_number_prefix ON cases (case_number text_pattern_ops);

-- Notices to some halls: hall_ids is a JSON array of hall ids (hall_id stays NULL); both NULL
-- means every hall, as before. A withdrawn notice is no longer served to any hall.
ALTER TABLE notices ADD COLUMN hall_ids jsonb;
ALTER TABLE notices ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE notices ADD COLUMN published_by text;

-- Items taken out of the catalog by the console, kept so they can be seen and added back.
CREATE TABLE catalog_retired_items (
  code        text PRIMARY KEY,
  item        jsonb NOT NULL,
  retired_at  timestamptz NOT NULL
);

-- What district staff changed through the console: who, when, what, on which record. Written in
-- the transaction of the change itself: no change without its row, no row without its change.
-- Personal data stays out (a case is named by its number, a notice by its id).
CREATE TABLE district_audit (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL,
  actor    text NOT NULL,
  action   text NOT NULL,
  subject  text NOT NULL,
  detail   jsonb NOT NULL
);

CREATE INDEX district_audit_by_subject ON district_audit (subject, id);
