-- Granting supervisor or technician needs a second supervisor (issue 18): the grant waits here
-- until a supervisor other than the requester confirms or someone refuses it. A new (or
-- re-enabled) account of such a role stays inactive until then (`activates`). One open grant
-- per account; decided grants stay as the record of who granted what.
CREATE TABLE role_grants (
  id               INTEGER PRIMARY KEY,
  target_staff_id  INTEGER NOT NULL REFERENCES staff (id),
  role             TEXT NOT NULL CHECK (role IN ('supervisor', 'technician')),
  activates        INTEGER NOT NULL DEFAULT 0 CHECK (activates IN (0, 1)),
  requested_by     INTEGER NOT NULL REFERENCES staff (id),
  requested_at     TEXT NOT NULL,
  decided_by       INTEGER REFERENCES staff (id),
  decided_at       TEXT,
  outcome          TEXT CHECK (outcome IN ('confirmed', 'refused'))
);
CREATE UNIQUE INDEX role_grants_one_open ON role_grants (target_staff_id) WHERE outcome IS NULL;
