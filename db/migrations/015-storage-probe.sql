-- The storage monitor's scratch table (host/storage/storage-monitor.ts): a probe writes one row
-- and deletes it again, to learn whether a database that refused a write takes writes again. It
-- holds nothing between probes. Until this migration the monitor created it itself at start, so a
-- hall's database may have it already.
CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL, pad BLOB NOT NULL);
