-- Status changes pulled for a case number this host does not know yet: its delivery
-- reply was lost and the re-send has not answered. They are kept here and applied when
-- the case number arrives, so the local history misses nothing. Changes of other halls'
-- cases land here too and are purged after a few days.
CREATE TABLE early_case_changes (
  case_number TEXT NOT NULL,
  cursor      INTEGER NOT NULL,
  status      TEXT NOT NULL,
  at          TEXT NOT NULL,
  note        TEXT,
  received_at TEXT NOT NULL,
  PRIMARY KEY (case_number, cursor)
);

CREATE INDEX early_case_changes_by_age ON early_case_changes (received_at);
