-- The live district (就近办): each hall's latest queue snapshot (PUT /v1/live, about once a
-- minute per hall host) and, beside it, one row per service of that snapshot, so a kiosk's
-- "which other halls serve this, and how long is their wait" is one index range.
--
-- Latest only: a snapshot replaces the one before it, and an older one (by the host's takenAt)
-- never replaces a newer one. No history is kept here: the day's figures reach queue_stats at
-- the end of the day, as before.

CREATE TABLE live_snapshots (
  hall_id      text PRIMARY KEY,
  -- How the hall names itself; the hall registry's name wins where there is one.
  hall_name    text,
  -- The host's clock: orders snapshots of one hall (the upsert keeps the latest).
  taken_at     timestamptz NOT NULL,
  -- The platform's clock: the snapshot's age, whatever the host's clock says.
  received_at  timestamptz NOT NULL,
  -- The body as the hall sent it (contracts/central-api.ts LiveSnapshot), for the console.
  snapshot     jsonb NOT NULL
);

-- The services of each hall's stored snapshot, replaced with it in the same transaction.
CREATE TABLE live_service_waits (
  hall_id                 text NOT NULL REFERENCES live_snapshots (hall_id) ON DELETE CASCADE,
  service_code            text NOT NULL,
  is_open                 boolean NOT NULL,
  waiting                 integer NOT NULL,
  estimated_wait_minutes  integer NOT NULL,
  PRIMARY KEY (hall_id, service_code)
);

CREATE INDEX live_service_waits_by_service ON live_service_waits (service_code);
