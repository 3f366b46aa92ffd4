import { describe, expect, it } from 'vitest';
import { INDICATOR_SEED } from '../../../../contracts/indicator-seed';
import { treeShape, type IndicatorTree } from '../../../../contracts/indicators';
import {
  groupFromForm,
  leafFromForm,
  nextCode,
  problemsFromDetails,
  sourceValue,
  treeProblems,
  withGroup,
  withLeaf,
} from '../../../../renderer/district/indicators/tree-draft';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const leafFields = {
  name: '涉企政策兑现平均用时',
  nameEn: 'Average time to honour business policies',
  weight: '0.2',
  unit: '个工作日',
  direction: 'lower',
  target: '5',
  worst: '20',
  responsibleUnit: 'business-environment',
  source: 'entered',
  definition: '兑现申请受理至资金拨付的平均工作日数',
  definitionEn: 'Working days from a claim accepted to the money paid, on average',
};

const govGroup = (tree: IndicatorTree, code: string) => tree.categories[0]?.children.find((g) => g.code === code);

describe('the tree editor’s draft', () => {
  it('numbers a new child after the highest code in use', () => {
    expect(nextCode('GOV', [{ code: 'GOV.01' }, { code: 'GOV.05' }, { code: 'GOV.03' }])).toBe('GOV.06');
    expect(nextCode('GOV.05', [])).toBe('GOV.05.01');
    expect(nextCode('GOV', [{ code: 'GOV.99' }])).toBeNull();
  });

  it('the seed passes; a new group without indicators is named as the problem, at its code', () => {
    expect(treeProblems(INDICATOR_SEED)).toEqual([]);
    const group = groupFromForm(form({ name: '涉企政策兑现', nameEn: 'Business policies', weight: '0.1' }), 'GOV.06', undefined);
    const draft = withGroup(INDICATOR_SEED, 'GOV', group);
    expect(treeShape(draft)).toEqual({ categories: 7, groups: 27, leaves: 77 });
    const problems = treeProblems(draft);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'GOV.06', kind: 'noLeaves' }));
    // GOV's groups now weigh 1.1: said at GOV, with the sum.
    expect(problems).toContainEqual(expect.objectContaining({ code: 'GOV', field: null, kind: 'weights', sum: 1.1 }));
    // The empty group's own weights (none, summing to 0) are not a second problem.
    expect(problems.filter((p) => p.code === 'GOV.06')).toHaveLength(1);
  });

  it('adding the group’s indicator and moving a sibling’s weight makes the draft whole again', () => {
    let draft = withGroup(
      INDICATOR_SEED,
      'GOV',
      groupFromForm(form({ name: '涉企政策兑现', nameEn: 'Business policies', weight: '0.1' }), 'GOV.06', undefined),
    );
    draft = withLeaf(draft, 'GOV.06', leafFromForm(form({ ...leafFields, weight: '1' }), 'GOV.06.01', draft.responsibleUnits));
    const gov01 = govGroup(draft, 'GOV.01');
    if (gov01 === undefined) throw new Error('GOV.01 is in the seed');
    draft = withGroup(
      draft,
      'GOV',
      groupFromForm(form({ name: gov01.name, nameEn: gov01.nameEn, weight: '0.2' }), 'GOV.01', gov01),
    );
    expect(treeProblems(draft)).toEqual([]);
    expect(treeShape(draft)).toEqual({ categories: 7, groups: 27, leaves: 78 });
    // Editing a group keeps its indicators.
    expect(govGroup(draft, 'GOV.01')?.children).toHaveLength(6);
  });

  it('places a leaf’s own slips at the leaf and field: worst on the good side, an empty name, no number', () => {
    const leaf = leafFromForm(
      form({ ...leafFields, weight: '0.15', worst: '2', name: '' }),
      'GOV.01.01',
      INDICATOR_SEED.responsibleUnits,
    );
    const problems = treeProblems(withLeaf(INDICATOR_SEED, 'GOV.01', { ...leaf, target: Number.NaN }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'GOV.01.01', field: 'name', kind: 'required' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'GOV.01.01', field: 'target', kind: 'number' }));
    const worst = treeProblems(withLeaf(INDICATOR_SEED, 'GOV.01', { ...leaf, name: '全程网办事项占比' }));
    expect(worst).toEqual([expect.objectContaining({ code: 'GOV.01.01', field: 'worst' })]);
    expect(worst[0]?.message).toContain('worst must be above target');
  });

  it('reads a computed source back from its select, and refuses a unit other than its metric’s', () => {
    const computed = leafFromForm(
      form({ ...leafFields, weight: '0.2', source: 'computed:average-hall-wait-minutes', unit: '小时' }),
      'GOV.01.04',
      INDICATOR_SEED.responsibleUnits,
    );
    expect(computed.source).toEqual({ kind: 'computed', metric: 'average-hall-wait-minutes' });
    expect(sourceValue(computed.source)).toBe('computed:average-hall-wait-minutes');
    const problems = treeProblems(withLeaf(INDICATOR_SEED, 'GOV.01', { ...computed, weight: 0.15 }));
    expect(problems).toEqual([expect.objectContaining({ code: 'GOV.01.04', field: 'unit' })]);
  });

  it('places the platform’s own issues (a 400’s details) the same way, and ignores details of another shape', () => {
    const issues = { issues: [{ path: ['categories', 0, 'children', 1, 'name'], message: 'GOV is one of …' }] };
    expect(problemsFromDetails(INDICATOR_SEED, issues)).toEqual([{ code: 'GOV.02', field: 'name', message: 'GOV is one of …' }]);
    expect(problemsFromDetails(INDICATOR_SEED, { version: 3 })).toEqual([]);
    expect(problemsFromDetails(INDICATOR_SEED, undefined)).toEqual([]);
  });
});
