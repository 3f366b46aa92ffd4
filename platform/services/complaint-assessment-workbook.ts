import {
  ASSESSMENT_MEASURES,
  type AssessmentResult,
  type AssessmentRules,
  type UnitFigures,
} from '../../contracts/complaint-assessment';
import type { Unit } from '../../contracts/complaints';
import { describeDeduction, describeItem, describeNoData, measuresOf } from './complaint-assessment';
import { addTable, newWorkbook } from './workbook-style';

/**
 * A period's 查询统计 and 考核 as an Excel workbook: 统计数据 (each unit's figures and rates),
 * 考核得分 (each unit's points per item, deductions, score and rank) and 计分规则 (the rules in the
 * district's words, so a printed sheet explains its own scores). Numbers are written as numbers;
 * a rate or a score without a value is an empty cell, never 0. exceljs is loaded at the first
 * export, as the hall's report does; the styling is the platform's one (`workbook-style.ts`).
 */

export const ASSESSMENT_SHEETS = { figures: '统计数据', scores: '考核得分', rules: '计分规则' } as const;

/** The figures sheet's columns: header, the cell of a unit's figures, its number format. */
export const FIGURE_COLUMNS: readonly { header: string; value: (f: UnitFigures) => number | null; numFmt: string }[] = [
  { header: '受理件数', value: (f) => f.received, numFmt: '0' },
  { header: '应签收件数', value: (f) => f.acceptDue, numFmt: '0' },
  { header: '按时签收件数', value: (f) => f.acceptedOnTime, numFmt: '0' },
  { header: '按时签收率（%）', value: (f) => rate(measuresOf(f).acceptedOnTimeRate), numFmt: '0.0' },
  { header: '办结件数', value: (f) => f.closed, numFmt: '0' },
  { header: '规定期限内办结件数', value: (f) => f.closedOnTime, numFmt: '0' },
  { header: '规定期限办结率（%）', value: (f) => rate(measuresOf(f).closedOnTimeRate), numFmt: '0.0' },
  { header: '超期件数', value: (f) => f.overdue, numFmt: '0' },
  { header: '审核件次', value: (f) => f.reviewed, numFmt: '0' },
  { header: '审核退回件次', value: (f) => f.returned, numFmt: '0' },
  { header: '审核退回率（%）', value: (f) => rate(measuresOf(f).returnRate), numFmt: '0.0' },
  { header: '督办件数', value: (f) => f.supervised, numFmt: '0' },
  { header: '评价数', value: (f) => Object.values(f.evaluations).reduce((sum, n) => sum + n, 0), numFmt: '0' },
  { header: '满意数', value: (f) => f.evaluations.very_satisfied + f.evaluations.satisfied, numFmt: '0' },
  { header: '满意率（%）', value: (f) => rate(measuresOf(f).satisfactionRate), numFmt: '0.0' },
];

function rate(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

const UNIT_KIND: Readonly<Record<Unit['kind'], string>> = { department: '区直部门', street: '街道', zone: '经济区' };

export interface AssessmentWorkbookInput {
  rules: AssessmentRules;
  result: AssessmentResult;
  figures: readonly UnitFigures[];
  units: readonly Pick<Unit, 'code' | 'name' | 'kind'>[];
  generatedAt: string;
}

/** The workbook (.xlsx) of a period's figures and scores, under Chinese headers. */
export async function assessmentWorkbook(input: AssessmentWorkbookInput): Promise<Buffer> {
  const { rules, result, figures, units, generatedAt } = input;
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const nameOf = (code: string) => unitOf.get(code)?.name ?? code;
  const kindOf = (code: string) => {
    const unit = unitOf.get(code);
    return unit === undefined ? '' : UNIT_KIND[unit.kind];
  };

  const book = await newWorkbook(`营商诉求办理统计与考核 ${result.period.label}`, new Date(generatedAt));

  addTable(
    book.addWorksheet(ASSESSMENT_SHEETS.figures),
    ['单位编码', '单位', '类型', ...FIGURE_COLUMNS.map((c) => c.header)],
    figures.map((f) => [f.unitCode, nameOf(f.unitCode), kindOf(f.unitCode), ...FIGURE_COLUMNS.map((c) => c.value(f))]),
    [null, null, null, ...FIGURE_COLUMNS.map((c) => c.numFmt)],
  );

  const itemHeaders = rules.items.map((i) => `${i.label}（${i.points}分）`);
  const deductionHeaders = rules.deductions.map((d) => d.label);
  addTable(
    book.addWorksheet(ASSESSMENT_SHEETS.scores),
    ['名次', '单位编码', '单位', ...itemHeaders, ...deductionHeaders, `总分（满分${rules.total}）`],
    result.units.map((u) => [
      u.rank,
      u.unitCode,
      nameOf(u.unitCode),
      ...u.items.map((i) => i.earned),
      ...u.deductions.map((d) => (u.active ? 0 - d.deducted || 0 : null)),
      u.score,
    ]),
    ['0', null, null, ...itemHeaders.map(() => '0.00'), ...deductionHeaders.map(() => '0.00'), '0.00'],
  );

  const explained = book.addWorksheet(ASSESSMENT_SHEETS.rules);
  explained.addRow([rules.name]).font = { bold: true, size: 14 };
  explained.addRow(['考核期间', `${result.period.from} 至 ${result.period.to}（${result.period.label}）`]);
  explained.addRow(['生成时间', generatedAt]);
  explained.addRow([]);
  addTable(
    explained,
    ['项目', '考核内容', '计分规则', '无办件时'],
    [
      ...rules.items.map((i) => [i.label, ASSESSMENT_MEASURES[i.measure].name, describeItem(i), describeNoData(i)]),
      ...rules.deductions.map((d) => [d.label, ASSESSMENT_MEASURES[d.measure].name, describeDeduction(d), null]),
    ],
    [null, null, null, null],
  );
  explained.getColumn(3).width = 80;
  explained.getColumn(4).width = 36;
  explained.addRow([]);
  explained.addRow([
    '说明：总分 = 各项得分之和 ÷ 计分项分值之和 × 满分 − 扣分，最低 0 分；无办件的单位不计分、不排名；得分相同者名次相同。',
  ]);

  return Buffer.from(await book.xlsx.writeBuffer());
}
