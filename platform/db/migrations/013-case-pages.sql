-- A case's material pages (材料页): the JPEGs the kiosk captured, sent by the hall's host after
-- the case in chunks of 256 KiB (contracts/central-pages.ts). Personal data: scans of the
-- applicant's papers. A page is kept with its case; its bytes are cleared by the page purge
-- (store/case-pages.ts `purgeCasePages`) with the case's personal data.

CREATE TABLE case_pages (
  page_id        text PRIMARY KEY,
  case_number    text NOT NULL REFERENCES cases (case_number),
  material_code  text NOT NULL,
  position       integer NOT NULL CHECK (position >= 0),
  byte_length    integer NOT NULL CHECK (byte_length > 0),
  -- Lower-case hex SHA-256 the host computed; the assembled bytes must hash to it.
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  chunk_count    integer NOT NULL CHECK (chunk_count > 0),
  -- The verified page; NULL while chunks are still coming, and once purged.
  bytes          bytea,
  created_at     timestamptz NOT NULL,
  -- When the last chunk came and the page verified.
  completed_at   timestamptz,
  purged_at      timestamptz,
  CHECK (bytes IS NULL OR completed_at IS NOT NULL),
  CHECK (purged_at IS NULL OR (completed_at IS NOT NULL AND bytes IS NULL))
);

CREATE INDEX case_pages_of_case ON case_pages (case_number, position);

-- The chunks of a page not yet complete, in order; deleted once the page is assembled.
CREATE TABLE case_page_chunks (
  page_id      text NOT NULL REFERENCES case_pages (page_id) ON DELETE CASCADE,
  chunk_index  integer NOT NULL CHECK (chunk_index >= 0),
  bytes        bytea NOT NULL,
  PRIMARY KEY (page_id, chunk_index)
);
