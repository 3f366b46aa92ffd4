import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES } from '../../../contracts/complaint-deadlines';
import { UnitFigures } from '../../../contracts/complaint-assessment';
import type { Complaint } from '../../../contracts/complaints';
import { closeDueAt } from '../../../platform/services/complaint-deadlines';
import { unitFiguresOf } from '../../../platform/services/complaint-unit-figures';
import { act, beijing, district, HANDLED_AFTER_FRIDAY_DISPATCH, people, registered, walk } from '../support/complaints';

const context = { rules: DEFAULT_DEADLINE_RULES, clock: district };
const november = { from: '2026-11-01', to: '2026-12-31', label: '2026年11–12月' };
const units = ['market-regulation', 'street-xinghe', 'tax'];

function registeredAt(at: string, number: string): Complaint {
  return registered(at, closeDueAt('approval', beijing(at), context), number);
}

/** Handled in full and in time, with a co-unit, one return at review, rated satisfied. */
const handled = walk(registeredAt('2026-11-27T10:00', 'HK20261127000001'), [
  [act.dispatch('market-regulation', ['street-xinghe']), people.sorter, '2026-11-27T16:00'],
  ...HANDLED_AFTER_FRIDAY_DISPATCH,
  [act.evaluate('satisfied'), people.enterprise, '2026-12-05T10:00'],
]);

/** Dispatched and never accepted: late to accept, to reply and to close. */
const neglected = walk(registeredAt('2026-11-27T11:00', 'HK20261127000002'), [
  [act.dispatch('market-regulation'), people.sorter, '2026-11-27T16:00'],
]);

describe('a unit’s figures counted from its complaints', () => {
  it('counts what each unit received, accepted, closed, had returned, was supervised for and how it was rated', () => {
    const now = beijing('2026-12-10T12:00');
    const figures = unitFiguresOf([handled, neglected], units, november, context, now);
    figures.forEach((f) => UnitFigures.parse(f));
    expect(figures).toEqual([
      {
        unitCode: 'market-regulation',
        received: 2,
        acceptDue: 2,
        acceptedOnTime: 1,
        closed: 1,
        closedOnTime: 1,
        overdue: 1,
        reviewed: 2,
        returned: 1,
        // The neglected one: its acceptance, its reply and its 办结期限.
        supervised: 3,
        evaluations: { very_satisfied: 0, satisfied: 1, basic: 0, dissatisfied: 0, very_dissatisfied: 0 },
      },
      expect.objectContaining({ unitCode: 'street-xinghe', received: 0, supervised: 0, overdue: 0 }),
      expect.objectContaining({ unitCode: 'tax', received: 0, closed: 0 }),
    ]);
  });

  it('gives every unit asked for its figures, all zero, when it had no complaint', () => {
    const [tax] = unitFiguresOf([], ['tax'], november, context, beijing('2026-12-10T12:00'));
    expect(tax).toEqual({
      unitCode: 'tax',
      received: 0,
      acceptDue: 0,
      acceptedOnTime: 0,
      closed: 0,
      closedOnTime: 0,
      overdue: 0,
      reviewed: 0,
      returned: 0,
      supervised: 0,
      evaluations: { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 },
    });
  });

  it('counts nothing outside the period, and no overdue before the deadline has passed', () => {
    const october = { from: '2026-10-01', to: '2026-10-31', label: '2026年10月' };
    const quiet = unitFiguresOf([handled, neglected], ['market-regulation'], october, context, beijing('2026-12-10T12:00'));
    expect(quiet[0]).toMatchObject({ received: 0, acceptDue: 0, closed: 0, overdue: 0, supervised: 0, reviewed: 0 });
    // On 2 December the 办结期限 (end of 4 December) has not passed: not yet overdue.
    const early = unitFiguresOf([neglected], ['market-regulation'], november, context, beijing('2026-12-02T12:00'));
    expect(early[0]).toMatchObject({ overdue: 0, acceptDue: 1, acceptedOnTime: 0 });
  });
});
