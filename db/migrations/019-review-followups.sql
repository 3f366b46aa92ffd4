-- 差评整改回访: the follow-up of every 差评 (an evaluation with callback_required = 1, the two
-- lowest of five levels). One row per 差评, made in the same transaction as the rating, so no 差评
-- is ever without its deadline. Times are ISO instants; due_date is a hall-local date.
--
-- The loop: assigned to a handler → verified (核实) → rectified and answered (整改反馈, by due_date,
-- counted in working days from the hall calendar) → called back (回访: when, by whom, what was
-- said, the citizen's rating of the rectification) → closed. The handler's side may appeal a
-- mistaken 差评 (申诉); a supervisor's review upholds it or overturns it, and an overturned 差评
-- counts in no rate. On time = rectified_at's hall-local date ≤ due_date.
CREATE TABLE review_followups (
  evaluation_id         TEXT PRIMARY KEY REFERENCES evaluations (id),
  opened_at             TEXT NOT NULL,
  due_date              TEXT NOT NULL,
  handler_staff_number  TEXT,
  assigned_at           TEXT,
  assigned_by           TEXT,
  verified_at           TEXT,
  verified_by           TEXT,
  verification          TEXT,
  rectified_at          TEXT,
  rectified_by          TEXT,
  rectification         TEXT,
  callback_at           TEXT,
  callback_by           TEXT,
  callback_result       TEXT,
  callback_rating       TEXT CHECK (callback_rating IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  appeal_at             TEXT,
  appeal_by             TEXT,
  appeal_reason         TEXT,
  appeal_decision       TEXT CHECK (appeal_decision IN ('upheld', 'overturned')),
  appeal_decided_at     TEXT,
  appeal_decided_by     TEXT,
  closed_at             TEXT,
  CHECK (appeal_decision IS NULL OR appeal_at IS NOT NULL),
  CHECK (callback_rating IS NULL OR callback_at IS NOT NULL)
);

-- The console's open list and the overdue sweep read what is not closed, by deadline.
CREATE INDEX review_followups_open ON review_followups (due_date) WHERE closed_at IS NULL;
