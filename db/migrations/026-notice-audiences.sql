-- Which screens show a notice (issue 19): every kiosk and display, as before, or the chosen ones
-- only (the hall machine's own pages, paired hall TVs and secondary kiosks by terminal id). A
-- screen is told apart by the host (its terminal token, or this machine), never by what it says.
-- Central notices always show everywhere. Edits of a hall notice are stamped with who and when.

ALTER TABLE notices ADD COLUMN audience TEXT NOT NULL DEFAULT 'all' CHECK (audience IN ('all', 'chosen'));
ALTER TABLE notices ADD COLUMN edited_at TEXT;
-- Staff number, text like created_by: the notice's history outlives the account.
ALTER TABLE notices ADD COLUMN edited_by TEXT;

-- The screens of a notice whose audience is 'chosen'. target: 'hall' (the hall machine's own
-- pages) or a terminal's id; not a foreign key, so that revoking a terminal keeps the notice's
-- record of where it was shown.
CREATE TABLE notice_targets (
  notice_id  TEXT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  target     TEXT NOT NULL,
  PRIMARY KEY (notice_id, target)
);

-- The screens' query: is this notice targeted at me?
CREATE INDEX notice_targets_by_target ON notice_targets (target, notice_id);
