-- 差评整改回访, what the hall's follow-up needs besides migration 019's columns (their meaning unchanged).
--
-- rated_date     the rating's hall-local date: due_date is counted from it (N working days of the hall
--                calendar after it, N = hall settings reviews.rectifyWorkingDays at the rating), and a
--                range of the rates selects 差评 by it.
-- rectified_date rectified_at's hall-local date, written with it: on time = rectified_date <= due_date.
-- overdue_at     when the host first found the follow-up overdue and announced it (review.overdue);
--                each follow-up is announced once, across restarts. One the start-up sweep opens
--                already past its due date is marked then, unannounced.
-- closed_by      the supervisor who closed the loop.
--
-- The host writes rated_date with every row (nothing wrote the table before this migration).
--
-- States: a row is overturned when appeal_decision = 'overturned' (final: no step follows, and it
-- counts in no rate; closed_at stays NULL); closed when closed_at IS NOT NULL (only after a
-- callback, so only after a rectification); open otherwise. Open and not rectified with
-- due_date < today (hall-local) is overdue; an appeal pending does not stop the deadline.
--
-- Rates over a range of rated_date [from, to], `today` hall-local, overturned rows left out of all:
--   差评 count            rows of the range
--   on-time rectification rows with rectified_date <= due_date
--                         / rows rectified or due (rectified_at IS NOT NULL OR due_date < today)
--   callback rate         rows with callback_at / rows of the range
--   rectification         rows rated satisfied or basically_satisfied
--   satisfaction          / rows with a callback_rating
ALTER TABLE review_followups ADD COLUMN rated_date TEXT;
ALTER TABLE review_followups ADD COLUMN rectified_date TEXT;
ALTER TABLE review_followups ADD COLUMN overdue_at TEXT;
ALTER TABLE review_followups ADD COLUMN closed_by TEXT;

CREATE INDEX review_followups_rated ON review_followups (rated_date);
