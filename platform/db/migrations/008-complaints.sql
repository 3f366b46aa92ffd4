-- 营商诉求 (docs/complaints.md): the units and people who handle complaints, the district
-- calendar and the 营商局's rules, the complaints with their history and co-units, and the link
-- from a console account to the person it acts as. PostgreSQL 15 and PGlite alike
-- (platform/db/README.md).

-- Units complaints are dispatched to (contracts/complaints.ts Unit). Kept, never deleted: past
-- complaints name them. One of them is the 营商局 (is_bureau), a department.
CREATE TABLE complaint_units (
  code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  kind        text NOT NULL CHECK (kind IN ('department', 'street', 'zone')),
  active      boolean NOT NULL,
  is_bureau   boolean NOT NULL DEFAULT false CHECK (NOT is_bureau OR kind = 'department'),
  created_at  timestamptz NOT NULL,
  -- The target of complaint_people's (unit_code, unit_is_bureau) reference.
  UNIQUE (code, is_bureau)
);

-- At most one 营商局.
CREATE UNIQUE INDEX complaint_units_one_bureau ON complaint_units (is_bureau) WHERE is_bureau;

-- People of the units (contracts/complaints.ts Person). Bureau roles only for the bureau's own
-- people: the person row carries its unit's is_bureau, held equal to the unit's by the composite
-- reference (ON UPDATE CASCADE), and a CHECK admits roles only where it is true.
CREATE TABLE complaint_people (
  id              uuid PRIMARY KEY,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  unit_code       text NOT NULL,
  unit_is_bureau  boolean NOT NULL,
  duty            text NOT NULL CHECK (duty IN ('handler', 'leader')),
  bureau_roles    text[] NOT NULL DEFAULT '{}'
                    CHECK (bureau_roles <@ ARRAY['intake', 'sorter', 'reviewer', 'supervisor']::text[]),
  email           text,
  phone           text,
  active          boolean NOT NULL,
  created_at      timestamptz NOT NULL,
  FOREIGN KEY (unit_code, unit_is_bureau) REFERENCES complaint_units (code, is_bureau) ON UPDATE CASCADE,
  CHECK (unit_is_bureau OR cardinality(bureau_roles) = 0)
);

-- The notifier's look-ups: a unit's handlers or leader.
CREATE INDEX complaint_people_by_unit ON complaint_people (unit_code, duty) WHERE active;

-- A console account may be a complaint person: signed in, it acts in that person's capacity.
ALTER TABLE district_staff ADD COLUMN person_id uuid UNIQUE REFERENCES complaint_people (id);

-- The district calendar (contracts/district-calendar.ts): days off and weekend days worked;
-- seeded from DISTRICT_CALENDAR_SEED by the platform at its first start, edited by the 营商局.
CREATE TABLE district_calendar_days (
  day      date PRIMARY KEY,
  kind     text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  holiday  text NOT NULL,
  source   text NOT NULL
);

-- The 营商局's deadline rules (contracts/complaint-deadlines.ts ComplaintDeadlineRules) and
-- dispatch rules (contracts/complaint-sorting.ts DispatchRule[]), as validated JSON, versioned:
-- the newest version is in force; older ones say what was in force when.
CREATE TABLE complaint_deadline_rules (
  version     integer PRIMARY KEY CHECK (version >= 1),
  rules       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);

CREATE TABLE complaint_dispatch_rules (
  version     integer PRIMARY KEY CHECK (version >= 1),
  rules       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);

