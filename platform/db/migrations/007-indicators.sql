-- The business-environment indicator system (营商环境评价指标体系, docs/indicators.md): the tree
-- in versions, the assessment periods, the values entered per period with their review, the
-- figures the platform computes from its own rows, and the scores a closed period keeps.
-- PostgreSQL 15 and PGlite alike (platform/db/README.md).

-- One row per saved tree. A save never rewrites a version: it adds the next one, so a closed
-- period keeps the tree it was scored on. The first start saves the seed as version 1.
CREATE TABLE indicator_tree_versions (
  version            integer PRIMARY KEY,
  -- The departments answerable for leaves (contracts/indicators.ts ResponsibleUnit[]). Codes
  -- are text, not keys of the complaint platform's units: the two lists are kept apart.
  responsible_units  jsonb NOT NULL,
  saved_by           text NOT NULL,
  saved_at           timestamptz NOT NULL
);

-- The nodes of each version, one row each, in the tree's order (position). Leaves (level 3)
-- carry their configuration; the checks keep a group or category free of it. The service
-- validates the whole tree (contracts/indicators.ts IndicatorTree) before writing any row.
CREATE TABLE indicator_nodes (
  tree_version      integer NOT NULL REFERENCES indicator_tree_versions (version),
  code              text NOT NULL,
  level             smallint NOT NULL CHECK (level IN (1, 2, 3)),
  parent_code       text,
  position          integer NOT NULL,
  name              text NOT NULL,
  name_en           text NOT NULL,
  weight            double precision NOT NULL CHECK (weight > 0 AND weight <= 1),
  unit              text,
  direction         text CHECK (direction IN ('higher', 'lower')),
  target            double precision,
  worst             double precision,
  responsible_unit  text,
  source_kind       text CHECK (source_kind IN ('computed', 'entered')),
  -- The metric of a computed leaf (contracts/indicator-metrics.ts); null for an entered one.
  metric            text,
  definition        text,
  definition_en     text,
  PRIMARY KEY (tree_version, code),
  CHECK ((level = 3) = (unit IS NOT NULL AND direction IS NOT NULL AND target IS NOT NULL AND worst IS NOT NULL
                        AND responsible_unit IS NOT NULL AND source_kind IS NOT NULL AND definition IS NOT NULL
                        AND definition_en IS NOT NULL)),
  CHECK ((source_kind = 'computed') = (metric IS NOT NULL))
);

-- Assessment periods: a year (2026), a quarter (2026-Q3) or a month (2026-07), each a range of
-- Asia/Shanghai dates. An open period follows the newest tree; closing it keeps the tree it was
-- scored on and its scores (indicator_scores), and no value of it changes after.
CREATE TABLE indicator_periods (
  period        text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('year', 'quarter', 'month')),
  starts_on     date NOT NULL,
  ends_on       date NOT NULL,
  state         text NOT NULL CHECK (state IN ('open', 'closed')),
  tree_version  integer NOT NULL REFERENCES indicator_tree_versions (version),
  opened_by     text NOT NULL,
  opened_at     timestamptz NOT NULL,
  closed_by     text,
  closed_at     timestamptz
);

CREATE INDEX indicator_periods_by_kind ON indicator_periods (kind, starts_on);

-- A value entered for a leaf of a period, one row per revision: a correction is a new revision,
-- never an edit, so the review of each figure stays readable. The responsible unit enters
-- (`submitted`); the 营商局's reviewer, someone else, approves it or returns it with a reason.
-- Only an approved revision scores: the period's latest approved one.
CREATE TABLE indicator_entries (
  period         text NOT NULL REFERENCES indicator_periods (period),
  code           text NOT NULL,
  revision       integer NOT NULL CHECK (revision >= 1),
  value          double precision NOT NULL,
  note           text,
  state          text NOT NULL CHECK (state IN ('submitted', 'approved', 'returned')),
  entered_by     text NOT NULL,
  entered_at     timestamptz NOT NULL,
  reviewed_by    text,
  reviewed_at    timestamptz,
  review_reason  text,
  PRIMARY KEY (period, code, revision),
  CHECK ((state = 'submitted') = (reviewed_at IS NULL)),
  CHECK (state <> 'returned' OR review_reason IS NOT NULL)
);

-- What the platform computed for a period, per metric, and how many rows the figure rests on:
-- a snapshot, so a late correction of a case does not silently move a published score. A
-- recomputation replaces it while the period is open. value is null when no row counted.
CREATE TABLE indicator_computed_values (
  period       text NOT NULL REFERENCES indicator_periods (period),
  metric       text NOT NULL,
  value        double precision,
  row_count    integer NOT NULL CHECK (row_count >= 0),
  computed_by  text NOT NULL,
  computed_at  timestamptz NOT NULL,
  PRIMARY KEY (period, metric)
);

-- A closed period's scores (contracts/indicator-scores.ts IndicatorScores) and the values they
-- were made of, as they were at the close.
CREATE TABLE indicator_scores (
  period        text PRIMARY KEY REFERENCES indicator_periods (period),
  tree_version  integer NOT NULL REFERENCES indicator_tree_versions (version),
  leaf_values   jsonb NOT NULL,
  scores        jsonb NOT NULL,
  scored_at     timestamptz NOT NULL
);

-- The metrics' reads of a period, each an index range rather than a scan of years of rows:
-- cases completed in a range of instants, evaluations given in one, a range of business days.
CREATE INDEX case_completions ON case_status_changes (at) WHERE status = 'completed';
CREATE INDEX evaluations_by_time ON evaluations (evaluated_at);
CREATE INDEX queue_stats_by_day ON queue_stats (business_day);
CREATE INDEX review_outcomes_by_received ON review_outcomes (received_at);
