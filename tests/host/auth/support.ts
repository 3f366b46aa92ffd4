import { mkdtempSync, rmSync } from 'node:fs';
import { PinPepper } from '../../../host/auth/pin-pepper';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../db/open';
import type { Clock } from '../../../host/clock/clock';

const migrationsDir = join(import.meta.dirname, '../../../db/migrations');

export interface TestDb {
  db: Db;
  /** Window ids by window number (1..3). */
  windows: Map<number, number>;
  dispose(): void;
}

/** A migrated SQLite file in a temp folder, with three windows. */
export function openTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'hall-auth-test-'));
  const db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
  const windows = new Map<number, number>();
  for (const n of [1, 2, 3]) {
    const { id } = db.prepare('INSERT INTO windows (number, name) VALUES (?, ?) RETURNING id').get(n, `窗口 ${n}`) as {
      id: number;
    };
    windows.set(n, id);
  }
  return {
    db,
    windows,
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A hall clock the test moves by hand. */
export class FakeClock implements Clock {
  private t: number;
  constructor(start = '2025-03-03T01:00:00.000Z') {
    this.t = Date.parse(start);
  }
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(minutes: number): void {
    this.t += minutes * 60_000;
  }
}

export function windowStaff(db: Db, windowId: number): number | null {
  return (db.prepare('SELECT staff_id AS s FROM windows WHERE id = ?').get(windowId) as { s: number | null }).s;
}

export function auditActions(db: Db): string[] {
  return (db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);
}

export function auditText(db: Db): string {
  return JSON.stringify(db.prepare('SELECT * FROM audit_log ORDER BY id').all());
}

/** One pepper for a test file's hosts (a real host derives it from the install secret). */
export const testPepper = PinPepper.ephemeral();
