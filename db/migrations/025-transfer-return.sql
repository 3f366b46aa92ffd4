-- 转办并返回: a ticket sent to another window (or service) for one step comes back to the head of
-- the first window's queue when that step is finished, waiting again, not finished. While the step
-- is under way the ticket keeps where it goes back to: the window (return_window_id) and the
-- service it waits in there (return_service: a transfer to a service moved service_code). Once
-- back, returned_from_window_id names the step's window until the ticket is called again (the
-- counter shows "从 3 号窗口返回"). The ticket stays one row: the day's figures count it once.
ALTER TABLE tickets ADD COLUMN return_window_id INTEGER REFERENCES windows (id);
ALTER TABLE tickets ADD COLUMN return_service TEXT REFERENCES services (code);
ALTER TABLE tickets ADD COLUMN returned_from_window_id INTEGER REFERENCES windows (id);
