import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CurrentIdentity } from '../../contracts/identity';
import type { Db } from '../../db/open';
import { listAudit } from '../../db/repositories/audit';
import { entryById, markDelivered, markPermanent, undeliveredEntries } from '../../db/repositories/outbox';
import { simulatedCards } from '../../hardware/idcard';
import type { CitizenCard } from '../../host/identity/identity-sessions';
import { ELDER_ITEM, elderForm, services, type Services } from '../host/cases/support';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { adminAuth } from '../platform/support/platform';
import { listenCentral, ManualClock, openHallDb, tempDir, token, type ListeningApi, type TempDir } from '../host/sync/support';

/**
 * Issue 18, item 5: personal data that cannot be recovered. An attacker holding a copy of the
 * hall's database, or a reply of the central API's `/v1/appointments`, must not get a citizen's
 * ID number back; `/identity` shows no exact age.
 */

const DAY = 86_400_000;
const HALL = 'hall-01';
const CITIZEN = simulatedCards.zhangSan;

/**
 * What an attacker tries: the first 6 and last 4 characters of the number are known (a masked
 * number, or the district and a guess), the 8 in between are a birth date: about 46,000 dates
 * from 1900 on. Both unkeyed forms the code has ever used are tried.
 */
function unkeyedHashesOfCandidates(prefix: string, suffix: string): Set<string> {
  const hashes = new Set<string>();
  for (let day = Date.UTC(1900, 0, 1); day <= Date.UTC(2026, 11, 31); day += DAY) {
    const candidate = `${prefix}${new Date(day).toISOString().slice(0, 10).replaceAll('-', '')}${suffix}`;
    hashes.add(createHash('sha256').update(`${HALL}:${candidate}`).digest('hex'));
    hashes.add(createHash('sha256').update(candidate).digest('hex'));
  }
  return hashes;
}

/** Every 64-hex-digit value in a text (a sha256 in hex, wherever it sits). */
const hexDigests = (text: string): string[] => text.match(/\b[0-9a-f]{64}\b/gi)?.map((h) => h.toLowerCase()) ?? [];

describe('appointments: the hall and the central reply hold no reversible ID hash', () => {
  let central: ListeningApi;
  let host: TestHost;

  beforeEach(async () => {
    central = await listenCentral();
    host = await startTestHost({
      clock: new ManualClock(),
      config: { hallId: HALL, centralApi: { url: central.baseUrl, token } },
    });
    await host.appointments.refresh();
  });
  afterEach(async () => {
    await host.dispose();
    await central.close();
  });

  it('trying all ~46,000 candidate numbers against the stored tag and the central reply finds nothing', async () => {
    const booked = await fetch(`${central.baseUrl}/v1/admin/appointments`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: HALL,
        serviceCode: 'livelihood',
        slotStart: '2026-11-27T10:00:00+08:00',
        slotEnd: '2026-11-27T10:30:00+08:00',
        applicant: { name: CITIZEN.name, idNumber: CITIZEN.idNumber },
      }),
    });
    expect(booked.status).toBe(201);
    await host.appointments.refresh();

    const reply = await (
      await fetch(`${central.baseUrl}/v1/appointments?hall=${HALL}&date=2026-11-27`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).text();
    const stored = JSON.stringify(host.db.prepare('SELECT * FROM appointments').all());
    expect(stored).toContain('livelihood');

    const candidates = unkeyedHashesOfCandidates(CITIZEN.idNumber.slice(0, 6), CITIZEN.idNumber.slice(-4));
    expect(candidates.size).toBeGreaterThan(90_000);
    expect(hexDigests(reply).filter((h) => candidates.has(h))).toEqual([]);
    expect(hexDigests(stored).filter((h) => candidates.has(h))).toEqual([]);
    // Never a tag beside a masked number: the hall's copy keeps no part of the number.
    expect(stored).not.toContain(CITIZEN.idNumber.slice(-4));

    // The keyed tag still matches the card on the reader.
    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'card read');
    const checkIn = await host.app.inject({ method: 'POST', url: '/api/v1/appointments/check-in', payload: { by: 'card' } });
    expect(checkIn.statusCode).toBe(201);
  });
});

describe('/identity: an age band, not the age', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ clock: new ManualClock() });
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('tells the kiosk the decade of the holder’s age and never the exact age', async () => {
    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'card read');
    const res = await host.app.inject({ method: 'GET', url: '/api/v1/identity' });
    expect(res.statusCode).toBe(200);
    const { identity } = CurrentIdentity.parse(res.json());
    // Born 1985-03-15, 41 on the hall's 2026-11-27.
    expect(res.body).not.toMatch(/"age"\s*:/);
    expect(identity).toMatchObject({ ageBand: '40-49' });
  });
});

