import type { Db } from '../open';
import { prepared } from '../statement-cache';

export interface DeviceRow {
  id: string;
  kind: string;
  /** The DeviceConfig as JSON; the host validates it when reading. */
  configJson: string;
}

export function listDevices(db: Db): DeviceRow[] {
  return prepared(db, 'SELECT id, kind, config_json AS configJson FROM devices ORDER BY kind, id').all() as DeviceRow[];
}

export function countDevices(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM devices').get() as { n: number }).n;
}

export function upsertDevice(db: Db, device: { id: string; kind: string; configJson: string }, at: string): void {
  prepared(
    db,
    `INSERT INTO devices (id, kind, config_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, config_json = excluded.config_json, updated_at = excluded.updated_at`,
  ).run(device.id, device.kind, device.configJson, at, at);
}

export function deleteDevice(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM devices WHERE id = ?').run(id).changes === 1;
}
