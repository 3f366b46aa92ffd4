-- Appointments are matched on a keyed tag (issue 18): the central API sends HMAC-SHA-256 of the
-- ID number under the hall's matching key instead of sha256(`<hallId>:<ID number>`) beside the
-- masked number, which together gave the number back by trying about 40,000 birth dates.
-- The unkeyed hashes and the masked numbers are dropped; the table is rebuilt (SQLite cannot
-- drop an indexed column) and every cached row gets an empty tag, which matches no card, until
-- the next pull (at start and every few minutes) writes the central API's tag. Check-ins are
-- kept, so an appointment checked in before the upgrade is not checked in twice.

CREATE TABLE appointments_keyed (
  -- The central API's id.
  id                TEXT PRIMARY KEY,
  -- Hall-local date (YYYY-MM-DD) the appointment was pulled for.
  business_date     TEXT NOT NULL,
  -- As booked: a queue service code or a catalog item (事项) code.
  service_code      TEXT NOT NULL,
  slot_start        TEXT NOT NULL,
  slot_end          TEXT NOT NULL,
  applicant_masked  TEXT NOT NULL,
  -- Hex HMAC-SHA-256 of the ID number (trimmed, upper-cased) under the hall's matching key,
  -- computed centrally; the kiosk computes the same from the card. No part of the number is kept.
  id_tag            TEXT NOT NULL,
  -- The check-in code of the booking confirmation's QR.
  code              TEXT NOT NULL UNIQUE,
  -- Set together with ticket_id, in the transaction that issued the ticket.
  checked_in_at     TEXT,
  ticket_id         INTEGER REFERENCES tickets (id),
  fetched_at        TEXT NOT NULL,
  CHECK ((checked_in_at IS NULL) = (ticket_id IS NULL))
);

INSERT INTO appointments_keyed (id, business_date, service_code, slot_start, slot_end, applicant_masked, id_tag, code,
  checked_in_at, ticket_id, fetched_at)
SELECT id, business_date, service_code, slot_start, slot_end, applicant_masked, '', code, checked_in_at, ticket_id, fetched_at
  FROM appointments;

DROP TABLE appointments;
ALTER TABLE appointments_keyed RENAME TO appointments;

-- A card's appointments on a date.
CREATE INDEX appointments_by_holder ON appointments (business_date, id_tag);
