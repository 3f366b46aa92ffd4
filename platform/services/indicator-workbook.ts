import type { IndicatorScores } from '../../contracts/indicator-scores';
import type { IndicatorLeaf, IndicatorTree } from '../../contracts/indicators';
import type { IndicatorPeriod } from '../../contracts/platform-indicators';
import { addTable, newWorkbook, type WorkbookCell } from './workbook-style';

/** The export's sheets, in order. */
export const INDICATOR_SHEETS = { summary: '得分汇总', nodes: '指标得分' } as const;

/** The nodes sheet's columns. */
export const NODE_HEADERS = [
  '编码',
  '层级',
  '指标',
  '单位',
  '方向',
  '目标值',
  '最差值',
  '权重',
  '有效权重',
  '本期值',
  '得分',
  '覆盖率',
  '缺失指标数',
] as const;

/**
 * A period's scores as an Excel workbook (.xlsx): the district and its seven categories, then
 * every node in the tree's order with its configuration, value and score. Drawn from the same
 * IndicatorScores the console's API serves, so the two cannot disagree. A figure that is null
 * (a missing value, no score) is an empty cell, never a 0. exceljs is loaded at the first export.
 */
export async function indicatorWorkbook(
  period: IndicatorPeriod,
  tree: IndicatorTree,
  scores: IndicatorScores,
  now: Date,
): Promise<Buffer> {
  const book = await newWorkbook(`营商环境评价得分 ${period.period}`, now);

  const names = new Map<string, { name: string; leaf?: IndicatorLeaf }>();
  for (const category of tree.categories) {
    names.set(category.code, { name: category.name });
    for (const group of category.children) {
      names.set(group.code, { name: group.name });
      for (const leaf of group.children) names.set(leaf.code, { name: leaf.name, leaf });
    }
  }

  const summary = book.addWorksheet(INDICATOR_SHEETS.summary);
  summary.addRow([book.title]).font = { bold: true, size: 14 };
  summary.addRow(['评价期', period.period]);
  summary.addRow(['起止日期', `${period.from} 至 ${period.to}`]);
  summary.addRow(['状态', period.state === 'closed' ? '已关闭' : '进行中']);
  summary.addRow(['指标体系版本', period.treeVersion]);
  summary.addRow([]);
  summary.addRow(['编码', '类别', '权重', '得分', '覆盖率']).font = { bold: true };
  summary.addRow(['DISTRICT', '全区', 1, scores.score, scores.coverage]);
  for (const node of scores.nodes.filter((n) => n.level === 1)) {
    summary.addRow([node.code, names.get(node.code)?.name ?? node.code, node.weight, node.score, node.coverage]);
  }
  summary.getColumn(2).width = 16;

  const sheet = book.addWorksheet(INDICATOR_SHEETS.nodes);
  const rows = scores.nodes.map((node): WorkbookCell[] => {
    const named = names.get(node.code);
    const leaf = named?.leaf;
    return [
      node.code,
      node.level,
      named?.name ?? node.code,
      leaf?.unit ?? null,
      leaf === undefined ? null : leaf.direction === 'higher' ? '越高越好' : '越低越好',
      leaf?.target ?? null,
      leaf?.worst ?? null,
      node.weight,
      node.effectiveWeight,
      node.value ?? null,
      node.score,
      node.coverage,
      node.missing.length,
    ];
  });
  addTable(sheet, NODE_HEADERS, rows);
  sheet.getColumn(3).width = 36;
  return Buffer.from(await book.xlsx.writeBuffer());
}
