import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from '../../../../renderer/district/complaints/contact-mask';

describe('a contact, masked', () => {
  it('keeps the first three and last four digits of a mobile, and the first character of a name', () => {
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0591-83456')).toBe('********56');
    expect(maskName('欧阳明')).toBe('欧**');
  });
});
