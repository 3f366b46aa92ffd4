import { describe, expect, it } from 'vitest';
import { addWorkingDays, caseNumberDay, formatCaseNumber, shanghaiDate } from '../../../platform/services/case-number';
import { canTransition } from '../../../platform/services/transitions';

describe('case numbers', () => {
  it('use the Asia/Shanghai date', () => {
    expect(shanghaiDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(shanghaiDate(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
    expect(caseNumberDay(new Date('2026-12-31T16:00:00Z'))).toBe('20270101');
  });

  it('pad the sequence to six digits', () => {
    expect(formatCaseNumber('20261127', 123)).toBe('HK20261127000123');
    expect(formatCaseNumber('20261127', 1_234_567)).toBe('HK202611271234567');
  });

  it('promise dates skip weekends', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-28', 5)).toBe('2026-12-04'); // Saturday → Friday
    expect(addWorkingDays('2026-11-30', 0)).toBe('2026-11-30');
  });
});

describe('transitions', () => {
  it('follow the lifecycle and keep final states final', () => {
    expect(canTransition('submitted', 'accepted')).toBe(true);
    expect(canTransition('in_progress', 'needs_materials')).toBe(true);
    expect(canTransition('needs_materials', 'in_progress')).toBe(false);
    expect(canTransition('completed', 'rejected')).toBe(false);
    expect(canTransition('rejected', 'submitted')).toBe(false);
  });
});
