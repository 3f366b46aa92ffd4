import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostConfig, type HostConfigInput } from '../../../contracts/config';
import { HallSettings } from '../../../contracts/hall-settings';
import { openDatabase } from '../../../db/open';
import { upsertServices } from '../../../db/repositories/services';
import { upsertWindows } from '../../../db/repositories/windows';
import { createHost, type Host } from '../../../host/app';
import { settingsIssues } from '../../../host/settings/hall-settings-check';
import { ALL_DAY_HOURS, migrationsDir } from '../../support/test-host';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hall-settings-'));
  dirs.push(dir);
  return dir;
}

const boot = (dir: string, config: HostConfigInput = {}): Promise<Host> =>
  createHost({
    environment: 'test',
    config: HostConfig.parse({ devices: [], hours: ALL_DAY_HOURS, ...config }),
    migrationsDir,
    dbFile: join(dir, 'hall.sqlite'),
    logLevel: 'silent',
  });

describe('hall settings store', () => {
  it('is seeded from the config file on first boot; afterwards the database copy is the truth', async () => {
    const dir = dataDir();
    const first = await boot(dir, { hallName: '甲中心' });
    const seeded = first.hallSettings.get();
    expect(seeded.hallName).toBe('甲中心');
    expect(seeded.services.map((s) => s.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    first.hallSettings.update(
      { ...seeded, hallName: '乙中心', services: seeded.services.map((s, i) => (i === 0 ? { ...s, name: '企业服务' } : s)) },
      null,
    );
    await first.close();

    // The file changed since, but the technician's settings stand.
    const again = await boot(dir, {
      hallName: '丙中心',
      services: [{ code: 'other', name: '别的', nameEn: 'Other', prefix: 'Z' }],
      windows: [{ number: 1, name: '一', services: ['other'] }],
    });
    expect(again.hallSettings.get().hallName).toBe('乙中心');
    expect(again.queue.services().map((s) => s.name)[0]).toBe('企业服务');
    expect(again.queue.services().map((s) => s.code)).not.toContain('other');
    await again.close();
  });

  it('keeps the services and windows an older version seeded, so an upgrade changes nothing on screen', async () => {
    const dir = dataDir();
    const db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    upsertServices(db, [
      {
        code: 'old-service',
        name: '老事项',
        nameEn: 'Old',
        prefix: 'K',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 99,
        targetWaitMin: 10,
        materials: '',
      },
    ]);
    upsertWindows(db, [{ number: 12, name: '老窗口', services: ['old-service'] }]);
    db.close();

    const host = await boot(dir);
    const settings = host.hallSettings.get();
    expect(settings.services.find((s) => s.code === 'old-service')).toMatchObject({
      name: '老事项',
      prefix: 'K',
      dailyLimit: 99,
    });
    expect(settings.windows.find((w) => w.number === 12)).toEqual({ number: 12, name: '老窗口', services: ['old-service'] });
    expect(host.queue.windows().map((w) => w.number)).toContain(12);
    await host.close();
  });

  it('deletes a service nothing ever used and retires one with tickets, keeping their history', async () => {
    const dir = dataDir();
    const host = await boot(dir);
    const settings = host.hallSettings.get();
    host.queue.issue({ serviceCode: 'consulting', identity: null });
    const ticket = host.queue.issue({ serviceCode: 'consulting', identity: null });
    host.queue.expireOldTickets();
    // Cancel the open tickets so the service may go (as the daily reset would).
    host.db.prepare("UPDATE tickets SET status = 'cancelled'").run();
    const keep = settings.services.filter((s) => s.code !== 'consulting' && s.code !== 'livelihood');
    const codes = new Set(keep.map((s) => s.code));
    host.hallSettings.update(
      {
        ...settings,
        services: keep,
        windows: settings.windows.map((w) => ({ ...w, services: w.services.filter((c) => codes.has(c)) })),
      },
      null,
    );
    const rows = host.db.prepare("SELECT code, retired FROM services WHERE code IN ('consulting', 'livelihood')").all();
    expect(rows).toEqual([{ code: 'consulting', retired: 1 }]);
    expect(host.queue.ticket(ticket.id).serviceName).toBe('咨询');
    await host.close();
  });
});

describe('hall settings checks', () => {
  const base = () =>
    HallSettings.parse({
      hallName: '中心',
      services: [
        { code: 'one', name: '一', nameEn: 'One', prefix: 'A' },
        { code: 'two', name: '二', nameEn: 'Two', prefix: 'B' },
      ],
      windows: [{ number: 1, name: '一号', services: ['one', 'two'] }],
      hours: ALL_DAY_HOURS,
    });

  it('accepts a document that holds together', () => {
    expect(settingsIssues(base())).toEqual([]);
  });

  it('names each field that does not hold together', () => {
    const s = base();
    const issues = settingsIssues({
      ...s,
      services: [
        { ...s.services[0]!, slotMinutes: 30 },
        {
          ...s.services[1]!,
          code: 'one',
          hours: {
            ...s.hours,
            tue: [
              { from: '09:00', to: '12:00', duty: false },
              { from: '11:00', to: '13:00', duty: false },
            ],
          },
        },
      ],
      windows: [
        { number: 1, name: '一号', services: ['one', 'one'] },
        { number: 1, name: '又一号', services: ['one'] },
      ],
      calendar: { holidays: ['2027-01-01'], extraWorkdays: ['2027-01-01'], makeupHours: 'mon' },
    });
    expect(issues.map((i) => `${i.path} ${i.reason}`)).toEqual([
      'services.1.code duplicate',
      'services.0.slotLimit slot_pair',
      'services.1.hours.tue.1.from period_overlap',
      'windows.1.number duplicate',
      'windows.0.services.1 duplicate',
      'calendar.extraWorkdays.0 calendar_conflict',
    ]);
  });
});
