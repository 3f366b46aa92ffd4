import { describe, expect, it } from 'vitest';
import type { StatusHistoryEntry } from '../../../contracts/central-api';
import { caseDeadlines } from '../../../host/cases/deadlines';

const calendar = { holidays: [], extraWorkdays: [] };
const timeZone = 'Asia/Shanghai';
// Monday 23 November 2026, 10:00 in Beijing.
const submittedAt = '2026-11-23T02:00:00.000Z';
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const deadlinesAt = (now: string, history: StatusHistoryEntry[], promisedWorkingDays: number | null = 5) =>
  caseDeadlines({ submittedAt, history, promisedWorkingDays, calendar, timeZone, now: new Date(`${now}+08:00`) });

const submitted: StatusHistoryEntry = { status: 'submitted', at: submittedAt };

describe('promised deadlines (承诺时限)', () => {
  it('a fresh case must be answered by the next working day and completed within the promise after that', () => {
    expect(deadlinesAt('2026-11-23T11:00:00', [submitted])).toEqual([
      { stage: 'accepted', due: '2026-11-24', metAt: null, overdue: false },
      { stage: 'completed', due: '2026-12-01', metAt: null, overdue: false },
    ]);
  });

  it('an unanswered submission is overdue the day after its due date', () => {
    const [acceptance] = deadlinesAt('2026-11-25T09:00:00', [submitted]);
    expect(acceptance).toMatchObject({ due: '2026-11-24', overdue: true });
  });

  it('completion is counted from the acceptance day, and met when completed in time', () => {
    const history: StatusHistoryEntry[] = [
      submitted,
      { status: 'accepted', at: at('2026-11-23T15:00:00') },
      { status: 'completed', at: at('2026-11-30T16:00:00') },
    ];
    const [acceptance, completion] = deadlinesAt('2026-12-10T09:00:00', history);
    expect(acceptance).toMatchObject({ metAt: at('2026-11-23T15:00:00'), overdue: false });
    expect(completion).toEqual({ stage: 'completed', due: '2026-11-30', metAt: at('2026-11-30T16:00:00'), overdue: false });
  });

  it('a case completed after its date stays marked late', () => {
    const history: StatusHistoryEntry[] = [
      submitted,
      { status: 'accepted', at: at('2026-11-23T15:00:00') },
      { status: 'completed', at: at('2026-12-02T09:00:00') },
    ];
    expect(deadlinesAt('2026-12-10T09:00:00', history)[1]).toMatchObject({ due: '2026-11-30', overdue: true });
  });

  it('the clock waits while the citizen brings materials (补正) and restarts at the new acceptance', () => {
    const sentBack: StatusHistoryEntry[] = [
      submitted,
      { status: 'accepted', at: at('2026-11-23T15:00:00') },
      { status: 'needs_materials', at: at('2026-11-24T10:00:00') },
    ];
    expect(deadlinesAt('2026-12-04T09:00:00', sentBack)[1]).toMatchObject({ due: '2026-11-30', overdue: false });
    const reaccepted = [...sentBack, { status: 'accepted' as const, at: at('2026-12-03T10:00:00') }];
    expect(deadlinesAt('2026-12-04T09:00:00', reaccepted)[1]).toMatchObject({ due: '2026-12-10', overdue: false });
  });

  it('an item no longer in the catalog keeps only the answer deadline', () => {
    expect(deadlinesAt('2026-11-23T11:00:00', [submitted], null).map((d) => d.stage)).toEqual(['accepted']);
  });
});
