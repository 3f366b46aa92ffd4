import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { listStaff } from '../../../db/repositories/staff';
import { ensureFirstSupervisor } from '../../../host/auth/first-supervisor';
import { StaffAuth } from '../../../host/auth/staff-auth';
import { testPepper } from './support';

const dir = mkdtempSync(join(tmpdir(), 'first-sup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const clock = { now: () => new Date('2026-11-27T01:00:00Z') };

describe('first boot without staff accounts', () => {
  it('creates one supervisor whose random PIN only the owner can read, and signs in with it', async () => {
    const db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir: join(import.meta.dirname, '../../../db/migrations') });
    const created = await ensureFirstSupervisor(db, clock, dir, testPepper);
    expect(created?.staffNo).toBe('9001');
    const file = created?.pinFile ?? '';
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const pin = /PIN (\d{6})/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    const session = await new StaffAuth({ db, clock, pepper: testPepper }).signIn('9001', pin);
    expect(session.staff.role).toBe('supervisor');
    // A second boot finds the account and creates nothing.
    expect(await ensureFirstSupervisor(db, clock, dir, testPepper)).toBeNull();
    expect(listStaff(db)).toHaveLength(1);
    db.close();
  });
});
