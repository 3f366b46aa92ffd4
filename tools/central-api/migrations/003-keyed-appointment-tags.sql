-- Bookings carry a keyed tag of the ID number (HMAC-SHA-256 under the hall's matching key)
-- instead of sha256(`<hallId>:<ID number>`) beside a masked number, which together gave the
-- number back by trying ~40,000 birth dates. The unkeyed hashes cannot be turned into tags
-- without the numbers, so the bookings holding them are deleted (this is the reference server:
-- the demo books again), and the hash and mask columns are dropped.

DELETE FROM appointments;

CREATE TABLE appointments_keyed (
  id               TEXT PRIMARY KEY,
  hall_id          TEXT NOT NULL,
  business_day     TEXT NOT NULL,
  service_code     TEXT NOT NULL,
  slot_start       TEXT NOT NULL,
  slot_end         TEXT NOT NULL,
  applicant_name   TEXT NOT NULL,
  -- Hex HMAC-SHA-256 of the ID number (trimmed, upper-cased) under the hall's matching key.
  id_number_tag    TEXT NOT NULL,
  code             TEXT NOT NULL UNIQUE,
  created_at       TEXT NOT NULL
) STRICT;

DROP TABLE appointments;
ALTER TABLE appointments_keyed RENAME TO appointments;

CREATE INDEX appointments_by_day ON appointments (hall_id, business_day, slot_start);