-- A complaint (contracts/complaints.ts Complaint). Its number is a case number and it has a case
-- row: the kiosk's own case, or one in the complaint desk's pseudo-hall for the other channels,
-- so the kiosk's progress page and the console's case search find it like any case.
CREATE TABLE complaints (
  number             text PRIMARY KEY REFERENCES cases (case_number),
  channel            text NOT NULL CHECK (channel IN ('kiosk', 'hotline', 'web', 'minxin')),
  external_ref       text,
  enterprise_name    text NOT NULL,
  -- The enterprise's name folded (width, case, spaces, punctuation): duplicates without a code.
  enterprise_key     text NOT NULL,
  credit_code        text,
  contact_name       text NOT NULL,
  contact_phone      text NOT NULL,
  topic              text NOT NULL CHECK (topic IN ('policy', 'approval', 'enforcement', 'factors', 'other')),
  area               text REFERENCES complaint_units (code),
  text               text NOT NULL,
  attachments        jsonb NOT NULL,
  registered_at      timestamptz NOT NULL,
  -- 办结期限: fixed at registration, never moved.
  close_due_at       timestamptz NOT NULL,
  state              text NOT NULL CHECK (state IN ('registered', 'sorting', 'dispatched', 'accepted', 'drafted',
                       'under_review', 'returned', 'approved', 'closed', 'evaluated', 'not_admitted', 'merged')),
  lead_unit          text REFERENCES complaint_units (code),
  handler_person_id  uuid,
  handler_name       text,
  reply              jsonb,
  returns            integer NOT NULL DEFAULT 0,
  merged_into        text REFERENCES complaints (number),
  evaluation         jsonb,
  -- When it was closed (办结), for the 规定期限办结率 by unit and period.
  closed_at          timestamptz,
  -- The earliest deadline of its open stages (null when none is open): the work list's
  -- "stage overdue" filter, kept by each step.
  stage_due_at       timestamptz,
  CHECK ((channel = 'minxin') = (external_ref IS NOT NULL))
);

-- The console's work list: newest first, one index per filter, each in the list's order.
CREATE INDEX complaints_newest ON complaints (registered_at DESC, number DESC);
CREATE INDEX complaints_by_state ON complaints (state, registered_at DESC, number DESC);
CREATE INDEX complaints_by_channel ON complaints (channel, registered_at DESC, number DESC);
-- A unit's list (as lead unit) and its statistics by period received and closed.
CREATE INDEX complaints_by_lead ON complaints (lead_unit, registered_at DESC, number DESC);
CREATE INDEX complaints_closed_by_lead ON complaints (lead_unit, closed_at) WHERE closed_at IS NOT NULL;
-- Open stages by deadline (the red list, the overdue filter).
CREATE INDEX complaints_by_stage_due ON complaints (stage_due_at) WHERE stage_due_at IS NOT NULL;
-- An enterprise's complaints of a window (duplicates at registration).
CREATE INDEX complaints_by_credit_code ON complaints (credit_code, registered_at) WHERE credit_code IS NOT NULL;
CREATE INDEX complaints_by_enterprise ON complaints (enterprise_key, registered_at);

-- A complaint's history, one row per step (contracts/complaints.ts ComplaintStep), in order of id.
CREATE TABLE complaint_steps (
  id           bigserial PRIMARY KEY,
  number       text NOT NULL REFERENCES complaints (number),
  at           timestamptz NOT NULL,
  action       text NOT NULL,
  from_state   text,
  to_state     text NOT NULL,
  actor        jsonb NOT NULL,
  units        jsonb NOT NULL,
  note         text,
  public_note  text,
  visibility   text NOT NULL CHECK (visibility IN ('public', 'internal'))
);

CREATE INDEX complaint_steps_by_number ON complaint_steps (number, id);
-- Per-unit statistics of steps (returned at review, accepted on time) by period.
CREATE INDEX complaint_steps_by_action ON complaint_steps (action, at);

-- The co-units of the current dispatch (联办) and their parts (contracts/complaints.ts CoUnitPart).
CREATE TABLE complaint_co_units (
  number     text NOT NULL REFERENCES complaints (number),
  unit_code  text NOT NULL REFERENCES complaint_units (code),
  position   integer NOT NULL,
  part       jsonb,
  PRIMARY KEY (number, unit_code)
);

-- A unit's list as a co-unit.
CREATE INDEX complaint_co_units_by_unit ON complaint_co_units (unit_code, number);

-- The public web form's submissions per client (its address's sha256) and hour, shared by every
-- instance: the form needs no account, so its rate is limited per address.
CREATE TABLE public_form_attempts (
  client_hash   text NOT NULL,
  window_start  timestamptz NOT NULL,
  attempts      integer NOT NULL,
  PRIMARY KEY (client_hash, window_start)
);
