import type { Worksheet } from 'exceljs';
import type { Report, ReportFigures } from '../../contracts/reports';
import { FIGURE_COLUMNS, SHEETS, WEEKDAY_NAMES } from './report-columns';

type Cell = string | number | null;

/** A4 landscape, as wide as the page: a sheet printed from Excel fits without hunting for columns. */
const PAGE_SETUP = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/** Bold, shaded, frozen header row(s) and the number formats of the columns. */
function table(sheet: Worksheet, headers: readonly string[], rows: readonly Cell[][], numFmts: readonly (string | null)[]): void {
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  for (const row of rows) sheet.addRow(row);
  numFmts.forEach((numFmt, i) => {
    if (numFmt !== null) sheet.getColumn(i + 1).numFmt = numFmt;
  });
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.max(8, Math.min(18, h.length * 2 + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  sheet.pageSetup = { ...PAGE_SETUP, printTitlesRow: `${header.number}:${header.number}` };
}

const figureCells = (f: ReportFigures): Cell[] => FIGURE_COLUMNS.map((c) => c.value(f));
const figureHeaders = FIGURE_COLUMNS.map((c) => c.header);
const figureFormats = FIGURE_COLUMNS.map((c) => c.numFmt);

/**
 * The report as an Excel workbook (.xlsx): a summary, one sheet per grouping (service, window,
 * staff), the daily series, the arrivals heat map and the monthly window ranking. Every value
 * comes from the one Report the console shows, written as a number where it is one (an empty
 * cell where the figure is null), under Chinese headers. exceljs is loaded at the first export:
 * it takes about half a second to load, which a kiosk's start must not pay.
 */
export async function reportWorkbook(report: Report): Promise<Buffer> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Hall Kiosk';
  book.created = new Date(report.generatedAt);
  book.modified = book.created;
  book.title = `${report.hallName} ${report.from} 至 ${report.to} 运营报表`;

  const summary = book.addWorksheet(SHEETS.summary);
  summary.addRow([book.title]).font = { bold: true, size: 14 };
  summary.addRow(['统计区间', `${report.from} 至 ${report.to}`]);
  summary.addRow(['日历天数', report.days]);
  summary.addRow(['有取号的天数', report.openDays]);
  summary.addRow(['生成时间', report.generatedAt]);
  summary.addRow([]);
  table(
    summary,
    ['指标', '全厅'],
    FIGURE_COLUMNS.map((c) => [c.header, c.value(report.hall)]),
    [null, null],
  );
  summary.getColumn(1).width = 20;
  summary.getColumn(2).width = 24;

  table(
    book.addWorksheet(SHEETS.services),
    ['事项编码', '事项', '目标等待（分钟）', ...figureHeaders],
    report.services.map((s) => [s.serviceCode, s.serviceName, s.targetWaitMin, ...figureCells(s)]),
    [null, null, '0', ...figureFormats],
  );
  table(
    book.addWorksheet(SHEETS.windows),
    ['窗口号', '窗口', ...figureHeaders],
    report.windows.map((w) => [w.windowNumber, w.windowName, ...figureCells(w)]),
    ['0', null, ...figureFormats],
  );
  table(
    book.addWorksheet(SHEETS.staff),
    ['工号', '姓名', ...figureHeaders],
    report.staff.map((s) => [s.staffNo, s.staffName, ...figureCells(s)]),
    [null, null, ...figureFormats],
  );
  table(
    book.addWorksheet(SHEETS.daily),
    ['日期', '星期', '取号数', '办结数', '过号数'],
    report.daily.map((d) => [
      d.date,
      WEEKDAY_NAMES[(new Date(`${d.date}T12:00:00Z`).getUTCDay() + 6) % 7] ?? '',
      d.issued,
      d.served,
      d.noShow,
    ]),
    [null, null, '0', '0', '0'],
  );

  const heat = book.addWorksheet(SHEETS.arrivals);
  const hourHeaders = Array.from({ length: 24 }, (_, h) => `${h}时`);
  table(
    heat,
    ['星期', '天数', ...hourHeaders, '合计'],
    report.arrivals.map((a) => [WEEKDAY_NAMES[a.weekday - 1] ?? '', a.days, ...a.hours, a.hours.reduce((sum, n) => sum + n, 0)]),
    [null, '0', ...hourHeaders.map(() => '0'), '0'],
  );
  // The heat of the heat map: white for the quietest hour, deep orange for the busiest.
  heat.addConditionalFormatting({
    ref: 'C2:Z8',
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: [{ argb: 'FFFFFFFF' }, { argb: 'FFE4572E' }],
      },
    ],
  });

  const ranking = book.addWorksheet(SHEETS.ranking);
  table(
    ranking,
    ['月份', '名次', '窗口号', '窗口', '满意率（%）', '服务达标率（%）', '办结数', '评价数'],
    report.ranking.flatMap((m) =>
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
    ),
    [null, '0', '0', null, '0.0', '0.0', '0', '0'],
  );
  ranking.addRow([]);
  ranking.addRow(['排名规则：先比满意率，再比服务达标率，再比办结数（均为高者在前）；三项都相同的窗口名次相同。']);

  return Buffer.from(await book.xlsx.writeBuffer());
}
