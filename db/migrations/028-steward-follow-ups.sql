-- The steward's work list (首席服务管家, issue 19). A request is what the kiosk already records:
-- a ticket of the steward service (with or without a case), or a case that asked for a steward
-- and got no ticket (cases.steward_requested without steward_ticket_id). What the desk does about
-- it is kept here, keyed by the request's id ('ticket-<tickets.id>' or 'case-<cases.id>'), created
-- at the desk's first action: no row means nobody acted yet ('open').
-- Text keys, not foreign keys: a case deleted by the retention purge must not take the desk's
-- record of its follow-up with it, and a request is one of two tables' rows.

CREATE TABLE steward_follow_ups (
  request_id    TEXT PRIMARY KEY,
  status        TEXT NOT NULL CHECK (status IN ('open', 'contacted', 'done')),
  assignee_id   INTEGER REFERENCES staff (id),
  contacted_at  TEXT,
  done_at       TEXT,
  updated_at    TEXT NOT NULL,
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);

-- Each step of a follow-up, oldest first: who did what, with the note they wrote. Notes are
-- written by staff about an enterprise's request; ID and mobile numbers typed in them are masked
-- before they are stored (host/cases/steward-work-list.ts).
CREATE TABLE steward_notes (
  id           INTEGER PRIMARY KEY,
  request_id   TEXT NOT NULL,
  at           TEXT NOT NULL,
  staff_id     INTEGER NOT NULL REFERENCES staff (id),
  action       TEXT NOT NULL CHECK (action IN ('assign', 'contact', 'done', 'note')),
  assignee_id  INTEGER REFERENCES staff (id),
  note         TEXT
);

CREATE INDEX steward_notes_by_request ON steward_notes (request_id, id);
-- The list finds the case of a steward ticket, and the cases that asked for a steward and got no
-- ticket. (Its steward tickets are read through the tickets' day index: no index is added to the
-- queue's hottest table for a supervisor's list.)
CREATE INDEX cases_by_steward_ticket ON cases (steward_ticket_id) WHERE steward_ticket_id IS NOT NULL;
CREATE INDEX cases_steward_without_ticket ON cases (submitted_at) WHERE steward_requested = 1 AND steward_ticket_id IS NULL;
