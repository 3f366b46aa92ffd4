import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_METRICS, IndicatorMetric } from '../../contracts/indicator-metrics';
import { INDICATOR_SEED, INDICATOR_SEED_SHAPE } from '../../contracts/indicator-seed';
import { IndicatorCategoryCode, IndicatorTree, indicatorLeaves } from '../../contracts/indicators';
import { CATEGORY_WEIGHTS, editedSeed, group, leaf, smallTree } from '../support/indicator-trees';

const HAN = /\p{Script=Han}/u;

/** The issues a tree is refused with, as path + message, or [] when it is accepted. */
function issuesOf(tree: unknown): { path: string; message: string }[] {
  const result = IndicatorTree.safeParse(tree);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const GOV_01 = ['categories', 0, 'children', 0];
const GOV_01_02 = [...GOV_01, 'children', 1];

describe('the seeded indicator system', () => {
  it('has the seven categories, 26 second-level and 77 third-level indicators', () => {
    expect(INDICATOR_SEED_SHAPE).toEqual({ categories: 7, groups: 26, leaves: 77 });
    expect(INDICATOR_SEED.categories.map((c) => [c.code, c.name])).toEqual([
      ['GOV', '政务环境'],
      ['MKT', '市场环境'],
      ['OPN', '开放环境'],
      ['FAC', '要素环境'],
      ['INF', '设施环境'],
      ['SOC', '社会环境'],
      ['LAW', '法治环境'],
    ]);
  });

  it('validates as it is stored, and every indicator has its Chinese and English name, distinct', () => {
    expect(IndicatorTree.parse(INDICATOR_SEED)).toEqual(INDICATOR_SEED);
    const nodes = INDICATOR_SEED.categories.flatMap((c) => [c, ...c.children, ...c.children.flatMap((g) => g.children)]);
    for (const node of nodes) {
      expect(node.name, node.code).toMatch(HAN);
      expect(node.nameEn, node.code).not.toMatch(HAN);
    }
    const leaves = indicatorLeaves(INDICATOR_SEED);
    expect(new Set(leaves.map((l) => l.name)).size).toBe(77);
    expect(new Set(leaves.map((l) => l.nameEn)).size).toBe(77);
  });

  it('covers the national evaluation’s indicators a district answers for', () => {
    const groupNames = INDICATOR_SEED.categories.flatMap((c) => c.children.map((g) => g.name));
    for (const name of [
      '开办企业',
      '办理建筑许可',
      '获得电力',
      '获得用水用气',
      '登记财产',
      '获得信贷',
      '保护中小投资者',
      '纳税',
      '跨境贸易',
      '执行合同',
      '办理破产',
      '政府采购',
      '招标投标',
      '政务服务',
      '知识产权创造保护和运用',
      '市场监管',
      '包容普惠创新',
      '劳动力市场监管',
      '涉企诉求办理',
    ]) {
      expect(groupNames).toContain(name);
    }
  });

  it('computes each platform metric for exactly one leaf, and has the rest entered by a department', () => {
    const leaves = indicatorLeaves(INDICATOR_SEED);
    const metrics = leaves.flatMap((l) => (l.source.kind === 'computed' ? [l.source.metric] : []));
    expect([...metrics].sort()).toEqual([...IndicatorMetric.options].sort());
    expect(leaves.filter((l) => l.source.kind === 'entered')).toHaveLength(77 - IndicatorMetric.options.length);
    const startup = leaves.find((l) => l.source.kind === 'computed' && l.source.metric === 'business-startup-working-days');
    expect(startup).toMatchObject({
      code: 'GOV.02.01',
      unit: '个工作日',
      direction: 'lower',
      responsibleUnit: 'market-regulation',
    });
  });

  it('names departments the district has, each answering for at least one leaf', () => {
    const answering = new Set(indicatorLeaves(INDICATOR_SEED).map((l) => l.responsibleUnit));
    expect(INDICATOR_SEED.responsibleUnits.filter((u) => !answering.has(u.code))).toEqual([]);
    const names = INDICATOR_SEED.responsibleUnits.map((u) => u.name);
    for (const name of ['区市场监管局', '区营商环境建设局', '区税务局', '区政务服务中心']) expect(names).toContain(name);
  });

  it('weights the categories as a district would: 政务 and 法治 first', () => {
    const weights = Object.fromEntries(INDICATOR_SEED.categories.map((c) => [c.code, c.weight]));
    expect(weights).toEqual(CATEGORY_WEIGHTS);
  });
});

describe('an indicator tree is refused', () => {
  it('when sibling weights do not sum to 1, naming the parent', () => {
    const tree = editedSeed(GOV_01_02, (node) => {
      node.weight = 0.2; // GOV.01's leaves: 1.05
    });
    expect(issuesOf(tree)).toEqual([
      { path: 'categories.0.children.0.children', message: 'the weights under GOV.01 sum to 1.05, not 1 (±0.001)' },
    ]);
    const categories = editedSeed(['categories', 6], (node) => {
      node.weight = 0.25;
    });
    expect(issuesOf(categories)).toEqual([
      { path: 'categories', message: 'the weights under the district sum to 1.05, not 1 (±0.001)' },
    ]);
  });

  it('only beyond the tolerance of ±0.001, so thirds can be written in decimals', () => {
    const thirds = (a: number, b: number, c: number): unknown =>
      smallTree(CATEGORY_WEIGHTS, {
        GOV: [group('GOV.01', 1, [leaf('GOV.01.01', a), leaf('GOV.01.02', b), leaf('GOV.01.03', c)])],
      });
    expect(() => thirds(0.333, 0.333, 0.333)).not.toThrow(); // 0.999
    expect(() => thirds(0.3333, 0.3333, 0.3334)).not.toThrow();
    expect(() => thirds(0.333, 0.333, 0.332)).toThrow(/GOV\.01 sum to 0\.998/);
  });

  it('when a code is used twice', () => {
    const tree = editedSeed(GOV_01_02, (node) => {
      node.code = 'GOV.01.01';
    });
    expect(issuesOf(tree)).toEqual([{ path: 'categories.0.children.0.children.1.code', message: 'duplicate code GOV.01.01' }]);
  });

  it('when a code is not under its parent’s', () => {
    const tree = editedSeed(GOV_01_02, (node) => {
      node.code = 'GOV.09.02';
    });
    expect(issuesOf(tree)).toEqual([
      { path: 'categories.0.children.0.children.1.code', message: 'GOV.09.02 is not under its parent GOV.01' },
    ]);
  });

  it('when a leaf lacks a leaf field', () => {
    for (const field of ['unit', 'direction', 'target', 'worst', 'responsibleUnit', 'source', 'definition']) {
      const tree = editedSeed(GOV_01_02, (node) => {
        delete node[field];
      });
      expect(
        issuesOf(tree).map((i) => i.path),
        field,
      ).toEqual([`categories.0.children.0.children.1.${field}`]);
    }
  });

  it('when a node is at the wrong level, or carries another level’s fields', () => {
    const leafAsGroup = editedSeed(GOV_01_02, (node) => {
      node.level = 2;
    });
    expect(issuesOf(leafAsGroup).map((i) => i.path)).toEqual(['categories.0.children.0.children.1.level']);

    const groupWithLeafFields = editedSeed(GOV_01, (node) => {
      node.unit = '%';
    });
    const extra = issuesOf(groupWithLeafFields);
    expect(extra.map((i) => i.path)).toEqual(['categories.0.children.0']);
    expect(extra[0]?.message).toContain('"unit"');

    const leafUnderCategory = editedSeed(['categories', 0], (node) => {
      node.children = [leaf('GOV.01', 1)];
    });
    expect(issuesOf(leafUnderCategory).map((i) => i.path)).toContain('categories.0.children.0.level');
  });

  it('when a category is missing', () => {
    const tree = editedSeed([], (node) => {
      node.categories = INDICATOR_SEED.categories
        .filter((c) => c.code !== 'LAW')
        .map((c) => (c.code === 'GOV' ? { ...c, weight: 0.4 } : c));
    });
    expect(issuesOf(tree)).toEqual([
      { path: 'categories', message: 'the category LAW is missing: the seven categories are each present once' },
    ]);
  });

  it('when a leaf’s worst value is not on the bad side of its target', () => {
    const higher = editedSeed(GOV_01_02, (node) => {
      node.worst = 50; // higher is better, target 40
    });
    expect(issuesOf(higher)).toEqual([
      {
        path: 'categories.0.children.0.children.1.worst',
        message: 'GOV.01.02: when higher is better, worst must be below target',
      },
    ]);
    const equal = editedSeed(GOV_01_02, (node) => {
      node.worst = 40;
    });
    expect(issuesOf(equal).map((i) => i.message)).toEqual(['GOV.01.02: worst equals target, nothing to score between them']);
  });

  it('when a leaf names a department not in the list', () => {
    const tree = editedSeed(GOV_01_02, (node) => {
      node.responsibleUnit = 'fire-brigade';
    });
    expect(issuesOf(tree)).toEqual([
      {
        path: 'categories.0.children.0.children.1.responsibleUnit',
        message: 'GOV.01.02: no responsible unit fire-brigade in responsibleUnits',
      },
    ]);
  });

  it('when a department is listed twice', () => {
    const tree = editedSeed(['responsibleUnits', 1], (node) => {
      node.code = 'business-environment';
    });
    expect(issuesOf(tree)).toContainEqual({
      path: 'responsibleUnits.1.code',
      message: 'duplicate unit code business-environment',
    });
  });

  it('when a computed leaf’s unit or direction is not its metric’s', () => {
    // GOV.01.04 is the average wait at the halls: minutes, lower is better.
    const tree = editedSeed([...GOV_01, 'children', 3], (node) => {
      node.unit = '小时';
      node.direction = 'higher';
      node.worst = 0;
    });
    expect(issuesOf(tree)).toEqual([
      { path: 'categories.0.children.0.children.3.unit', message: 'GOV.01.04: average-hall-wait-minutes is computed in 分钟' },
      {
        path: 'categories.0.children.0.children.3.direction',
        message: 'GOV.01.04: for average-hall-wait-minutes, lower is better',
      },
    ]);
    expect(INDICATOR_METRICS['average-hall-wait-minutes']).toMatchObject({ unit: '分钟', direction: 'lower' });
  });

  it('when its code does not say its level', () => {
    const tree = editedSeed(GOV_01_02, (node) => {
      node.code = 'GOV.01';
    });
    expect(issuesOf(tree)).toContainEqual({
      path: 'categories.0.children.0.children.1.code',
      message: 'expected a third-level code like GOV.01.03',
    });
  });
});

describe('docs/indicators.md', () => {
  /** Each table row of the page by its first cell, its cells trimmed. */
  const rows = new Map(
    readFileSync(join(import.meta.dirname, '../../docs/indicators.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .map((cells) => [cells[0] ?? '', cells]),
  );

  it('lists the seed as it is stored: every group and leaf with its unit, target, worst, weight and source', () => {
    const unitNames = new Map(INDICATOR_SEED.responsibleUnits.map((u) => [u.code, u.name]));
    for (const category of INDICATOR_SEED.categories) {
      for (const group of category.children) {
        expect(rows.get(`**${group.code}**`)?.[6], group.code).toBe(String(group.weight));
        for (const l of group.children) {
          const source = l.source.kind === 'computed' ? `\`${l.source.metric}\`` : 'entered';
          expect(rows.get(l.code), l.code).toEqual([
            l.code,
            l.name,
            l.unit,
            l.direction,
            String(l.target),
            String(l.worst),
            String(l.weight),
            unitNames.get(l.responsibleUnit),
            source,
          ]);
        }
      }
    }
  });

  it('defines every computed metric', () => {
    for (const metric of IndicatorMetric.options) expect(rows.has(`\`${metric}\``), metric).toBe(true);
  });
});

describe('a small tree', () => {
  it('is valid with one leaf per category', () => {
    expect(indicatorLeaves(smallTree(CATEGORY_WEIGHTS)).map((l) => l.code)).toEqual(
      IndicatorCategoryCode.options.map((code) => `${code}.01.01`),
    );
  });
});
