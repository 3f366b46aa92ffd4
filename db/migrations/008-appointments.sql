-- Appointments booked centrally, pulled per hall-local date and cached so the kiosk checks
-- citizens in while the central API is unreachable. Personal data is kept masked only: the
-- applicant's masked name, the masked ID number and the central API's hall-salted hash of
-- the number (what a card on the reader is matched on). Times are ISO-8601 UTC instants.

CREATE TABLE appointments (
  -- The central API's id.
  id                TEXT PRIMARY KEY,
  -- Hall-local date (YYYY-MM-DD) the appointment was pulled for.
  business_date     TEXT NOT NULL,
  -- As booked: a queue service code or a catalog item (事项) code.
  service_code      TEXT NOT NULL,
  slot_start        TEXT NOT NULL,
  slot_end          TEXT NOT NULL,
  applicant_masked  TEXT NOT NULL,
  -- hex sha256 of `<hallId>:<ID number upper-cased>`, computed centrally.
  id_hash           TEXT NOT NULL,
  id_masked         TEXT NOT NULL,
  -- The check-in code of the booking confirmation's QR.
  code              TEXT NOT NULL UNIQUE,
  -- Set together with ticket_id, in the transaction that issued the ticket.
  checked_in_at     TEXT,
  ticket_id         INTEGER REFERENCES tickets (id),
  fetched_at        TEXT NOT NULL,
  CHECK ((checked_in_at IS NULL) = (ticket_id IS NULL))
);

-- A card's appointments on a date.
CREATE INDEX appointments_by_holder ON appointments (business_date, id_hash);

-- When each date's list was last pulled successfully: tells "nobody booked" from "never fetched".
CREATE TABLE appointment_pulls (
  business_date  TEXT PRIMARY KEY,
  fetched_at     TEXT NOT NULL
);