describe('purged cases: no ID number left in the database file or its WAL', () => {
  let tmp: TempDir;
  let db: Db;
  let clock: ManualClock;

  beforeEach(() => {
    tmp = tempDir('security-purge-');
    db = openHallDb(join(tmp.dir, 'hall.sqlite'));
    clock = new ManualClock();
  });
  afterEach(() => {
    if (db.open) db.close();
    tmp.cleanup();
  });

  /** Three citizens (invented numbers with valid check digits) and the fate of their cases. */
  const delivered: CitizenCard = { kind: 'resident', name: '赵一鸣', idNumber: '110105198503150019', birthDate: '1985-03-15' };
  const undelivered: CitizenCard = { kind: 'resident', name: '钱二丽', idNumber: '310104199207080023', birthDate: '1992-07-08' };
  const failed: CitizenCard = { kind: 'resident', name: '孙三强', idNumber: '420106195001010038', birthDate: '1950-01-01' };

  /** The file's bytes as an attacker with a copy reads them, the WAL beside it included. */
  const rawFiles = (): Buffer[] =>
    [join(tmp.dir, 'hall.sqlite'), join(tmp.dir, 'hall.sqlite-wal')].filter((f) => existsSync(f)).map((f) => readFileSync(f));
  /** Where a text could sit in the file: UTF-8 (the database's encoding) and UTF-16 either way. */
  const encodings = (text: string): Buffer[] => [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
    Buffer.from(text, 'utf16le').swap16(),
  ];
  const leaks = (card: CitizenCard): string[] =>
    rawFiles().flatMap((bytes, file) =>
      [card.idNumber, card.name].flatMap((text) =>
        encodings(text)
          .filter((e) => bytes.includes(e))
          .map(() => `${file}:${text}`),
      ),
    );

  function submitThree(s: Services): void {
    for (const card of [delivered, undelivered, failed]) s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, card);
    const [first, , third] = [entryById(db, 1), entryById(db, 2), entryById(db, 3)];
    if (!first || !third) throw new Error('three outbox entries expected');
    db.transaction(() => {
      markDelivered(
        db,
        first.id,
        { caseNumber: 'HK20261127000001', status: 'submitted', receivedAt: clock.now().toISOString() },
        clock.now(),
      );
      s.cases.onDelivered(first, { caseNumber: 'HK20261127000001', status: 'submitted', receivedAt: clock.now().toISOString() });
    })();
    markPermanent(db, third.id, '422 form_invalid');
  }

  it('finds none of the purged ID numbers or names in the raw bytes after the purges', () => {
    const s = services(db, clock, { caseOptions: { undeliveredRetentionDays: () => 90 } });
    submitThree(s);
    // The numbers are there before: the search would find them.
    expect(leaks(delivered).length).toBeGreaterThan(0);
    expect(leaks(undelivered).length).toBeGreaterThan(0);

    clock.advance(91 * DAY);
    s.cases.purge();

    expect(leaks(delivered)).toEqual([]);
    expect(leaks(undelivered)).toEqual([]);
    expect(leaks(failed)).toEqual([]);
    // The delivered case stays as the hall's record, without its personal data.
    expect(s.cases.progress('HK20261127000001').status).toBe('submitted');
  });

  it('purges undelivered and failed cases only after the hall’s retention period, and audits it without personal data', () => {
    let retentionDays = 90;
    const s = services(db, clock, { caseOptions: { undeliveredRetentionDays: () => retentionDays } });
    submitThree(s);

    clock.advance(89 * DAY);
    s.cases.purge();
    expect(leaks(undelivered).length + leaks(failed).length).toBeGreaterThan(0);
    expect(listAudit(db, { limit: 10 }).filter((a) => a.action === 'cases.personal_data_purged')).toHaveLength(1);

    // The hall shortened its retention in the technician console: the next purge follows it.
    retentionDays = 60;
    s.cases.purge();
    const audits = listAudit(db, { limit: 10 }).filter((a) => a.action === 'cases.personal_data_purged');
    expect(audits.at(-1)).toMatchObject({ staffId: null, details: { undelivered: 2, retentionDays: 60 } });
    expect(leaks(undelivered)).toEqual([]);
    expect(leaks(failed)).toEqual([]);
    const audited = JSON.stringify(audits);
    for (const card of [delivered, undelivered, failed]) {
      expect(audited).not.toContain(card.idNumber);
      expect(audited).not.toContain(card.name);
    }
    // Nothing of theirs is left to deliver; a purge with nothing to do writes no audit row.
    expect(undeliveredEntries(db, 10).filter((e) => e.kind === 'case')).toEqual([]);
    s.cases.purge();
    expect(listAudit(db, { limit: 10 }).filter((a) => a.action === 'cases.personal_data_purged')).toHaveLength(audits.length);
  });
});
