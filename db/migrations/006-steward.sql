-- 首席服务管家 (service steward) and the daily queue statistics report.

-- A staff account with a steward contact is a steward: citizens see this number on the
-- progress page of the cases the steward takes. Work phone only, never a private one.
ALTER TABLE staff ADD COLUMN steward_phone TEXT;

-- The priority ticket a steward request put in the steward's queue. The steward is whoever
-- called that ticket (calls → staff), so the case never holds a stale copy of a name.
ALTER TABLE cases ADD COLUMN steward_ticket_id INTEGER REFERENCES tickets (id);

-- Business days whose statistics went into the outbox (one report a day, once).
CREATE TABLE queue_stats_reports (
  business_day  TEXT PRIMARY KEY,
  enqueued_at   TEXT NOT NULL
);
