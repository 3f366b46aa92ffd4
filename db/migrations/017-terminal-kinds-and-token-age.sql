-- Least privilege for paired terminals (issue 18): a paired browser says what it is (a window's
-- counter PC, a hall TV, a window's rating pad) and gets only that kind's operations; a terminal
-- token has an age, so it can expire and be rotated. Browsers paired before this were all
-- counters or screens with a counter's reach: they become counters (a technician re-pairs a TV
-- as a display). SQLite cannot change a CHECK constraint in place: the table is rebuilt.

CREATE TABLE terminals_new (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('host', 'counter', 'display', 'evaluator')),
  token_hash       TEXT NOT NULL UNIQUE,
  paired_at        TEXT NOT NULL,
  last_seen_at     TEXT,
  revoked_at       TEXT,
  -- When the current token was issued: at pairing, then at each rotation.
  token_issued_at  TEXT NOT NULL
);

INSERT INTO terminals_new (id, name, kind, token_hash, paired_at, last_seen_at, revoked_at, token_issued_at)
SELECT id, name, CASE kind WHEN 'browser' THEN 'counter' ELSE kind END, token_hash, paired_at, last_seen_at, revoked_at, paired_at
FROM terminals;

DROP TABLE terminals;
ALTER TABLE terminals_new RENAME TO terminals;
