-- The hall's queue: services (事项 categories), windows (窗口), staff, tickets,
-- calls and the audit log. Times are ISO-8601 UTC instants; business_day is the
-- hall-local date (YYYY-MM-DD) the ticket belongs to.

CREATE TABLE services (
  code              TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  name_en           TEXT NOT NULL,
  prefix            TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1),
  sort_order        INTEGER NOT NULL DEFAULT 0,
  -- A supervisor can suspend issuing (暂停取号) regardless of the opening hours.
  suspended         INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
  number_start      INTEGER NOT NULL DEFAULT 1 CHECK (number_start >= 0),
  number_end        INTEGER NOT NULL DEFAULT 999 CHECK (number_end <= 9999),
  daily_limit       INTEGER NOT NULL DEFAULT 999 CHECK (daily_limit BETWEEN 1 AND 9999),
  -- Tickets per opening slot (e.g. per 30 minutes); NULL = no slot limit.
  slot_minutes      INTEGER CHECK (slot_minutes IS NULL OR slot_minutes BETWEEN 5 AND 240),
  slot_limit        INTEGER CHECK (slot_limit IS NULL OR slot_limit >= 1),
  target_wait_min   INTEGER NOT NULL DEFAULT 20,
  materials         TEXT NOT NULL DEFAULT '',
  -- Weekly hours of this service as JSON; NULL = the hall's hours.
  hours_json        TEXT,
  CHECK (number_end > number_start)
);

CREATE TABLE staff (
  id               INTEGER PRIMARY KEY,
  staff_no         TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  role             TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'technician')),
  -- scrypt$N$r$p$salt$hash (base64); never the PIN itself.
  pin_hash         TEXT NOT NULL,
  failed_attempts  INTEGER NOT NULL DEFAULT 0,
  locked_until     TEXT,
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE windows (
  id         INTEGER PRIMARY KEY,
  number     INTEGER NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  paused     INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  staff_id   INTEGER REFERENCES staff (id)
);

-- The services a window handles, in the order it serves them.
CREATE TABLE window_services (
  window_id    INTEGER NOT NULL REFERENCES windows (id) ON DELETE CASCADE,
  service_code TEXT NOT NULL REFERENCES services (code) ON DELETE CASCADE,
  priority     INTEGER NOT NULL,
  PRIMARY KEY (window_id, service_code)
);

-- Signed-in staff: the token is stored hashed, so a copied database signs nobody in.
CREATE TABLE staff_sessions (
  token_hash  TEXT PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  window_id   INTEGER REFERENCES windows (id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);

-- Last number issued per service per business day: numbering is one UPSERT
-- inside the ticket's transaction, so two kiosks never share a number.
CREATE TABLE ticket_counters (
  business_day TEXT NOT NULL,
  service_code TEXT NOT NULL REFERENCES services (code),
  last_seq     INTEGER NOT NULL,
  PRIMARY KEY (business_day, service_code)
);

CREATE TABLE tickets (
  id               INTEGER PRIMARY KEY,
  business_day     TEXT NOT NULL,
  -- The service the ticket was issued for; service_code moves on transfer.
  issued_service   TEXT NOT NULL REFERENCES services (code),
  service_code     TEXT NOT NULL REFERENCES services (code),
  seq              INTEGER NOT NULL,
  number           TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'waiting'
                   CHECK (status IN ('waiting', 'called', 'held', 'finished', 'no_show', 'cancelled')),
  priority_class   TEXT NOT NULL DEFAULT 'normal'
                   CHECK (priority_class IN ('normal', 'appointment', 'elderly', 'disabled', 'vip')),
  issued_at        TEXT NOT NULL,
  -- Ordering key among waiting tickets: issue order, moved by skip re-queue and transfers.
  queue_key        REAL NOT NULL,
  -- A transfer to a named window: only that window may call the ticket.
  target_window_id INTEGER REFERENCES windows (id),
  first_called_at  TEXT,
  called_at        TEXT,
  window_id        INTEGER REFERENCES windows (id),
  staff_id         INTEGER REFERENCES staff (id),
  recall_count     INTEGER NOT NULL DEFAULT 0,
  skip_count       INTEGER NOT NULL DEFAULT 0,
  finished_at      TEXT,
  outcome          TEXT CHECK (outcome IS NULL OR outcome IN ('done', 'needs_materials', 'referred', 'not_handled')),
  evaluation_requested_at TEXT,
  print_status     TEXT NOT NULL DEFAULT 'none' CHECK (print_status IN ('none', 'printed', 'failed')),
  -- Keyed hash of the ID number (never the number itself): enforces one open
  -- ticket per card per service without keeping personal data in the queue.
  identity_key     TEXT,
  UNIQUE (business_day, issued_service, seq),
  UNIQUE (business_day, number)
);

-- The queue itself: one index answers the head of each service's queue per
-- class, the counts ahead of a ticket and the waiting counts, without table lookups.
CREATE INDEX tickets_queue ON tickets (business_day, status, service_code, priority_class, target_window_id, queue_key);
CREATE INDEX tickets_day_key ON tickets (business_day, queue_key);
CREATE INDEX tickets_targeted ON tickets (target_window_id, business_day, status, queue_key) WHERE target_window_id IS NOT NULL;
CREATE INDEX tickets_by_window ON tickets (window_id, status);
CREATE INDEX tickets_identity ON tickets (business_day, service_code, identity_key) WHERE identity_key IS NOT NULL;

-- Every call of a ticket to a window, in the order it happened (the display
-- board, recall counts and statistics read this).
CREATE TABLE calls (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  window_id INTEGER NOT NULL REFERENCES windows (id),
  staff_id  INTEGER REFERENCES staff (id),
  kind      TEXT NOT NULL CHECK (kind IN ('call', 'recall', 'resume')),
  called_at TEXT NOT NULL
);
CREATE INDEX calls_by_ticket ON calls (ticket_id);
CREATE INDEX calls_by_window ON calls (window_id, id);

-- Who did what, when, at which window: every staff and technician action.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  staff_id   INTEGER REFERENCES staff (id),
  window_id  INTEGER REFERENCES windows (id),
  action     TEXT NOT NULL,
  ticket_id  INTEGER REFERENCES tickets (id),
  -- JSON without personal data.
  details    TEXT
);
CREATE INDEX audit_by_time ON audit_log (at);
