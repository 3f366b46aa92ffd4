-- Settings the technician console owns after first boot: the hall's settings (services,
-- windows, hours, queue rules, timeouts) and this terminal's (role, hall link, kiosk options).
-- One JSON document per key, validated by its contract on every read and write.

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
