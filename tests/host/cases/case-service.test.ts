import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { counts, enqueue, entryById } from '../../../db/repositories/outbox';
import type { OutboxEntry } from '../../../db/repositories/outbox';
import { HostError } from '../../../host/errors/host-error';
import { ManualClock, openHallDb, tempDir } from '../sync/support';
import type { TempDir } from '../sync/support';
import { CARD, ELDER_ITEM, elderForm, services } from './support';

let tmp: TempDir;
let db: Db;
let clock: ManualClock;

beforeEach(() => {
  tmp = tempDir('cases-service-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
});
afterEach(() => {
  if (db.open) db.close();
  tmp.cleanup();
});

const caseRows = (): number => (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
const DAY = 86_400_000;

function problemsOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (error instanceof HostError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a HostError');
}

/** Pretends the sync delivered the case's entry with this reply. */
function deliver(entry: OutboxEntry, caseNumber: string, s: ReturnType<typeof services>): void {
  db.transaction(() => s.cases.onDelivered(entry, { caseNumber, status: 'submitted', receivedAt: clock.now().toISOString() }))();
}

describe('CaseService.submit', () => {
  it('prefills from the card and saves the case with its outbox entry', () => {
    const s = services(db, clock);
    const local = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm, materials: ['photo'] }, CARD);
    expect(local).toMatchObject({
      itemCode: ELDER_ITEM,
      itemName: '老年人优待证办理',
      caseNumber: null,
      status: 'submitted',
      maskedName: '张**',
      maskedIdNumber: '110105********002X',
      stewardRequested: false,
      materials: [
        { code: 'id-card', received: false },
        { code: 'photo', received: true },
      ],
    });
    expect(JSON.stringify(local)).not.toContain(CARD.idNumber);
    const entry = entryById(db, 1);
    expect(entry).toMatchObject({ kind: 'case', recordId: local.id, idempotencyKey: local.id, state: 'pending' });
    const payload = JSON.parse(entry?.payload ?? 'null') as { applicant: unknown; form: Record<string, string> };
    expect(payload.applicant).toEqual({ name: CARD.name, idNumber: CARD.idNumber, phone: elderForm.phone });
    expect(payload.form).toEqual({ ...elderForm, name: CARD.name, idNumber: CARD.idNumber, birthDate: CARD.birthDate });
  });

  it('takes card fields from the card, not from the form', () => {
    const s = services(db, clock);
    s.cases.submit({ itemCode: ELDER_ITEM, form: { ...elderForm, name: '李四', idNumber: '110105194912310000' } }, CARD);
    const payload = JSON.parse(entryById(db, 1)?.payload ?? 'null') as { form: Record<string, string> };
    expect(payload.form).toMatchObject({ name: CARD.name, idNumber: CARD.idNumber });
  });

  it('derives gender from a resident ID number for a gender prefill', () => {
    const s = services(db, clock);
    s.cases.submit({ itemCode: 'MS-YB-001', form: { phone: '010-65130001', address: '北京市' } }, CARD);
    const payload = JSON.parse(entryById(db, 1)?.payload ?? 'null') as { form: Record<string, string> };
    expect(payload.form).toMatchObject({ gender: '女', birthDate: '1949-12-31', phone: '010-65130001' });
  });

  it('refuses a form that misses required fields or has wrong types, saving nothing', () => {
    const s = services(db, clock);
    expect(
      problemsOf(() =>
        s.cases.submit(
          {
            itemCode: 'QY-KB-001',
            form: { phone: '12345', companyType: '股份公司', bank: '工商银行', extra: 'x' },
            materials: ['nope'],
          },
          CARD,
        ),
      ),
    ).toEqual({
      code: 'form_invalid',
      details: {
        problems: expect.arrayContaining([
          { key: 'extra', problem: 'unknown_field' },
          { key: 'phone', problem: 'invalid' },
          { key: 'companyName', problem: 'required' },
          { key: 'companyType', problem: 'not_an_option' },
          { key: 'registeredAddress', problem: 'required' },
          { key: 'nope', problem: 'unknown_material' },
        ]),
      },
    });
    expect(
      problemsOf(() =>
        s.cases.submit(
          {
            itemCode: 'MS-SYDJ-001',
            form: { phone: '13800000000', spouseName: '王五', spouseIdNumber: 'x', expectedDate: '2026-02-30' },
          },
          CARD,
        ),
      ),
    ).toEqual({ code: 'form_invalid', details: { problems: [{ key: 'expectedDate', problem: 'invalid' }] } });
    expect(problemsOf(() => s.cases.submit({ itemCode: 'XX-000', form: {} }, CARD))).toMatchObject({ code: 'item_unknown' });
    expect(caseRows()).toBe(0);
    expect(counts(db).pending).toBe(0);
  });

  it('writes the case and its outbox entry atomically: a failure inside leaves neither', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    // An outbox entry already holding the key the case will use: the enqueue fails after the case insert.
    db.transaction(() =>
      enqueue(db, { kind: 'case', recordId: 'other', orderingKey: 'x', idempotencyKey: id, payload: {}, now: clock.now() }),
    )();
    const s = services(db, clock, { caseOptions: { newId: () => id } });
    expect(() => s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD)).toThrow(/UNIQUE/);
    expect(caseRows()).toBe(0);
    expect(counts(db).pending).toBe(1);
  });

  it('a submission sent again after a lost reply returns the saved case, never a second one', () => {
    const s = services(db, clock);
    const submissionId = '6b0d7d2e-1c1a-4a7e-9d55-0f6f1f5a2b3c';
    const first = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm, submissionId }, CARD);
    const again = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm, submissionId }, CARD);
    expect(again.id).toBe(first.id);
    expect(first.id).toBe(submissionId);
    expect(caseRows()).toBe(1);
    expect(counts(db).pending).toBe(1);
    // Another card cannot pick up someone else's submission by its id.
    const other = { ...CARD, name: '李四', idNumber: '110105198503150019' };
    expect(() => s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm, submissionId }, other)).toThrow(/已被使用/);
  });
});

