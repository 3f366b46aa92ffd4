-- Services (事项 categories), windows (窗口) and the tickets of the queue.
CREATE TABLE services (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  prefix      TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  open        INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
  daily_limit INTEGER NOT NULL DEFAULT 999 CHECK (daily_limit BETWEEN 1 AND 9999)
);

CREATE TABLE windows (
  id     INTEGER PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  name   TEXT NOT NULL
);

-- The services a window handles, in the order it serves them.
CREATE TABLE window_services (
  window_id    INTEGER NOT NULL REFERENCES windows (id) ON DELETE CASCADE,
  service_code TEXT NOT NULL REFERENCES services (code) ON DELETE CASCADE,
  priority     INTEGER NOT NULL,
  PRIMARY KEY (window_id, service_code)
);

-- Last number issued per service per hall-local business day: numbering is
-- one UPSERT inside the ticket's transaction, so two kiosks never share a number.
CREATE TABLE ticket_counters (
  business_day TEXT NOT NULL,
  service_code TEXT NOT NULL REFERENCES services (code),
  last_seq     INTEGER NOT NULL,
  PRIMARY KEY (business_day, service_code)
);

CREATE TABLE tickets (
  id           INTEGER PRIMARY KEY,
  business_day TEXT NOT NULL,
  service_code TEXT NOT NULL REFERENCES services (code),
  seq          INTEGER NOT NULL,
  number       TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'waiting'
               CHECK (status IN ('waiting', 'called', 'finished', 'no_show', 'cancelled')),
  issued_at    TEXT NOT NULL,
  called_at    TEXT,
  window_id    INTEGER REFERENCES windows (id),
  finished_at  TEXT,
  -- Keyed hash of the ID number (never the number itself): enforces one open
  -- ticket per card per service without keeping personal data in the queue.
  identity_key TEXT,
  UNIQUE (business_day, service_code, seq),
  UNIQUE (business_day, number)
);

CREATE INDEX tickets_waiting ON tickets (business_day, status, service_code, id);

CREATE UNIQUE INDEX tickets_one_open_per_identity
  ON tickets (business_day, service_code, identity_key)
  WHERE identity_key IS NOT NULL AND status IN ('waiting', 'called');

-- Every call of a ticket to a window, in the order it happened (the display
-- board and, later, recall counts read this; two calls in one millisecond keep their order).
CREATE TABLE calls (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  window_id INTEGER NOT NULL REFERENCES windows (id),
  called_at TEXT NOT NULL
);

CREATE INDEX calls_by_ticket ON calls (ticket_id);
