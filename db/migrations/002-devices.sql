-- Devices of this host: seeded from the config file on first boot, then owned by
-- the technician console. The config is the validated JSON of contracts/config.ts
-- DeviceConfig (kind, transport, options), kept whole so new options need no migration.
CREATE TABLE devices (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('idcard', 'printer', 'caller', 'ledscreen', 'scanner')),
  config_json TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