describe('CaseService delivery, status and lookup', () => {
  it('stores the case number once, applies changes idempotently and answers progress', () => {
    const s = services(db, clock);
    const local = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD);
    const entry = entryById(db, 1);
    if (!entry) throw new Error('no entry');
    deliver(entry, 'HK20261127000001', s);
    deliver(entry, 'HK20261127000009', s); // a second reply never renumbers the case
    expect(s.cases.localCase(local.id)).toMatchObject({ caseNumber: 'HK20261127000001', status: 'submitted' });

    const change = { cursor: '2', caseNumber: 'HK20261127000001', status: 'accepted' as const, at: '2026-11-27T03:00:00.000Z' };
    expect(s.cases.applyChange({ ...change, cursor: '1', status: 'submitted', at: '2026-11-27T02:00:00.000Z' })).toBe(false);
    expect(s.cases.applyChange(change)).toBe(true);
    expect(s.cases.applyChange(change)).toBe(false);
    expect(s.cases.applyChange({ ...change, caseNumber: 'HK20261127000777' })).toBe(false);
    const progress = s.cases.progress('HK20261127000001');
    expect(progress).toMatchObject({ status: 'accepted', itemName: '老年人优待证办理' });
    expect(progress.statusHistory.map((h) => h.status)).toEqual(['submitted', 'accepted']);
    expect(() => s.cases.progress('HK20261127000002')).toThrow(HostError);
  });

  it('keeps changes pulled before the case number was known, and applies them when it arrives', () => {
    const s = services(db, clock);
    const local = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD);
    const entry = entryById(db, 1);
    if (!entry) throw new Error('no entry');
    // The first reply was lost; meanwhile the central office accepted and started the case.
    const base = { caseNumber: 'HK20261127000005' };
    expect(s.cases.applyChange({ ...base, cursor: '10', status: 'submitted', at: '2026-11-27T02:00:00.000Z' })).toBe(false);
    expect(s.cases.applyChange({ ...base, cursor: '11', status: 'accepted', at: '2026-11-27T03:00:00.000Z' })).toBe(false);
    expect(
      s.cases.applyChange({ ...base, cursor: '12', status: 'in_progress', at: '2026-11-27T04:00:00.000Z', note: '材料齐全' }),
    ).toBe(false);
    // The re-send is answered as a replay with the current status only.
    db.transaction(() =>
      s.cases.onDelivered(entry, { caseNumber: base.caseNumber, status: 'in_progress', receivedAt: '2026-11-27T02:00:00.000Z' }),
    )();
    const after = s.cases.localCase(local.id);
    expect(after).toMatchObject({ caseNumber: base.caseNumber, status: 'in_progress' });
    expect(after?.statusHistory.map((h) => h.status)).toEqual(['submitted', 'accepted', 'in_progress']);
    expect(db.prepare('SELECT count(*) AS n FROM early_case_changes').get()).toEqual({ n: 0 });
  });

  it('forgets buffered changes of case numbers that never turn up', () => {
    const s = services(db, clock);
    s.cases.applyChange({ caseNumber: 'HK-OTHER-HALL', cursor: '1', status: 'accepted', at: '2026-11-27T03:00:00.000Z' });
    clock.advance(4 * DAY);
    s.cases.purge();
    expect(db.prepare('SELECT count(*) AS n FROM early_case_changes').get()).toEqual({ n: 0 });
  });

  it('finds a card’s recent cases by keyed hash only', () => {
    const s = services(db, clock);
    const first = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD);
    clock.advance(60_000);
    const second = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm, stewardRequested: true }, CARD);
    s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, { ...CARD, idNumber: '110105194912310037' });
    const mine = s.cases.casesForCard(s.keyer.keyOf(CARD.idNumber));
    expect(mine.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(mine[0]?.stewardRequested).toBe(true);
    clock.advance(31 * DAY);
    expect(s.cases.casesForCard(s.keyer.keyOf(CARD.idNumber))).toEqual([]);
    // No column holds the number in a form one could query with the key.
    const keys = db.prepare('SELECT applicant_key AS k FROM cases').all() as { k: string }[];
    expect(keys.every((r) => !r.k.includes(CARD.idNumber))).toBe(true);
  });

  it('purges personal data only after delivery and retention, keeping number and status', () => {
    const s = services(db, clock);
    const delivered = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD);
    const pending = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD);
    const entry = entryById(db, 1);
    if (!entry) throw new Error('no entry');
    // The sync marks the entry delivered in the same transaction as onDelivered.
    db.transaction(() => {
      db.prepare(`UPDATE outbox SET state = 'delivered', delivered_at = ? WHERE id = 1`).run(clock.now().toISOString());
      s.cases.onDelivered(entry, { caseNumber: 'HK20261127000001', status: 'submitted', receivedAt: clock.now().toISOString() });
    })();

    clock.advance(29 * DAY);
    expect(s.cases.purge()).toEqual({ cases: 0, outboxPayloads: 0, undelivered: 0, pages: 0 });
    clock.advance(2 * DAY);
    expect(s.cases.purge()).toEqual({ cases: 1, outboxPayloads: 1, undelivered: 0, pages: 0 });

    const raw = (id: string) => db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as Record<string, unknown>;
    expect(raw(delivered.id)).toMatchObject({
      applicant_name: null,
      applicant_id_number: null,
      applicant_phone: null,
      applicant_key: null,
      form: null,
      case_number: 'HK20261127000001',
      status: 'submitted',
    });
    expect(raw(pending.id)).toMatchObject({ applicant_id_number: CARD.idNumber, case_number: null, purged_at: null });
    expect(entryById(db, 1)?.payload).toBeNull();
    expect(s.cases.progress('HK20261127000001').status).toBe('submitted');
    expect(s.cases.localCase(delivered.id)).toMatchObject({ maskedName: null, maskedIdNumber: null });
  });
});
