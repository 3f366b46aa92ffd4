import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Report, ReportFigures } from '../../contracts/reports';
import { FIGURE_COLUMNS, SHEETS, WEEKDAY_NAMES } from '../../host/reports/report-columns';

type Value = string | number | null;

/** A sheet as plain rows of plain values (exceljs's rows start at 1 and may be sparse). */
function rowsOf(sheet: ExcelJS.Worksheet): Value[][] {
  const rows: Value[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: Value[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      values.push(typeof value === 'number' || typeof value === 'string' ? value : null);
    }
    rows[number - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** exceljs drops trailing empty cells: pad a row to the width it was meant to have. */
const padded = (row: readonly Value[], width: number): Value[] => Array.from({ length: width }, (_, i) => row[i] ?? null);

const figures = (f: ReportFigures): Value[] => FIGURE_COLUMNS.map((c) => c.value(f));
const figureHeaders = FIGURE_COLUMNS.map((c) => c.header);

/**
 * Reads an exported workbook back and checks it cell by cell against the Report the API gave for
 * the same range: every sheet, every header, every figure, numbers stored as numbers.
 */
export async function expectWorkbookMatches(xlsx: Uint8Array, report: Report): Promise<void> {
  const book = new ExcelJS.Workbook();
  // A copy in a fresh ArrayBuffer: what exceljs's typings ask for, and what JSZip reads.
  await book.xlsx.load(new Uint8Array(xlsx).buffer);
  expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(SHEETS));
  const sheet = (name: string) => {
    const found = book.getWorksheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return rowsOf(found);
  };

  const summary = sheet(SHEETS.summary);
  expect(summary[1]).toEqual(['统计区间', `${report.from} 至 ${report.to}`]);
  expect(summary[2]).toEqual(['日历天数', report.days]);
  expect(summary[3]).toEqual(['有取号的天数', report.openDays]);
  expect(summary[6]).toEqual(['指标', '全厅']);
  expect(summary.slice(7).map((r) => padded(r, 2))).toEqual(FIGURE_COLUMNS.map((c) => [c.header, c.value(report.hall)]));

  const width = 3 + FIGURE_COLUMNS.length;
  const services = sheet(SHEETS.services);
  expect(services[0]).toEqual(['事项编码', '事项', '目标等待（分钟）', ...figureHeaders]);
  expect(services.slice(1).map((r) => padded(r, width))).toEqual(
    report.services.map((s) => [s.serviceCode, s.serviceName, s.targetWaitMin, ...figures(s)]),
  );

  const windows = sheet(SHEETS.windows);
  expect(windows[0]).toEqual(['窗口号', '窗口', ...figureHeaders]);
  expect(windows.slice(1).map((r) => padded(r, width - 1))).toEqual(
    report.windows.map((w) => [w.windowNumber, w.windowName, ...figures(w)]),
  );

  const staff = sheet(SHEETS.staff);
  expect(staff[0]).toEqual(['工号', '姓名', ...figureHeaders]);
  expect(staff.slice(1).map((r) => padded(r, width - 1))).toEqual(
    report.staff.map((s) => [s.staffNo, s.staffName, ...figures(s)]),
  );

  const daily = sheet(SHEETS.daily);
  expect(daily[0]).toEqual(['日期', '星期', '取号数', '办结数', '过号数']);
  expect(daily.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual(
    report.daily.map((d) => [d.date, d.issued, d.served, d.noShow]),
  );

  const heat = sheet(SHEETS.arrivals);
  expect(heat[0]).toEqual(['星期', '天数', ...Array.from({ length: 24 }, (_, h) => `${h}时`), '合计']);
  expect(heat.slice(1)).toEqual(
    report.arrivals.map((a) => [WEEKDAY_NAMES[a.weekday - 1], a.days, ...a.hours, a.hours.reduce((x, y) => x + y, 0)]),
  );

  const ranking = sheet(SHEETS.ranking);
  expect(ranking[0]).toEqual(['月份', '名次', '窗口号', '窗口', '满意率（%）', '服务达标率（%）', '办结数', '评价数']);
  const ranked = report.ranking.flatMap((m) =>
    m.windows.map((w) => [
      m.month,
      w.rank,
      w.windowNumber,
      w.windowName,
      w.satisfactionPct,
      w.serviceLevelPct,
      w.served,
      w.rated,
    ]),
  );
  expect(ranking.slice(1, 1 + ranked.length).map((r) => padded(r, 8))).toEqual(ranked);
}
