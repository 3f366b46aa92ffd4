import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_RULES } from '../../../contracts/complaint-assessment';
import { assessUnits } from '../../../platform/services/complaint-assessment';
import { ASSESSMENT_SHEETS, FIGURE_COLUMNS, assessmentWorkbook } from '../../../platform/services/complaint-assessment-workbook';
import { BUSY_UNIT, unitFigures } from '../support/complaints';

const period = { from: '2026-01-01', to: '2026-12-31', label: '2026年度' };
const figures = [
  BUSY_UNIT,
  unitFigures('street-quiet'),
  unitFigures('tax', { received: 3, acceptDue: 3, acceptedOnTime: 3, closed: 3, closedOnTime: 2, overdue: 1 }),
];
const units = [
  { code: 'market-regulation', name: '区市场监管局', kind: 'department' },
  { code: 'street-quiet', name: '安静街道', kind: 'street' },
  { code: 'tax', name: '区税务局', kind: 'department' },
] as const;

type Value = string | number | null;

async function sheets(xlsx: Buffer): Promise<Record<string, Value[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(xlsx).buffer);
  return Object.fromEntries(
    book.worksheets.map((sheet) => {
      const rows: Value[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, number) => {
        const width = sheet.getRow(1).cellCount > row.cellCount ? sheet.getRow(1).cellCount : row.cellCount;
        rows[number - 1] = Array.from({ length: width }, (_, c) => {
          const value = row.getCell(c + 1).value;
          return typeof value === 'number' || typeof value === 'string' ? value : null;
        });
      });
      return [sheet.name, Array.from(rows, (r) => r ?? [])];
    }),
  );
}

describe('the statistics and scores workbook', () => {
  it('holds the figures, the scores and the rules, read back cell by cell under Chinese headers', async () => {
    const result = assessUnits(DEFAULT_ASSESSMENT_RULES, period, figures);
    const xlsx = await assessmentWorkbook({
      rules: DEFAULT_ASSESSMENT_RULES,
      result,
      figures,
      units,
      generatedAt: '2027-01-05T02:00:00.000Z',
    });
    const book = await sheets(xlsx);
    expect(Object.keys(book)).toEqual([ASSESSMENT_SHEETS.figures, ASSESSMENT_SHEETS.scores, ASSESSMENT_SHEETS.rules]);

    const stats = book[ASSESSMENT_SHEETS.figures] ?? [];
    expect(stats[0]).toEqual(['单位编码', '单位', '类型', ...FIGURE_COLUMNS.map((c) => c.header)]);
    expect(stats[1]).toEqual([
      'market-regulation',
      '区市场监管局',
      '区直部门',
      10,
      10,
      9,
      90,
      8,
      8,
      100,
      0,
      10,
      1,
      10,
      2,
      10,
      8,
      80,
    ]);
    // A unit with no complaints: its rates are empty cells, not 0 and not 100.
    expect(stats[2]).toEqual(['street-quiet', '安静街道', '街道', 0, 0, 0, null, 0, 0, null, 0, 0, 0, null, 0, 0, 0, null]);
    expect(stats[3]).toEqual(['tax', '区税务局', '区直部门', 3, 3, 3, 100, 3, 2, 66.7, 1, 0, 0, null, 0, 0, 0, null]);

    const scores = book[ASSESSMENT_SHEETS.scores] ?? [];
    expect(scores[0]).toEqual([
      '名次',
      '单位编码',
      '单位',
      '按时签收（15分）',
      '规定期限办结（30分）',
      '超期办理（15分）',
      '答复质量（10分）',
      '企业满意度（30分）',
      '督办扣分',
      '总分（满分100）',
    ]);
    // tax: 15 + (30 − 33.33… × 2 → 0) + 13 over 60 of 100 points → 46.67.
    expect(scores.slice(1)).toEqual([
      [1, 'market-regulation', '区市场监管局', 5, 30, 15, 6.67, 7.5, -2, 62.17],
      [2, 'tax', '区税务局', 15, 0, 13, null, null, 0, 46.67],
      [null, 'street-quiet', '安静街道', null, null, null, null, null, null, null],
    ]);

    const rules = book[ASSESSMENT_SHEETS.rules] ?? [];
    expect(rules[0]?.[0]).toBe('营商诉求办理考核细则');
    expect(rules[1]).toEqual(['考核期间', '2026-01-01 至 2026-12-31（2026年度）']);
    expect(rules[4]).toEqual(['项目', '考核内容', '计分规则', '无办件时']);
    expect(rules[7]?.slice(0, 3)).toEqual(['超期办理', '超期件数', '超期办理（15分）：每超期一件扣2分，扣完为止']);
    expect(rules[10]?.slice(0, 3)).toEqual(['督办扣分', '督办件数', '督办扣分：每督办一件扣1分，最多扣10分']);
  });

  it('formats rates with one decimal and scores with two, and freezes the header row', async () => {
    const result = assessUnits(DEFAULT_ASSESSMENT_RULES, period, figures);
    const xlsx = await assessmentWorkbook({
      rules: DEFAULT_ASSESSMENT_RULES,
      result,
      figures,
      units,
      generatedAt: '2027-01-05T02:00:00.000Z',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx).buffer);
    const stats = book.getWorksheet(ASSESSMENT_SHEETS.figures);
    const scores = book.getWorksheet(ASSESSMENT_SHEETS.scores);
    if (stats === undefined || scores === undefined) throw new Error('a sheet is missing');
    expect(stats.getRow(4).getCell(10).numFmt).toBe('0.0');
    expect(scores.getRow(2).getCell(10).numFmt).toBe('0.00');
    expect(scores.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
