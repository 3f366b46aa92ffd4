import type { ComplaintActionType } from '../../../contracts/complaint-actions';
import type { BureauRole, ComplaintState, UnitCode, UnitDuty } from '../../../contracts/complaints';
import type { StoredComplaint } from '../../../contracts/platform-complaints';

/** The capacity the signed-in account acts in: its complaint person's unit, duty and bureau roles. */
export interface Capacity {
  unitCode: UnitCode;
  duty: UnitDuty;
  bureauRoles: readonly BureauRole[];
}

/** The console's actions (the enterprise's evaluation is recorded elsewhere). */
export type DeskAction = Exclude<ComplaintActionType, 'evaluate'>;

type Who = { kind: 'bureau'; role: BureauRole } | { kind: 'lead' } | { kind: 'co' };

const SORTABLE: readonly ComplaintState[] = ['registered', 'sorting'];
const OPEN: readonly ComplaintState[] = [
  ...SORTABLE,
  'dispatched',
  'accepted',
  'drafted',
  'under_review',
  'returned',
  'approved',
];

/**
 * The lifecycle's table (platform/services/complaint-lifecycle.ts, docs/complaints.md) as the
 * console needs it to offer a form: in which states, to whom. It only decides what is shown; the
 * platform decides again and its refusal is shown beside the form.
 */
const RULES: Readonly<Record<DeskAction, { from: readonly ComplaintState[]; who: Who }>> = {
  claim: { from: ['registered'], who: { kind: 'bureau', role: 'sorter' } },
  dispatch: { from: SORTABLE, who: { kind: 'bureau', role: 'sorter' } },
  merge: { from: SORTABLE, who: { kind: 'bureau', role: 'sorter' } },
  not_admit: { from: SORTABLE, who: { kind: 'bureau', role: 'sorter' } },
  accept: { from: ['dispatched'], who: { kind: 'lead' } },
  decline: { from: ['dispatched'], who: { kind: 'lead' } },
  submit_part: { from: ['dispatched', 'accepted', 'returned'], who: { kind: 'co' } },
  draft: { from: ['accepted', 'drafted', 'returned'], who: { kind: 'lead' } },
  submit: { from: ['drafted'], who: { kind: 'lead' } },
  approve: { from: ['under_review'], who: { kind: 'bureau', role: 'reviewer' } },
  return: { from: ['under_review'], who: { kind: 'bureau', role: 'reviewer' } },
  close: { from: ['approved'], who: { kind: 'bureau', role: 'reviewer' } },
  supervise: { from: OPEN, who: { kind: 'bureau', role: 'supervisor' } },
};

export const DESK_ACTIONS = Object.keys(RULES) as DeskAction[];

function admits(who: Who, complaint: StoredComplaint, capacity: Capacity): boolean {
  switch (who.kind) {
    case 'bureau':
      return capacity.bureauRoles.includes(who.role);
    case 'lead':
      return complaint.leadUnit === capacity.unitCode;
    case 'co':
      return complaint.coUnits.some((c) => c.unitCode === capacity.unitCode);
  }
}

/** The actions `capacity` may take on the complaint now; none for an account that is no complaint person. */
export function availableActions(complaint: StoredComplaint, capacity: Capacity | null): DeskAction[] {
  if (capacity === null) return [];
  return DESK_ACTIONS.filter((action) => {
    const rule = RULES[action];
    return rule.from.includes(complaint.state) && admits(rule.who, complaint, capacity);
  });
}
