import { describe, it, expect } from 'vitest';
import { computeCheckDigit, validateIdNumber } from '../../../hardware/idcard/id-number';
import { maskIdNumber, maskName } from '../../../hardware/idcard/mask';

describe('GB 11643 check digit', () => {
  it('computes digits and X', () => {
    expect(computeCheckDigit('11010519491231002')).toBe('X');
    expect(computeCheckDigit('81000019990101001')).toBe('4');
    expect(computeCheckDigit('93084019900101001')).toBe('0');
    expect(computeCheckDigit('1234')).toBeUndefined();
  });

  it('accepts valid numbers and returns the embedded birth date', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31' });
    expect(validateIdNumber('11010519491231002x').ok).toBe(true);
    expect(validateIdNumber('440305200002290045', '2000-02-29')).toEqual({ ok: true, birthDate: '2000-02-29' });
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'check-digit' });
  });

  it('rejects bad formats and impossible embedded dates', () => {
    expect(validateIdNumber('11010519491231002')).toEqual({ ok: false, problem: 'format' });
    expect(validateIdNumber('1101051949123100X2')).toEqual({ ok: false, problem: 'format' });
    expect(validateIdNumber('110105190002290014')).toEqual({ ok: false, problem: 'birth-date' });
  });

  it('reports a birth date that differs from digits 7–14', () => {
    expect(validateIdNumber('11010519491231002X', '1949-12-30')).toEqual({ ok: false, problem: 'birth-mismatch' });
  });
});

describe('masking', () => {
  it('masks ID numbers as first 6 + 8 asterisks + last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('USA110090010100')).toBe('USA110*****0100');
    expect(maskIdNumber('H0000000')).toBe('********');
  });

  it('keeps only the (compound) surname of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小红')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('TEST SAMPLE')).toBe('T**********');
    expect(maskName('')).toBe('');
  });
});
