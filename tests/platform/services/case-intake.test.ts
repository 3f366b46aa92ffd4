import { beforeEach, expect, it } from 'vitest';
import type { CaseBatchItem } from '../../../contracts/central-api';
import { COMPLAINT_ITEM_CODE } from '../../../contracts/district-catalog';
import type { Sql } from '../../../platform/db/sql';
import { CaseIntake } from '../../../platform/services/case-intake';
import { ComplaintRegistration } from '../../../platform/services/complaint-registration';
import { ComplaintSettings } from '../../../platform/services/complaint-settings';
import { complaintRow } from '../../../platform/store/complaints';
import { describeEachDatabase } from '../support/each-database';
import { FIXED_NOW, newKey, sampleCase } from '../support/platform';

/** The statements an `Sql` runs, transactions' included (BEGIN and COMMIT are the adapter's own). */
function counting(inner: Sql, statements: string[]): Sql {
  return {
    engine: inner.engine,
    query: <R>(text: string, params?: readonly unknown[]): Promise<R[]> => {
      statements.push(text);
      return inner.query<R>(text, params);
    },
    transaction: <T>(fn: (tx: Sql) => Promise<T>): Promise<T> => inner.transaction((tx) => fn(counting(tx, statements))),
    script: (text: string) => inner.script(text),
    close: () => inner.close(),
  };
}

const complaintCase = (): CaseBatchItem => ({
  idempotencyKey: newKey(),
  case: sampleCase({
    itemCode: COMPLAINT_ITEM_CODE,
    itemName: '营商环境诉求',
    form: { companyName: '示例星辰科技有限公司', topic: '政策咨询', details: '想了解研发费用加计扣除政策。' },
  }),
});
const ordinaryCase = (): CaseBatchItem => ({ idempotencyKey: newKey(), case: sampleCase() });

describeEachDatabase('case intake with 营商诉求 cases', (database) => {
  let statements: string[];
  let intake: CaseIntake;

  beforeEach(async () => {
    const sql = database().sql;
    const settings = new ComplaintSettings(sql, () => FIXED_NOW);
    await settings.seed();
    // The settings an instance keeps for a minute: read once here, as a running platform has.
    await settings.current();
    statements = [];
    intake = new CaseIntake(
      counting(sql, statements),
      () => FIXED_NOW,
      new ComplaintRegistration(sql, settings, () => FIXED_NOW),
    );
  });

  it('costs a batch of ordinary cases nothing more: two statements', async () => {
    const outcome = await intake.create('hall-01', [ordinaryCase(), ordinaryCase(), ordinaryCase()]);
    expect(outcome.body.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    expect(statements).toHaveLength(2);
  });

  it('registers the complaint cases of a batch with their numbers, in one statement more', async () => {
    const outcome = await intake.create('hall-01', [complaintCase(), ordinaryCase(), complaintCase()]);
    expect(statements).toHaveLength(3);
    const [first, ordinary, second] = outcome.body.results.map((r) => (r.outcome === 'created' ? r.case.caseNumber : ''));
    for (const number of [first, second]) {
      const row = await complaintRow(database().sql, number ?? '');
      expect(row).toMatchObject({ channel: 'kiosk', topic: 'policy', state: 'registered', hallId: 'hall-01' });
      // 政策咨询: 3 working days after Friday 27 November 2026 → Wednesday 2 December, 24:00 Beijing.
      expect(row?.closeDueAt.toISOString()).toBe('2026-12-02T16:00:00.000Z');
    }
    expect(await complaintRow(database().sql, ordinary ?? '')).toBeUndefined();
  });

  it('replays a complaint case without registering it twice', async () => {
    const item = complaintCase();
    await intake.create('hall-01', [item]);
    statements.length = 0;
    const replay = await intake.create('hall-01', [item]);
    expect(replay.body.results[0]?.outcome).toBe('replayed');
    expect(statements.some((text) => text.includes('INSERT INTO complaints'))).toBe(false);
  });
});
