-- The manager's live floor (现场). A window's pause needs its start: the floor shows how long a
-- window has been paused and alerts past the hall's threshold. Set when a window is paused,
-- cleared when it resumes. Windows already paused when this runs get the migration's time: the
-- real start is not known, and "at least since now" never over-states a pause.
ALTER TABLE windows ADD COLUMN paused_at TEXT;
UPDATE windows SET paused_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE paused = 1;

-- A 差评 alert on the floor lasts until a supervisor has seen it (or its follow-up was assigned,
-- review_followups.assigned_at). One row per 差评 seen, by whom and when (also in the audit log).
CREATE TABLE review_alerts_seen (
  evaluation_id  TEXT PRIMARY KEY REFERENCES evaluations (id),
  seen_at        TEXT NOT NULL,
  seen_by        INTEGER NOT NULL REFERENCES staff (id)
);
