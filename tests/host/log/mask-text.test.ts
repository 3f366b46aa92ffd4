import { describe, expect, it } from 'vitest';
import { simulatedCards } from '../../../hardware/idcard';
import { maskText } from '../../../host/log/mask-text';

describe('maskText', () => {
  it('masks an 18-character ID number, its check character X in either case, wherever it sits in the text', () => {
    expect(maskText('11010519491231002X')).toBe('110105********002X');
    expect(maskText('身份证号11010519491231002x已读取')).toBe('身份证号110105********002x已读取');
    expect(maskText('id=110105198503150019;')).toBe('id=110105********0019;');
    expect(maskText(`card ${simulatedCards.zhangSan.idNumber} read`)).not.toContain(simulatedCards.zhangSan.idNumber);
  });

  it('masks a number with a wrong check character too (a mistyped number is still somebody’s)', () => {
    expect(maskText('110105194912310020')).toBe('110105********0020');
  });

  it('masks first-generation 15-digit numbers whose birth date is plausible, not other 15-digit counters', () => {
    expect(maskText('旧身份证 110105491231002')).toBe('旧身份证 110105*****1002');
    expect(maskText('sequence 202611270001234')).toBe('sequence 202611270001234');
  });

  it('masks mobile numbers, with +86 and separators, keeping the first three and last four digits', () => {
    expect(maskText('联系电话13800138000')).toBe('联系电话138****8000');
    expect(maskText('call +86 138-0013-8000 now')).toBe('call +86 138****8000 now');
    expect(maskText('tel 139 1234 5678')).toBe('tel 139****5678');
  });

  it('leaves what a technician needs alone: times, case numbers, hotlines, ports, short ids', () => {
    const text = '2026-11-27T02:00:00.000Z HK20261127000123 咨询电话 12345 port 7300 ticket A012 id 1234567890';
    expect(maskText(text)).toBe(text);
  });

  it('masks every number in a long line, not only the first', () => {
    const line = Array.from({ length: 200 }, (_, i) => `${i}:11010519491231002X:13800138000`).join(' ');
    const masked = maskText(line);
    expect(masked).not.toContain('11010519491231002X');
    expect(masked).not.toContain('13800138000');
    expect(masked.match(/110105\*{8}002X/g)).toHaveLength(200);
  });
});

describe('masking inside a URL', () => {
  it('sees a number behind a percent-escape (a query string in a request line)', () => {
    expect(maskText('/x?a=%20370102198007071230%2013912345678')).toBe('/x?a= 370102********1230 139****5678');
  });
});
