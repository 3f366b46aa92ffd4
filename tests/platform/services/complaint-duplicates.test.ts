import { describe, expect, it } from 'vitest';
import { DEFAULT_DUPLICATE_RULE } from '../../../contracts/complaint-sorting';
import {
  findDuplicates,
  foldText,
  sameEnterprise,
  textSimilarity,
  type DuplicateCandidate,
} from '../../../platform/services/complaint-duplicates';

const CODE = '91350100M000100Y43';
const OTHER_CODE = '9144030071526726XG';

const complaint = (over: Partial<DuplicateCandidate>): DuplicateCandidate => ({
  number: 'HK20261127000009',
  enterprise: { name: '星河示例科技有限公司', creditCode: CODE },
  topic: 'approval',
  text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
  registeredAt: '2026-11-27T02:00:00.000Z',
  state: 'registered',
  ...over,
});

const hotline = complaint({});
const dayMs = 86_400_000;
const daysLater = (days: number) => new Date(Date.parse(hotline.registeredAt) + days * dayMs).toISOString();

describe('duplicate complaints', () => {
  it('flags the same enterprise on the same topic within the window, either way in time', () => {
    const earlier = complaint({
      number: 'HK20261125000003',
      registeredAt: daysLater(-2),
      text: '我公司施工许可一直没有批下来。',
    });
    const later = complaint({ number: 'HK20261203000001', registeredAt: daysLater(6) });
    const matches = findDuplicates(hotline, [earlier, later], DEFAULT_DUPLICATE_RULE);
    expect(matches.map((m) => [m.number, m.sameTopic, m.hoursApart])).toEqual([
      ['HK20261203000001', true, 144], // identical text first
      ['HK20261125000003', true, 48],
    ]);
  });

  it('leaves out complaints older or newer than the window', () => {
    const old = complaint({ number: 'HK20261119000001', registeredAt: daysLater(-8) });
    expect(findDuplicates(hotline, [old], DEFAULT_DUPLICATE_RULE)).toEqual([]);
    expect(findDuplicates(hotline, [old], { ...DEFAULT_DUPLICATE_RULE, windowDays: 10 })).toHaveLength(1);
  });

  it('flags another topic only when the texts are alike', () => {
    const sameMatter = complaint({
      number: 'HK20261127000010',
      topic: 'enforcement',
      text: '施工许可审批超过承诺时限仍未办结。',
    });
    const otherMatter = complaint({ number: 'HK20261127000011', topic: 'factors', text: '厂区用电增容申请迟迟没有答复。' });
    const matches = findDuplicates(hotline, [sameMatter, otherMatter], DEFAULT_DUPLICATE_RULE);
    expect(matches.map((m) => [m.number, m.sameTopic])).toEqual([['HK20261127000010', false]]);
    expect(matches[0]?.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('tells enterprises apart by credit code, and by name only where a code is missing', () => {
    const namesake = complaint({
      number: 'HK20261127000012',
      enterprise: { name: '星河示例科技有限公司', creditCode: OTHER_CODE },
    });
    const atKiosk = complaint({ number: 'HK20261127000013', enterprise: { name: ' 星河示例科技有限公司（ ', creditCode: null } });
    expect(findDuplicates(hotline, [namesake, atKiosk], DEFAULT_DUPLICATE_RULE).map((m) => m.number)).toEqual([
      'HK20261127000013',
    ]);
    expect(sameEnterprise({ name: '甲公司', creditCode: null }, { name: '乙公司', creditCode: CODE })).toBe(false);
  });

  it('skips the complaint itself and those merged or not admitted', () => {
    const others = [
      hotline,
      complaint({ number: 'HK20261127000014', state: 'merged' }),
      complaint({ number: 'HK20261127000015', state: 'not_admitted' }),
      complaint({ number: 'HK20261127000016', state: 'closed' }),
    ];
    expect(findDuplicates(hotline, others, DEFAULT_DUPLICATE_RULE).map((m) => m.number)).toEqual(['HK20261127000016']);
  });

  it('measures text likeness by shared character pairs', () => {
    expect(textSimilarity('施工许可', '施工许可证')).toBeCloseTo(6 / 7); // 3 shared pairs of 3 + 4
    expect(textSimilarity('ABCD', 'abce')).toBeCloseTo(4 / 6);
    expect(textSimilarity('用电增容', '施工许可')).toBe(0);
    expect(textSimilarity('同一句话。', '同一句话')).toBe(1);
    expect(foldText('ＡＢＣ　１２３，好！')).toBe('abc123好');
  });
});
