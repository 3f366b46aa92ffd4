import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { EvaluationService } from '../../../host/cases/evaluation-service';
import { ManualClock, openHallDb, tempDir, type TempDir } from '../sync/support';
import { services } from './support';

let tmp: TempDir;
let db: Db;
let clock: ManualClock;

beforeEach(() => {
  tmp = tempDir('evaluation-followup-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  clock = new ManualClock();
});
afterEach(() => {
  if (db.open) db.close();
  tmp.cleanup();
});

const CASES = ['HK20261127000001', 'HK20261127000002', 'HK20261127000003'];
const count = (table: 'evaluations' | 'review_followups' | 'outbox') =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('every 差评 gets its follow-up with the rating', () => {
  it('opens a follow-up with its deadline for a 差评, none for a better rating', () => {
    const s = services(db, clock, { cardCaseNumbers: () => CASES });
    const bad = s.evaluations.submit({ level: 'dissatisfied', reason: '多次跑腿', caseNumber: CASES[0] }, { atReader: true });
    s.evaluations.submit({ level: 'basic', caseNumber: CASES[1] }, { atReader: true });
    expect(count('review_followups')).toBe(1);
    // Rated Friday 27 November 2026 (hall time): five working days later is Friday 4 December.
    expect(s.reviews.detail(bad.id)).toMatchObject({
      evaluationId: bad.id,
      level: 'dissatisfied',
      reason: '多次跑腿',
      status: 'open',
      ratedAt: bad.evaluatedAt,
      openedAt: bad.evaluatedAt,
      dueDate: '2026-12-04',
      subject: { kind: 'case', caseNumber: CASES[0] },
    });
  });

  it('in the rating’s own transaction: a follow-up that cannot be opened leaves no rating either', () => {
    const s = services(db, clock, { cardCaseNumbers: () => CASES });
    const failing = new EvaluationService({
      db,
      clock,
      bus: s.bus,
      hallId: 'hall-01',
      terminalId: 'kiosk-01',
      ticketKey: () => 'k',
      serviceToken: () => 't',
      cardCaseNumbers: () => CASES,
      followups: {
        open: (id, at) => {
          s.reviews.open(id, at);
          throw new Error('disk full');
        },
      },
    });
    expect(() =>
      failing.submit({ level: 'very_dissatisfied', reason: '态度不好', caseNumber: CASES[2] }, { atReader: true }),
    ).toThrow('disk full');
    expect([count('evaluations'), count('review_followups'), count('outbox')]).toEqual([0, 0, 0]);
  });
});
