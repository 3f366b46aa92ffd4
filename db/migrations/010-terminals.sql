-- Terminals of the hall's LAN: browsers and secondary hosts paired with a one-time code.
-- Only hashes are stored: a leaked database gives no working code or token.

CREATE TABLE pairing_codes (
  code_hash   TEXT PRIMARY KEY,
  created_by  INTEGER NOT NULL REFERENCES staff (id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);

CREATE TABLE terminals (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('browser', 'host')),
  token_hash    TEXT NOT NULL UNIQUE,
  paired_at     TEXT NOT NULL,
  last_seen_at  TEXT,
  revoked_at    TEXT
);
