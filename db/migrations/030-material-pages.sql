-- Material pages (材料页): each page of a material the citizen laid under the document camera,
-- as the kiosk compressed it (a JPEG of at most 1 MiB). Personal data: a scan of an ID card, a
-- licence, a contract. Times are ISO-8601 UTC instants.
--
-- A page is uploaded before its case exists and held for the card session that took it
-- (`session_id`, the identity session's random id, memory-only on the host side); the case's
-- submission attaches it (`case_id`, `material_code`, `position`) in the case's transaction. A
-- page never attached is deleted when its session ends, and at startup (no session outlives
-- the host). An attached page's bytes are cleared (NULL, zeroed by secure_delete) with the
-- case's personal data by the retention purge; deleting an undelivered case deletes its pages.
CREATE TABLE material_pages (
  id             TEXT PRIMARY KEY,
  -- The card session that uploaded it, until a case takes it.
  session_id     TEXT,
  case_id        TEXT REFERENCES cases (id) ON DELETE CASCADE,
  material_code  TEXT,
  -- The page's place among the case's pages, from 0, in the order the kiosk named them.
  position       INTEGER CHECK (position >= 0),
  -- The JPEG; NULL once purged with the case's personal data.
  bytes          BLOB,
  byte_length    INTEGER NOT NULL CHECK (byte_length > 0),
  -- Hex SHA-256 of the bytes: the platform verifies the assembled page against it.
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  uploaded_at    TEXT NOT NULL,
  purged_at      TEXT,
  -- Held by a session, or attached to a case: never both, never neither.
  CHECK ((session_id IS NULL) <> (case_id IS NULL)),
  CHECK ((case_id IS NULL) = (material_code IS NULL) AND (case_id IS NULL) = (position IS NULL)),
  -- Only an attached page may lose its bytes.
  CHECK (bytes IS NOT NULL OR (case_id IS NOT NULL AND purged_at IS NOT NULL)),
  UNIQUE (case_id, position)
);

CREATE INDEX material_pages_held ON material_pages (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX material_pages_of_case ON material_pages (case_id, position) WHERE case_id IS NOT NULL;
