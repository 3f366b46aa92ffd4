import { describe, expect, it } from 'vitest';
import { auditQuery, detailsLine, NO_AUDIT_FILTERS } from '../../../../renderer/manager/audit/audit-filters';

describe('the audit filters', () => {
  it('send only what was typed, trimmed', () => {
    expect(auditQuery(NO_AUDIT_FILTERS)).toEqual({ ok: true, query: {} });
    expect(auditQuery({ from: '2026-11-01', to: '2026-11-30', staffNo: ' 9001 ', action: 'notice', target: ' A012 ' })).toEqual({
      ok: true,
      query: { from: '2026-11-01', to: '2026-11-30', staffNo: '9001', action: 'notice', target: 'A012' },
    });
  });

  it('refuse what the host would: a range running backwards, a staff number or an action out of shape', () => {
    expect(auditQuery({ from: '2026-11-30', to: '2026-11-01', staffNo: '90 01', action: 'Notice!', target: '' })).toEqual({
      ok: false,
      problems: ['to', 'staffNo', 'action'],
    });
  });

  it('put an entry’s facts on one line', () => {
    expect(detailsLine({ noticeId: 'n1', screens: ['hall'], withNote: true })).toBe(
      'noticeId: n1；screens: ["hall"]；withNote: true',
    );
    expect(detailsLine(undefined)).toBe('');
  });
});
