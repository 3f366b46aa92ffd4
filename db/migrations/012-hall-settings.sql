-- Hall settings edited live in the technician console. A service or window taken out
-- of the settings is retired, not deleted, when tickets, calls or the audit log refer to it: its
-- history keeps its name, and it no longer issues, lists or signs anyone in.
ALTER TABLE services ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));
ALTER TABLE windows ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));

-- The window a staff member usually works at (shown in the console and exported); sign-in may
-- still choose any window.
ALTER TABLE staff ADD COLUMN window_number INTEGER CHECK (window_number IS NULL OR window_number > 0);
