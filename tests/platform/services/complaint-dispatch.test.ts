import { describe, expect, it } from 'vitest';
import type { DispatchRule } from '../../../contracts/complaint-sorting';
import type { Unit } from '../../../contracts/complaints';
import { suggestDispatch, type DispatchSubject } from '../../../platform/services/complaint-dispatch';

const unit = (code: string, kind: Unit['kind'] = 'department', active = true): Unit => ({ code, name: code, kind, active });
const units = [
  unit('market-regulation'),
  unit('fire-rescue'),
  unit('housing'),
  unit('tax'),
  unit('retired-office', 'department', false),
  unit('street-xinghe', 'street'),
  unit('street-yinhe', 'street'),
  unit('zone-hightech', 'zone'),
];

const rule = (id: string, over: Partial<DispatchRule>): DispatchRule => ({
  id,
  topic: null,
  area: null,
  keywords: [],
  leadUnit: 'market-regulation',
  coUnits: [],
  ...over,
});

const rules = [
  rule('enforcement', { topic: 'enforcement', leadUnit: 'market-regulation' }),
  rule('fire', { keywords: ['消防', '火灾'], leadUnit: 'fire-rescue', coUnits: ['street-xinghe', 'retired-office'] }),
  rule('xinghe-enforcement', { topic: 'enforcement', area: 'street-xinghe', leadUnit: 'street-xinghe' }),
  rule('yinhe', { area: 'street-yinhe', leadUnit: 'street-yinhe' }),
  rule('old-tax', { keywords: ['发票'], leadUnit: 'retired-office' }),
  rule('tax', { keywords: ['发票'], leadUnit: 'tax' }),
  rule('housing', { topic: 'enforcement', leadUnit: 'housing' }),
];

const subject = (over: Partial<DispatchSubject>): DispatchSubject => ({
  topic: 'enforcement',
  area: 'street-xinghe',
  text: '店铺被要求重复整改，消防检查标准前后不一。',
  ...over,
});

describe('dispatch suggestions', () => {
  it('orders suggestions by specificity: a keyword, then the area, then the topic', () => {
    const suggestions = suggestDispatch(subject({}), rules, units);
    expect(suggestions.map((s) => [s.leadUnit, s.basis, s.specificity])).toEqual([
      ['fire-rescue', ['keyword'], 4],
      ['street-xinghe', ['area', 'topic'], 3],
      ['market-regulation', ['topic'], 1],
      ['housing', ['topic'], 1], // as specific as market-regulation, listed after it by the 营商局
    ]);
    expect(suggestions[0]).toMatchObject({ ruleId: 'fire', matchedKeywords: ['消防'], coUnits: ['street-xinghe'] });
  });

  it('keeps one suggestion per lead unit, its most specific', () => {
    const twice = [rule('general', { topic: 'enforcement', leadUnit: 'street-xinghe' }), ...rules];
    const xinghe = suggestDispatch(subject({}), twice, units).filter((s) => s.leadUnit === 'street-xinghe');
    expect(xinghe.map((s) => s.ruleId)).toEqual(['xinghe-enforcement']);
  });

  it('matches keywords whatever their width, and needs every condition a rule sets', () => {
    const invoice = suggestDispatch(
      subject({ topic: 'other', area: null, text: '增值税ＩＴ发票申领系统无法登录' }),
      rules,
      units,
    );
    expect(invoice.map((s) => s.leadUnit)).toEqual(['tax']); // the retired office's rule suggests nothing
    expect(
      suggestDispatch(subject({ topic: 'approval', area: 'zone-hightech', text: '项目审批慢' }), rules, units).map(
        (s) => s.leadUnit,
      ),
    ).toEqual(['zone-hightech']);
  });

  it('falls back on the area’s own street when no rule names it (属地管理)', () => {
    const local = suggestDispatch(subject({ topic: 'policy', area: 'street-xinghe', text: '想了解稳岗补贴政策' }), rules, units);
    expect(local).toEqual([
      { leadUnit: 'street-xinghe', coUnits: [], ruleId: null, basis: ['area_default'], matchedKeywords: [], specificity: 0 },
    ]);
    const ruled = suggestDispatch(subject({ topic: 'policy', area: 'street-yinhe', text: '想了解稳岗补贴政策' }), rules, units);
    expect(ruled.map((s) => [s.leadUnit, s.ruleId])).toEqual([['street-yinhe', 'yinhe']]);
    expect(suggestDispatch(subject({ topic: 'policy', area: null, text: '想了解政策' }), rules, units)).toEqual([]);
  });
});
