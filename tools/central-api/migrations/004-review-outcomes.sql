-- 差评整改回访: what each hall reports of a 差评's follow-up, when its appeal is decided and when it
-- is closed. One row per report, about the evaluation the hall delivered under `evaluation_key`.
CREATE TABLE review_outcomes (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  evaluation_id   INTEGER NOT NULL REFERENCES evaluations (id),
  hall_id         TEXT NOT NULL,
  stage           TEXT NOT NULL CHECK (stage IN ('appeal_decided', 'closed')),
  outcome_json    TEXT NOT NULL,
  received_at     TEXT NOT NULL
) STRICT;

CREATE INDEX review_outcomes_by_evaluation ON review_outcomes (evaluation_id, stage);
