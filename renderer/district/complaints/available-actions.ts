import {
  COMPLAINT_RULES,
  EVALUATION_RECORDED_BY,
  type ComplaintActionType,
  type ComplaintRuleWho,
} from '../../../contracts/complaint-actions';
import type { BureauRole, UnitCode, UnitDuty } from '../../../contracts/complaints';
import type { StoredComplaint } from '../../../contracts/platform-complaints';

/** The capacity the signed-in account acts in: its complaint person's unit, duty and bureau roles. */
export interface Capacity {
  unitCode: UnitCode;
  duty: UnitDuty;
  bureauRoles: readonly BureauRole[];
}

/** The console's actions: every action, the enterprise's evaluation as recorded from the callback. */
export type DeskAction = ComplaintActionType;

/**
 * The console's forms in the order they are offered (a sorter's merge before a refusal to admit,
 * a unit's acceptance before its decline); who may use each, in which states, is the lifecycle's
 * own table (`COMPLAINT_RULES`). It only decides what is shown: the platform decides again.
 */
export const DESK_ACTIONS: readonly DeskAction[] = [
  'claim',
  'dispatch',
  'merge',
  'not_admit',
  'accept',
  'decline',
  'submit_part',
  'draft',
  'submit',
  'approve',
  'return',
  'close',
  'evaluate',
  'supervise',
];

function admits(who: ComplaintRuleWho, complaint: StoredComplaint, capacity: Capacity): boolean {
  switch (who.kind) {
    case 'bureau':
      return capacity.bureauRoles.includes(who.role);
    case 'lead':
      return complaint.leadUnit === capacity.unitCode;
    case 'co':
      return complaint.coUnits.some((c) => c.unitCode === capacity.unitCode);
    case 'enterprise':
      // The enterprise never signs in to the console; the 营商局 records its evaluation from the callback (回访).
      return capacity.bureauRoles.includes(EVALUATION_RECORDED_BY);
  }
}

/** The actions `capacity` may take on the complaint now; none for an account that is no complaint person. */
export function availableActions(complaint: StoredComplaint, capacity: Capacity | null): DeskAction[] {
  if (capacity === null) return [];
  return DESK_ACTIONS.filter((action) => {
    const rule = COMPLAINT_RULES[action];
    return rule.from.includes(complaint.state) && admits(rule.who, complaint, capacity);
  });
}
