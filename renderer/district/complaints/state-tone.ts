import type { ComplaintState } from '../../../contracts/complaints';

/** Each state's badge: waiting on the 营商局 amber, with a unit blue, done green, refused or folded grey-red. */
export const STATE_TONES: Record<ComplaintState, string> = {
  registered: 'tone-warn',
  sorting: 'tone-warn',
  dispatched: 'tone-info',
  accepted: 'tone-info',
  drafted: 'tone-info',
  under_review: 'tone-warn',
  returned: 'tone-bad',
  approved: 'tone-info',
  closed: 'tone-ok',
  evaluated: 'tone-ok',
  not_admitted: 'tone-bad',
  merged: 'tone-ok',
};
