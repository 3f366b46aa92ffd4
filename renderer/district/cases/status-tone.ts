import type { CaseStatus } from '../../../contracts/central-api';

/**
 * Each status's badge at a glance: waiting on someone amber, under way blue, done green,
 * refused red.
 */
export const STATUS_TONES: Record<CaseStatus, string> = {
  submitted: 'tone-warn',
  needs_materials: 'tone-warn',
  accepted: 'tone-info',
  in_progress: 'tone-info',
  completed: 'tone-ok',
  rejected: 'tone-bad',
};
