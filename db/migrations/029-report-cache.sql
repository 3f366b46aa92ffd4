-- The host keeps what a report needs of each closed business day in memory (host/reports/
-- closed-days.ts): a year report read ~80,000 ticket rows and ~30,000 ratings from SQLite every
-- time, most of its cost, though a closed day's rows almost never change again. "Almost" is kept
-- exact here, by triggers rather than by the code paths that write (the queue, the daily sweep,
-- retention, the demo history, a sync from another process): the host records how far it has
-- cached (horizon_day for tickets by business day, horizon_at for ratings by instant), and any
-- write at or before that horizon bumps `generation`; the host drops its cache when it differs.
-- Today's queue writes are after the horizon and only evaluate the one-row lookup.
CREATE TABLE report_cache_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  horizon_day TEXT NOT NULL DEFAULT '',
  horizon_at  TEXT NOT NULL DEFAULT '',
  generation  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO report_cache_state (id) VALUES (1);

CREATE TRIGGER report_cache_ticket_insert AFTER INSERT ON tickets
  WHEN NEW.business_day <= (SELECT horizon_day FROM report_cache_state WHERE id = 1)
BEGIN
  UPDATE report_cache_state SET generation = generation + 1 WHERE id = 1;
END;

-- Only the columns a report reads: purging a citizen's details from an old ticket keeps the cache.
CREATE TRIGGER report_cache_ticket_update
  AFTER UPDATE OF business_day, issued_service, window_id, staff_id, status, issued_at, first_called_at, called_at, finished_at
  ON tickets
  WHEN OLD.business_day <= (SELECT horizon_day FROM report_cache_state WHERE id = 1)
    OR NEW.business_day <= (SELECT horizon_day FROM report_cache_state WHERE id = 1)
BEGIN
  UPDATE report_cache_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER report_cache_ticket_delete AFTER DELETE ON tickets
  WHEN OLD.business_day <= (SELECT horizon_day FROM report_cache_state WHERE id = 1)
BEGIN
  UPDATE report_cache_state SET generation = generation + 1 WHERE id = 1;
END;

-- Ratings by instant (ISO text, as every evaluated_at is written): a rating given late for an old
-- ticket is after the horizon; one synced in with an old instant is not, and drops the cache.
CREATE TRIGGER report_cache_rating_insert AFTER INSERT ON evaluations
  WHEN NEW.evaluated_at < (SELECT horizon_at FROM report_cache_state WHERE id = 1)
BEGIN
  UPDATE report_cache_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER report_cache_rating_update
  AFTER UPDATE OF level, callback_required, evaluated_at, window_number, staff_number, ticket_id ON evaluations
  WHEN OLD.evaluated_at < (SELECT horizon_at FROM report_cache_state WHERE id = 1)
    OR NEW.evaluated_at < (SELECT horizon_at FROM report_cache_state WHERE id = 1)
BEGIN
  UPDATE report_cache_state SET generation = generation + 1 WHERE id = 1;
END;

CREATE TRIGGER report_cache_rating_delete AFTER DELETE ON evaluations
  WHEN OLD.evaluated_at < (SELECT horizon_at FROM report_cache_state WHERE id = 1)
BEGIN
  UPDATE report_cache_state SET generation = generation + 1 WHERE id = 1;
END;
