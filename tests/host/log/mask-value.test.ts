import { describe, expect, it } from 'vitest';
import { maskValue, REDACTED } from '../../../host/log/mask-value';

describe('maskValue', () => {
  it('redacts names, addresses, phones, ID numbers, photos and secrets at any depth', () => {
    const masked = maskValue({
      citizen: { name: '张三', idNumber: '110105198503150019', residenceAddress: '幸福路100号', photo: 'V0wA' },
      form: { contactPhone: '13800000000', applicantName: '李小红', nested: { deeper: { address: '长江路8号' } } },
      staff: { pinHash: 'scrypt$abc', token: 'secret-token' },
      headers: { authorization: 'Bearer x', cookie: 'hall_terminal=y' },
    });
    expect(masked).toEqual({
      citizen: { name: REDACTED, idNumber: REDACTED, residenceAddress: REDACTED, photo: REDACTED },
      form: { contactPhone: REDACTED, applicantName: REDACTED, nested: { deeper: { address: REDACTED } } },
      staff: { pinHash: REDACTED, token: REDACTED },
      headers: { authorization: REDACTED, cookie: REDACTED },
    });
  });

  it('keeps names of things (hall, service, device, window) and remote addresses', () => {
    const value = { hallName: '政务服务中心', serviceName: '企业开办', deviceName: '取号小票打印机', remoteAddress: '127.0.0.1' };
    expect(maskValue(value)).toEqual(value);
  });

  it('masks ID and mobile numbers inside any text, in arrays too', () => {
    expect(maskValue({ note: '号码 110105198503150019', list: ['13800138000', 3, true, null] })).toEqual({
      note: '号码 110105********0019',
      list: ['138****8000', 3, true, null],
    });
  });

  it('keeps a value small: long strings cut, deep objects and long arrays cut', () => {
    const masked = maskValue(
      {
        long: 'x'.repeat(2000),
        deep: { a: { b: { c: { d: { e: { f: 'g' } } } } } },
        many: Array.from({ length: 100 }, (_, i) => i),
      },
      { maxString: 100 },
    ) as { long: string; deep: unknown; many: number[] };
    expect(masked.long).toBe(`${'x'.repeat(100)}…(+1900)`);
    expect(JSON.stringify(masked.deep)).toContain('[…]');
    expect(masked.many).toHaveLength(50);
  });
});
