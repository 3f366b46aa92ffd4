import { describe, expect, it } from 'vitest';
import { CreditCode, creditCodeCheckCharacter, creditCodeProgress, isValidCreditCode } from '../../contracts/credit-code';

/**
 * Codes whose check characters were computed by their registries, not by this code: the example
 * of GB 32100-2015 itself and three public registrations of large companies.
 */
const ISSUED = ['91350100M000100Y43', '9144030071526726XG', '914403001922038216', '91330100799655058B'];

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts codes issued by the registries', () => {
    for (const code of ISSUED) expect(isValidCreditCode(code), code).toBe(true);
  });

  it('computes the check character the registries printed, a letter included', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('9144030071526726X')).toBe('G');
  });

  it('refuses a code with any one character changed', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false); // the check character
    expect(isValidCreditCode('91350100M000100Y53')).toBe(false); // a character it checks
    expect(isValidCreditCode('9144030071526726XG'.replace('44', '45'))).toBe(false);
  });

  it('refuses characters the standard leaves out, and wrong lengths', () => {
    expect(isValidCreditCode('91350100M0001O0Y43')).toBe(false); // O for 0
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91A50100M000100Y43')).toBe(false); // the division code is digits
  });

  it('takes a typed code with lower case and spaces, and keeps it in capitals', () => {
    expect(CreditCode.parse(' 9144 0300 7152 6726xg ')).toBe('9144030071526726XG');
    expect(CreditCode.safeParse('9144030071526726XH').success).toBe(false);
  });
});

describe('a credit code checked as it is typed', () => {
  it('follows the typing: partial, a character the standard never uses, too long, a wrong check character, valid', () => {
    expect(creditCodeProgress('')).toEqual({ kind: 'empty' });
    expect(creditCodeProgress(' 9135 0100 ')).toEqual({ kind: 'typing', length: 8 });
    // The letter O where the division code's digits go, and I among the identifier's characters.
    expect(creditCodeProgress('9135O1')).toEqual({ kind: 'bad_character', position: 5, character: 'O' });
    expect(creditCodeProgress('91350100I')).toEqual({ kind: 'bad_character', position: 9, character: 'I' });
    expect(creditCodeProgress('91350100M000100Y4')).toEqual({ kind: 'typing', length: 17 });
    expect(creditCodeProgress('91350100M000100Y44')).toEqual({ kind: 'check_mismatch' });
    expect(creditCodeProgress('91350100m000100y43')).toEqual({ kind: 'valid', code: '91350100M000100Y43' });
    expect(creditCodeProgress('91350100M000100Y430')).toEqual({ kind: 'too_long', length: 19 });
  });

  it('calls valid exactly what the schema accepts', () => {
    for (const typed of ['91350100M000100Y43', '91350100M000100Y44', '9135 0100 M000 100Y 43', '91350100M000100Y4']) {
      expect(creditCodeProgress(typed).kind === 'valid', typed).toBe(CreditCode.safeParse(typed).success);
    }
  });
});
