import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HALL_HOURS } from '../../contracts/config';
import { Report } from '../../contracts/reports';
import { writeDemoHistory } from '../../host/demo/write-history';
import { addDays, businessDay } from '../../host/queue/schedule';
import { seriousViolations, startKioskHarness, type KioskHarness } from '../support/kiosk-harness';
import { openManager } from '../support/manager-page';
import { expectWorkbookMatches } from '../support/report-workbook-check';
import { signIn } from '../support/staff';

/**
 * 统计报表 in Chromium against a real host holding three weeks of the demo's generated history:
 * a supervisor opens a period, the charts draw and the tables show the API's figures, the Excel
 * export downloads and holds, cell by cell, what GET /reports gives for the same period, and the
 * print layout is the report alone, printable to a PDF.
 */
describe('manager reports: period, charts and tables, Excel export, print', () => {
  let h: KioskHarness;
  let range: { from: string; to: string };

  beforeAll(async () => {
    // The demo's opening hours (the harness opens round the clock), so the history follows a hall's day.
    h = await startKioskHarness({ config: { hours: DEFAULT_HALL_HOURS } });
    const now = new Date();
    const today = businessDay(now, 'Asia/Shanghai', 3);
    writeDemoHistory({
      db: h.host.db,
      hall: h.host.hallSettings.get(),
      hallId: 'hall-01',
      timeZone: 'Asia/Shanghai',
      resetHour: 3,
      today,
      now,
      seed: 'e2e',
      workdays: 15,
      ticketsPerWorkday: 120,
    });
    range = { from: addDays(today, -20), to: addDays(today, -1) };
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('shows a period as charts and tables, exports the same figures to Excel and prints them; axe', async () => {
    const { page, context } = await openManager(h, 'reports');
    try {
      await page.getByRole('heading', { name: '运营统计报表' }).waitFor();
      await page.getByLabel('自定义').check();
      await page.getByLabel('开始日期').fill(range.from);
      await page.getByLabel('结束日期').fill(range.to);
      await page.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => page.getByTestId('report-period').innerText()).toBe(`政务服务中心：${range.from} 至 ${range.to}`);

      const api = Report.parse(
        (
          await h.host.app.inject({
            url: `/api/v1/reports?from=${range.from}&to=${range.to}`,
            headers: await signIn(h.host.app, '9001'),
          })
        ).json(),
      );
      expect(api.hall.issued).toBeGreaterThan(1000);

      // The charts are drawn (a canvas each) and their figures are in the tables beside them.
      await expect.poll(() => page.locator('.mgr-rep-chart:has(canvas)').count()).toBe(5);
      expect(await page.getByTestId('kpi-issued').innerText()).toBe(String(api.hall.issued));
      expect(await page.getByTestId('kpi-served').innerText()).toBe(String(api.hall.served));
      const services = page.getByTestId('report-services-table');
      for (const s of api.services) {
        const row = services.getByRole('row', { name: new RegExp(`^${s.serviceName}`) });
        expect(await row.getByRole('cell').first().innerText()).toBe(String(s.issued));
      }
      const windows = page.getByTestId('report-windows-table').locator('tbody tr');
      expect(await windows.count()).toBe(api.windows.length);
      expect(await page.getByTestId('report-ranking-table').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);

      // 导出 Excel: the file of the same period, checked cell by cell against the API's report.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
      expect(download.suggestedFilename()).toBe(`hall-report-hall-01-${range.from}-${range.to}.xlsx`);
      await expectWorkbookMatches(readFileSync(await download.path()), api);
      await page.getByText(`已下载 hall-report-hall-01-${range.from}-${range.to}.xlsx`).waitFor();

      // 打印: the report alone (no console frame, no period picker or buttons), every table whole.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: '管理功能' }).isVisible()).toBe(false);
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.locator('.mgr-rep-toolbar').isVisible()).toBe(false);
      for (const table of [
        'report-trend-table',
        'report-services-table',
        'report-windows-table',
        'report-staff-table',
        'report-heat-table',
      ])
        expect(await page.getByTestId(table).isVisible(), table).toBe(true);
      // A scroll box on screen, the ranking prints whole.
      const ranking = page.getByTestId('report-ranking-table');
      expect(await ranking.evaluate((t) => (t.parentElement ? getComputedStyle(t.parentElement).overflowY : ''))).toBe('visible');
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(2);
      await page.emulateMedia({ media: 'screen' });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
