-- The window evaluator (评价器) is bound to one window: the rating request of that window, and its
-- token, reach only the evaluators bound to its number (host/api/routes-events.ts). Bound by the
-- window's number, the one the hall, the event and the technician name it by, not by its row id.
-- NULL for every other kind, and for an evaluator paired before this migration: such a pad gets
-- no token until a technician binds it to a window in the terminal list.
ALTER TABLE terminals ADD COLUMN window_number INTEGER CHECK (window_number IS NULL OR window_number > 0);
