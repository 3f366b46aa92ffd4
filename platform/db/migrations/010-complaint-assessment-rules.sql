-- 考核细则 (contracts/complaint-assessment.ts AssessmentRules): the 营商局's assessment rules as
-- validated JSON, versioned like the deadline rules of migration 008: the newest version is in
-- force, older ones say what a past period was scored by. Seeded with the defaults at the first
-- start; a new version is written by a 营商局 supervisor.
CREATE TABLE complaint_assessment_rules (
  version     integer PRIMARY KEY CHECK (version >= 1),
  rules       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);
