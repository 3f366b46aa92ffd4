import type { CaseStatus } from '../../contracts/central-api';

/**
 * The case lifecycle the operator may drive: 受理 (accepted) → 办理 (in_progress) → 办结
 * (completed), with rejection and "bring more materials" detours. completed and rejected are final.
 */
export const allowedTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  submitted: ['accepted', 'rejected', 'needs_materials'],
  needs_materials: ['accepted', 'rejected'],
  accepted: ['in_progress', 'rejected'],
  in_progress: ['completed', 'needs_materials'],
  completed: [],
  rejected: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return allowedTransitions[from].includes(to);
}
