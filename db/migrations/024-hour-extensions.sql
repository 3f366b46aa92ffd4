-- 延时服务: a supervisor keeps a service, or the services of a window, issuing numbers past
-- today's hours (until 18:30, say). One row per extension, for one business day: it expires with
-- the day because every read names the day. Cancelling keeps the row (who, when) for the record;
-- the audit log has both steps too. `until` is a hall-local wall time, HH:MM.
CREATE TABLE hour_extensions (
  id            INTEGER PRIMARY KEY,
  business_day  TEXT NOT NULL,
  service_code  TEXT REFERENCES services (code) ON DELETE CASCADE,
  window_id     INTEGER REFERENCES windows (id) ON DELETE CASCADE,
  until         TEXT NOT NULL CHECK (until GLOB '[0-2][0-9]:[0-5][0-9]'),
  reason        TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES staff (id),
  cancelled_at  TEXT,
  cancelled_by  INTEGER REFERENCES staff (id),
  -- An extension is of one service or of one window, never both.
  CHECK ((service_code IS NULL) != (window_id IS NULL))
);
CREATE INDEX hour_extensions_by_day ON hour_extensions (business_day);
