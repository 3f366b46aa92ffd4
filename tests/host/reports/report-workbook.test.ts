import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../contracts/reports';
import { openDatabase, type Db } from '../../../db/open';
import { buildReport } from '../../../host/reports/build-report';
import { SHEETS } from '../../../host/reports/report-columns';
import { reportWorkbook } from '../../../host/reports/report-workbook';
import { expectWorkbookMatches } from '../../support/report-workbook-check';
import { migrationsDir } from '../../support/test-host';
import { NOW, RANGE, RESET_HOUR, seedReportHistory, TZ } from './history';

describe('the report as an Excel workbook', () => {
  let dir: string;
  let db: Db;
  let report: Report;
  let xlsx: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-workbook-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    seedReportHistory(db);
    report = buildReport(db, {
      ...RANGE,
      today: '2026-04-02',
      timeZone: TZ,
      resetHour: RESET_HOUR,
      hallId: 'hall-01',
      hallName: '测试政务服务中心',
      generatedAt: NOW,
    });
    xlsx = await reportWorkbook(report);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every figure of the Report, cell by cell, under Chinese headers', async () => {
    await expectWorkbookMatches(xlsx, report);
  });

  it('stores figures as numbers with a number format, and a figure without value as an empty cell', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx).buffer);
    const windows = book.getWorksheet(SHEETS.windows);
    if (!windows) throw new Error('no window sheet');
    const header = new Map<string, number>();
    windows.getRow(1).eachCell((cell, column) => header.set(String(cell.value), column));
    const column = (name: string) => header.get(name) ?? 0;
    // Window 2: 33.3 % no-show, a percentage stored as the number 33.3, shown with one decimal.
    const noShow = windows.getRow(3).getCell(column('过号率（%）'));
    expect(noShow.value).toBe(33.3);
    expect(noShow.numFmt).toBe('0.0');
    expect(windows.getRow(3).getCell(column('平均等待（秒）')).value).toBe(1300);
    // Window 3 served nobody: no average wait, an empty cell rather than 0 or a dash.
    expect(windows.getRow(4).getCell(column('平均等待（秒）')).value).toBeNull();
    // Frozen header row, A4 landscape.
    expect(windows.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(windows.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
  });
});
