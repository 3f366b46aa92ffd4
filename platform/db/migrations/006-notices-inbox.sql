-- The notifier's records (issue 21, point 4): the console inbox of each person on the complaint
-- desk, and every notice handed to a channel, claimed before it is sent. PostgreSQL 15 and PGlite
-- alike (platform/db/README.md). Self-contained: a person is named by the uuid of the complaint
-- directory (contracts/complaints.ts PersonId), with no foreign key, so this migration stands
-- whatever order the directory's tables are created in.

-- One row per notice, person and channel: the claim. A sender inserts it with ON CONFLICT DO
-- NOTHING before it sends, so of several platform instances sweeping at once exactly one sends
-- each notice; an e-mail that failed stays here with its attempts, its last error's code and
-- when to try again, and is retried until it goes. The text is kept so that a retry sends what
-- the first attempt would have, even when the complaint has moved on.
CREATE TABLE complaint_notices_sent (
  notice_key text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('inbox', 'email')),
  person_id uuid NOT NULL,
  complaint_number text NOT NULL,
  kind text NOT NULL,
  stage text NOT NULL,
  due_at timestamptz NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  -- The address an e-mail goes to, as it was when the notice was claimed; null for the inbox.
  address text,
  -- sending: claimed, being sent until claimed_until; sent; failed: to try again at next_attempt_at.
  status text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  claimed_until timestamptz,
  next_attempt_at timestamptz,
  -- The last failure's code (an SMTP reply code, `timeout`, `connect`…), never its text.
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  PRIMARY KEY (notice_key, person_id, channel),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CHECK (channel = 'inbox' OR address IS NOT NULL)
);

-- What the next sweep retries: failures whose time came, and claims whose sender went away.
CREATE INDEX complaint_notices_failed ON complaint_notices_sent (next_attempt_at) WHERE status = 'failed';
CREATE INDEX complaint_notices_sending ON complaint_notices_sent (claimed_until) WHERE status = 'sending';

-- The console inbox: what each person was told, newest first, read or not. Only its recipient
-- reads an item (platform/services/notice-inbox-service.ts).
CREATE TABLE notice_inbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id uuid NOT NULL,
  notice_key text NOT NULL,
  complaint_number text NOT NULL,
  kind text NOT NULL,
  stage text NOT NULL,
  due_at timestamptz NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  -- A notice reaches a person's inbox once, however often its delivery is retried.
  UNIQUE (person_id, notice_key)
);

CREATE INDEX notice_inbox_by_person ON notice_inbox (person_id, id DESC);
CREATE INDEX notice_inbox_unread ON notice_inbox (person_id, id DESC) WHERE read_at IS NULL;
