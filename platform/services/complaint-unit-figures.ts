import { emptyUnitFigures, type AssessmentPeriod, type UnitFigures } from '../../contracts/complaint-assessment';
import type { Complaint, UnitCode } from '../../contracts/complaints';
import { dueDateOf, localDateOf, metDeadline } from '../../contracts/working-time';
import { stageDeadlines, supervisionOrders, type DeadlineContext } from './complaint-deadlines';

/**
 * Each unit's `UnitFigures` for a period, counted from whole complaints, by the definitions of
 * contracts/complaint-assessment.ts. The reference the store's SQL is tested against (the same
 * rows, both ways: the figures must be equal) and what a small district could run as it is;
 * the statistics over 100,000 complaints are the store's. A deadline "falls in the period" on its
 * due day (the day whose 24:00 it is); a step, on the Beijing date it was taken. Pure: `now` says
 * which deadlines have passed.
 */

export function unitFiguresOf(
  complaints: readonly Complaint[],
  unitCodes: readonly UnitCode[],
  period: AssessmentPeriod,
  context: DeadlineContext,
  now: string,
): UnitFigures[] {
  const tz = context.clock.timeZone;
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const stepIn = (at: string) => inPeriod(localDateOf(at, tz));
  const dueIn = (dueAt: string) => inPeriod(dueDateOf(dueAt, tz));
  const byUnit = new Map<string, UnitFigures>(unitCodes.map((unitCode) => [unitCode, emptyUnitFigures(unitCode)]));
  const add = (unitCode: string | null | undefined, change: (f: UnitFigures) => void) => {
    const figures = unitCode === null || unitCode === undefined ? undefined : byUnit.get(unitCode);
    if (figures !== undefined) change(figures);
  };

  for (const complaint of complaints) {
    for (const step of complaint.history) {
      if (!stepIn(step.at)) continue;
      const lead = step.units[0];
      if (step.action === 'dispatch') {
        add(lead, (f) => {
          f.received += 1;
        });
      }
      if (step.action === 'close') {
        add(lead, (f) => {
          f.closed += 1;
          if (metDeadline(step.at, complaint.closeDueAt)) f.closedOnTime += 1;
        });
      }
      if (step.action === 'approve' || step.action === 'return') {
        add(lead, (f) => {
          f.reviewed += 1;
          if (step.action === 'return') f.returned += 1;
        });
      }
      if (step.action === 'evaluate' && complaint.evaluation !== null) {
        const level = complaint.evaluation.level;
        add(complaint.leadUnit, (f) => {
          f.evaluations[level] += 1;
        });
      }
    }

    for (const run of stageDeadlines(complaint, context)) {
      if (run.stage !== 'accept' || run.responsible.kind !== 'unit' || !dueIn(run.dueAt)) continue;
      add(run.responsible.unitCode, (f) => {
        f.acceptDue += 1;
        if (run.metAt !== null && metDeadline(run.metAt, run.dueAt)) f.acceptedOnTime += 1;
      });
    }

    // 超期: due in the period, passed by now, and not closed by it; not admitted and merged ones were never the unit's to close.
    const endedOtherwise = complaint.state === 'not_admitted' || complaint.state === 'merged';
    if (!endedOtherwise && dueIn(complaint.closeDueAt) && !metDeadline(now, complaint.closeDueAt)) {
      const closedAt = complaint.history.find((s) => s.action === 'close')?.at ?? null;
      if (closedAt === null || !metDeadline(closedAt, complaint.closeDueAt)) {
        add(complaint.leadUnit, (f) => {
          f.overdue += 1;
        });
      }
    }

    for (const order of supervisionOrders(complaint, context, now)) {
      if (order.responsible.kind !== 'unit' || !dueIn(order.issuedAt)) continue;
      add(order.responsible.unitCode, (f) => {
        f.supervised += 1;
      });
    }
  }
  return unitCodes.flatMap((code) => {
    const figures = byUnit.get(code);
    return figures === undefined ? [] : [figures];
  });
}
