import { AuditActionFilter, type AuditSearchQueryInput } from '../../../contracts/audit-search';
import { StaffNo } from '../../../contracts/auth';

/** The audit filters as typed (dates as a date input's YYYY-MM-DD, '' for none). */
export interface AuditFilters {
  from: string;
  to: string;
  staffNo: string;
  action: string;
  target: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { from: '', to: '', staffNo: '', action: '', target: '' };

export type AuditFilterProblem = 'to' | 'staffNo' | 'action';

/**
 * The query the filters make, or what is wrong with them: checked with the contract's own rules
 * before the host checks them again (a typed 400 there).
 */
export function auditQuery(
  filters: AuditFilters,
): { ok: true; query: AuditSearchQueryInput } | { ok: false; problems: AuditFilterProblem[] } {
  const f = {
    from: filters.from.trim(),
    to: filters.to.trim(),
    staffNo: filters.staffNo.trim(),
    action: filters.action.trim(),
    target: filters.target.trim(),
  };
  const problems: AuditFilterProblem[] = [];
  if (f.from !== '' && f.to !== '' && f.from > f.to) problems.push('to');
  if (f.staffNo !== '' && !StaffNo.safeParse(f.staffNo).success) problems.push('staffNo');
  if (f.action !== '' && !AuditActionFilter.safeParse(f.action).success) problems.push('action');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    query: {
      ...(f.from === '' ? {} : { from: f.from }),
      ...(f.to === '' ? {} : { to: f.to }),
      ...(f.staffNo === '' ? {} : { staffNo: f.staffNo }),
      ...(f.action === '' ? {} : { action: f.action }),
      ...(f.target === '' ? {} : { target: f.target.slice(0, 100) }),
    },
  };
}

/** An entry's facts as one line: `key: value`, values as JSON when they are not plain text. */
export function detailsLine(details: Record<string, unknown> | undefined): string {
  if (details === undefined) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('；');
}
