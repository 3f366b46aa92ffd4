import type { DistrictStaff } from '../../../contracts/platform-console';
import type { IndicatorPeriod, LeafStatus, PeriodLeaf } from '../../../contracts/platform-indicators';
import type { ResponsibleUnit } from '../../../contracts/indicators';

/**
 * What the entry sheet offers the signed-in person on one leaf of a period, as the platform's
 * routes allow it (platform/api/routes/indicators.ts): entering a value is for those the
 * operation admits, on an entered leaf of an open period; reviewing is for those it admits, on
 * the latest revision while it is submitted, and never by whoever entered it. The platform
 * decides again; this only keeps the screen from offering what would be refused.
 */
export interface EntryOffer {
  enter: boolean;
  review: boolean;
  /** Submitted by this person: someone else reviews it. */
  ownSubmission: boolean;
}

export function entryOffer(
  leaf: PeriodLeaf,
  period: IndicatorPeriod,
  staff: DistrictStaff,
  may: { enter: boolean; review: boolean },
): EntryOffer {
  const open = period.state === 'open';
  const submitted = leaf.latest?.state === 'submitted';
  const ownSubmission = submitted && leaf.latest?.enteredBy === staff.username;
  return {
    enter: open && may.enter && leaf.source.kind === 'entered',
    review: open && may.review && submitted && !ownSubmission,
    ownSubmission,
  };
}

/** A leaf status's badge tone (console badges): counted, waiting, sent back, nothing. */
export function statusTone(status: LeafStatus): 'ok' | 'info' | 'warn' | 'bad' | 'none' {
  switch (status) {
    case 'approved':
      return 'ok';
    case 'computed':
      return 'info';
    case 'awaiting_review':
      return 'warn';
    case 'returned':
      return 'bad';
    case 'missing':
      return 'none';
  }
}

/**
 * The department whose sheet opens first: the signed-in person's unit in the complaint directory
 * when the tree names it among its responsible units (a 市场监管局 handler fills 市场监管局's
 * leaves), else every department's.
 */
export function ownUnit(units: readonly ResponsibleUnit[], personUnit: string | null): string | undefined {
  return personUnit !== null && units.some((unit) => unit.code === personUnit) ? personUnit : undefined;
}
