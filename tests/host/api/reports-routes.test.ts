import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import { Report, XLSX_MEDIA_TYPE } from '../../../contracts/reports';
import { buildReport } from '../../../host/reports/build-report';
import { expectWorkbookMatches } from '../../support/report-workbook-check';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { NOW, RANGE, RESET_HOUR, seedReportEvents, TZ } from '../reports/history';
import { ManualClock } from '../sync/support';

const query = (from: string, to: string) => `from=${from}&to=${to}`;

/** GET /api/v1/reports and /reports/export on a hall with the hand-made history of tests/host/reports. */
describe('report routes', () => {
  let host: TestHost;
  let supervisor: { authorization: string };
  let technician: { authorization: string };
  let clerk: { authorization: string };

  beforeAll(async () => {
    host = await startTestHost({
      clock: new ManualClock(NOW.getTime()),
      config: { staff: await testStaffSeeds(), hallId: 'hall-07', hallName: '示例政务服务中心', timeZone: TZ },
    });
    seedReportEvents(host.db);
    supervisor = await signIn(host.app, '9001');
    technician = await signIn(host.app, '8001');
    clerk = await signIn(host.app, '1001', 3);
  });
  afterAll(async () => {
    await host.dispose();
  });

  const get = (url: string, headers: Record<string, string> = supervisor) => host.app.inject({ url, headers });

  it('gives a supervisor and a technician the report of the range, as the builder makes it', async () => {
    const res = await get(`/api/v1/reports?${query(RANGE.from, RANGE.to)}`);
    expect(res.statusCode).toBe(200);
    const report = Report.parse(res.json());
    expect(report).toEqual(
      buildReport(host.db, {
        ...RANGE,
        today: '2026-04-02',
        timeZone: TZ,
        resetHour: RESET_HOUR,
        hallId: 'hall-07',
        hallName: '示例政务服务中心',
        generatedAt: NOW,
      }),
    );
    expect(report.hall).toMatchObject({ issued: 9, served: 5, transfers: 1, rated: 10, badReviews: 4 });
    expect((await get(`/api/v1/reports?${query(RANGE.from, RANGE.to)}`, technician)).statusCode).toBe(200);
  });

  it('refuses window staff and a caller who has not signed in', async () => {
    for (const url of [
      `/api/v1/reports?${query(RANGE.from, RANGE.to)}`,
      `/api/v1/reports/export?${query(RANGE.from, RANGE.to)}`,
    ]) {
      expect((await get(url, clerk)).statusCode).toBe(403);
      expect((await get(url, {})).statusCode).toBe(401);
    }
  });

  it('answers a range that ends before it starts or spans more than a year with a typed 400', async () => {
    for (const path of ['/api/v1/reports', '/api/v1/reports/export']) {
      const backwards = await get(`${path}?${query('2026-04-02', '2026-04-01')}`);
      expect(backwards.statusCode).toBe(400);
      expect(ApiError.parse(backwards.json()).error).toMatchObject({
        code: 'report_range_invalid',
        details: { reason: 'from_after_to', maxDays: 366 },
      });
      const tooLong = await get(`${path}?${query('2025-01-01', '2026-01-02')}`);
      expect(tooLong.statusCode).toBe(400);
      expect(ApiError.parse(tooLong.json()).error).toMatchObject({
        code: 'report_range_invalid',
        details: { reason: 'too_long' },
      });
      // Not a date at all, or missing: the request itself is invalid.
      const notADate = await get(`${path}?${query('2026-02-30', '2026-03-01')}`);
      expect([notADate.statusCode, ApiError.parse(notADate.json()).error.code]).toEqual([400, 'invalid_request']);
      expect((await get(`${path}?from=2026-03-01`)).statusCode).toBe(400);
    }
    // A leap year's 366 days are one year.
    expect((await get(`/api/v1/reports?${query('2024-01-01', '2024-12-31')}`)).statusCode).toBe(200);
  });

  it('exports the same report as an .xlsx file named with the hall and the range', async () => {
    const res = await get(`/api/v1/reports/export?${query(RANGE.from, RANGE.to)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers['content-disposition']).toBe('attachment; filename="hall-report-hall-07-2026-03-30-2026-04-02.xlsx"');
    const report = Report.parse((await get(`/api/v1/reports?${query(RANGE.from, RANGE.to)}`)).json());
    await expectWorkbookMatches(res.rawPayload, report);
  });
});
