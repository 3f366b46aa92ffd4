-- The district's halls and their credentials (contracts/platform-halls.ts). Written for
-- PostgreSQL 15 and PGlite alike.
--
-- A request from a hall's hosts carries the hall's credential; the platform answers it for that
-- hall only. Records written before halls were registered (cases, evaluations, ...) keep their
-- hall_id text without a foreign key: they name the hall as the host sent it.

CREATE TABLE halls (
  -- The id the hall's hosts are configured with (contracts/config.ts HallId).
  hall_id     text PRIMARY KEY,
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('district-centre', 'community-centre')),
  address     text NOT NULL,
  -- The weekly schedule (contracts/config.ts WeeklyHours), validated by the contract on the way in.
  hours       jsonb NOT NULL,
  windows     integer NOT NULL CHECK (windows >= 1),
  -- Halls are deactivated, never deleted: their cases and figures keep naming them.
  active      boolean NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- A hall's bearer tokens. Only the sha256 of a token is kept: the token is shown once, when it
-- is issued, and a copy of this table signs in as nobody.
CREATE TABLE hall_credentials (
  id            bigserial PRIMARY KEY,
  hall_id       text NOT NULL REFERENCES halls (hall_id),
  -- hex sha256 of the whole token; every request looks its credential up by it.
  token_hash    text NOT NULL UNIQUE,
  -- The token's first characters (its prefix and a few random ones), to tell credentials apart.
  hint          text NOT NULL,
  created_at    timestamptz NOT NULL,
  -- Set when the credential is rotated: the end of the overlap in which it still works.
  expires_at    timestamptz,
  revoked_at    timestamptz,
  -- Written at most once an hour per credential, so signing requests costs no write each.
  last_used_at  timestamptz,
  replaced_by   bigint REFERENCES hall_credentials (id)
);

CREATE INDEX hall_credentials_by_hall ON hall_credentials (hall_id, id);
