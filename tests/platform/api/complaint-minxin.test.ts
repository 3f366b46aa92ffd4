import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import { MinxinFileError } from '../../../contracts/minxin';
import { ComplaintListResponse, ComplaintPage } from '../../../contracts/platform-complaints';
import { ConsoleErrorBody } from '../../../contracts/platform-console';
import { MinxinImportResult, MinxinPendingReplies } from '../../../contracts/platform-minxin-api';
import type { Platform } from '../../../platform/server';
import { auditOf } from '../../../platform/store/district-audit';
import { setUpComplaintDesk, type ComplaintDesk, type DeskPerson } from '../support/complaint-desk';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, startApi } from '../support/platform';

const fixtures = join(__dirname, '../../fixtures/minxin');
const CSV = readFileSync(join(fixtures, 'complaints-batch.csv'));
const JSON_BATCH = readFileSync(join(fixtures, 'complaints-batch.json'));

/** The fixture's two rows and a third with a bad credit code and no phone. */
const CSV_WITH_A_BAD_ROW = Buffer.concat([
  CSV,
  Buffer.from('MX2026120300019,2026-12-03 08:00:00,坏行示例有限公司,91350100M000100Y44,孙八,,其他,,内容,待办理\n', 'utf8'),
]);

describeEachDatabase('platform: 民心网 batches in, replies out', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;

  beforeEach(async () => {
    api = await startApi(database());
    desk = await setUpComplaintDesk(api);
  });
  afterEach(async () => {
    await api.close();
  });

  const upload = (bytes: Uint8Array, kind: string, headers: Record<string, string>, contentType = 'application/octet-stream') =>
    api.app.inject({
      method: 'POST',
      url: `/v1/complaints/minxin/batches?kind=${kind}`,
      headers: { ...headers, 'content-type': contentType },
      payload: Buffer.from(bytes),
    });

  const imported = async (bytes: Uint8Array, kind: string) => {
    const res = await upload(bytes, kind, desk.as.intake);
    expect(res.statusCode, res.body).toBe(200);
    return MinxinImportResult.parse(res.json());
  };

  const refusal = (res: { statusCode: number; json: () => unknown }, status: number) => {
    expect(res.statusCode).toBe(status);
    return ConsoleErrorBody.parse(res.json()).error;
  };

  const minxinList = async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/complaints?channel=minxin', headers: desk.as.sorter });
    expect(res.statusCode, res.body).toBe(200);
    return ComplaintListResponse.parse(res.json()).complaints;
  };

  it('imports a CSV batch: each good row a numbered complaint in the work list, each bad row with all its reasons', async () => {
    const result = await imported(CSV_WITH_A_BAD_ROW, 'csv');
    expect(result.kind).toBe('csv');
    expect(result.imported.map((r) => [r.externalRef, r.line])).toEqual([
      ['MX2026120300017', 2],
      ['MX2026120300018', 3],
    ]);
    expect(result.imported.every((r) => /^HK20261127\d{6}$/.test(r.number))).toBe(true);
    expect(result.alreadyImported).toEqual([]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatchObject({ line: 5, externalRef: 'MX2026120300019' });
    expect(result.refused[0]?.errors.map((e) => [e.field, e.code])).toEqual([
      ['creditCode', 'invalid'],
      ['contactPhone', 'missing'],
    ]);

    const listed = await minxinList();
    expect(listed.map((c) => c.number).sort()).toEqual(result.imported.map((r) => r.number).sort());
    const first = result.imported[0];
    if (first === undefined) throw new Error('no row imported');
    const page = ComplaintPage.parse(
      (await api.app.inject({ method: 'GET', url: `/v1/complaints/${first.number}`, headers: desk.as.sorter })).json(),
    );
    expect(page.complaint).toMatchObject({
      channel: 'minxin',
      externalRef: 'MX2026120300017',
      area: 'street-xinghe',
      topic: 'approval',
      state: 'registered',
    });
    expect(page.complaint.history[0]?.actor).toEqual({ kind: 'system' });

    // Who imported, and how much, without anything of the rows.
    const audit = await auditOf(database().sql, 'minxin-batch:csv');
    expect(audit.map((a) => [a.actor, a.action, a.detail])).toEqual([
      ['p-intake', 'minxin.import', { kind: 'csv', imported: 2, alreadyImported: 0, refused: 1 }],
    ]);
  });

  it('imports the same batch again, in another layout, as repeats: nothing registered twice', async () => {
    const first = await imported(CSV, 'csv');
    const again = await imported(JSON_BATCH, 'json');
    expect(again.batchId).toBe('MX-20261203-01');
    expect(again.imported).toEqual([]);
    expect(again.alreadyImported.map((r) => [r.externalRef, r.number])).toEqual(
      first.imported.map((r) => [r.externalRef, r.number]),
    );
    expect(await minxinList()).toHaveLength(2);
  });

  it('registers each 民心网编号 once when two operators import the same file at once', async () => {
    const [a, b] = await Promise.all([upload(CSV, 'csv', desk.as.intake), upload(CSV, 'csv', desk.as.intake)]);
    const results = [a, b].map((res) => {
      expect(res.statusCode, res.body).toBe(200);
      return MinxinImportResult.parse(res.json());
    });
    expect(results.reduce((n, r) => n + r.imported.length, 0)).toBe(2);
    expect(results.reduce((n, r) => n + r.alreadyImported.length, 0)).toBe(2);
    expect(await minxinList()).toHaveLength(2);
  });

  it('is the intake role’s: a sorter, an account of no person, the admin token and no token are refused', async () => {
    expect(refusal(await upload(CSV, 'csv', desk.as.sorter), 403)).toMatchObject({
      code: 'wrong_role',
      details: { needs: ['intake'] },
    });
    expect(refusal(await upload(CSV, 'csv', desk.as.leadHandler), 403).code).toBe('wrong_role');
    expect(refusal(await upload(CSV, 'csv', adminAuth), 403).code).toBe('not_a_person');
    expect(refusal(await upload(CSV, 'csv', {}), 401).code).toBe('unauthorized');
    const exportAs = (headers: Record<string, string>) =>
      api.app.inject({ method: 'POST', url: '/v1/complaints/minxin/replies/export', headers, payload: { format: 'csv' } });
    expect(refusal(await exportAs(desk.as.reviewer), 403).code).toBe('wrong_role');
    expect(refusal(await exportAs(adminAuth), 403).code).toBe('not_a_person');
    expect(refusal(await exportAs({}), 401).code).toBe('unauthorized');
    expect(await minxinList()).toEqual([]);
  });

  it('refuses a file that is no batch, saying why, and imports nothing of it', async () => {
    const badJson = refusal(await upload(Buffer.from('{"format": "minxin-complaints", '), 'json', desk.as.intake), 400);
    expect(badJson.code).toBe('minxin_file_refused');
    expect(MinxinFileError.parse(badJson.details).code).toBe('invalid_json');

    const noColumns = refusal(await upload(Buffer.from('民心网编号,企业名称\nMX1,某公司\n'), 'csv', desk.as.intake), 400);
    expect(MinxinFileError.parse(noColumns.details)).toMatchObject({
      code: 'missing_columns',
      missing: ['联系人', '联系电话', '诉求内容'],
    });

    const notAWorkbook = refusal(await upload(CSV, 'xlsx', desk.as.intake), 400);
    expect(MinxinFileError.parse(notAWorkbook.details).code).toBe('unreadable');

    expect(refusal(await upload(CSV, 'doc', desk.as.intake), 400).code).toBe('invalid_request');
    expect(refusal(await upload(CSV, 'csv', desk.as.intake, 'image/png'), 415).code).toBe('unsupported_media_type');
    const tooLarge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    expect(refusal(await upload(tooLarge, 'csv', desk.as.intake), 413).code).toBe('payload_too_large');
    expect(await minxinList()).toEqual([]);
  });

  const act = async (number: string, who: DeskPerson, action: ComplaintAction) => {
    const res = await api.app.inject({
      method: 'POST',
      url: `/v1/complaints/${number}/actions`,
      headers: desk.as[who],
      payload: action,
    });
    expect(res.statusCode, `${action.type}: ${res.body}`).toBe(200);
  };

  const pending = async (headers = desk.as.taxHandler) => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/complaints/minxin/replies', headers });
    expect(res.statusCode, res.body).toBe(200);
    return MinxinPendingReplies.parse(res.json());
  };

  it('exports the approved reply and the closure once, in 民心网’s layout, and all of them again when asked', async () => {
    const { imported: rows } = await imported(JSON_BATCH, 'json');
    const number = rows[0]?.number ?? '';
    await act(number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: [], note: null });
    await act(number, 'leadHandler', { type: 'accept' });
    await act(number, 'leadHandler', { type: 'draft', text: '已协调审批科室，三个工作日内办结。' });
    await act(number, 'leadHandler', { type: 'submit' });
    // A reply under review never leaves the platform.
    expect((await pending()).replies).toEqual([]);
    await act(number, 'reviewer', { type: 'approve', note: null });
    await act(number, 'reviewer', { type: 'close' });

    const before = await pending();
    expect(before.lastExportAt).toBeNull();
    expect(before.replies.map((r) => [r.externalRef, r.complaintNumber, r.kind, r.unitName, r.text])).toEqual([
      ['MX2026120300017', number, 'reply', '区市场监管局', '已协调审批科室，三个工作日内办结。'],
      ['MX2026120300017', number, 'closure', '区市场监管局', null],
    ]);

    const exported = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/minxin/replies/export',
      headers: desk.as.intake,
      payload: { format: 'csv' },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="minxin-replies-20261127-1000.csv"');
    const lines = exported.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFF回复标识,民心网编号,办件编号,回复类型,回复时间,承办单位,回复内容');
    expect(lines[1]).toContain(`MX2026120300017,${number},答复,`);
    expect(lines[2]).toContain(`MX2026120300017,${number},办结,`);

    const after = await pending();
    expect(after.replies).toEqual([]);
    expect(after.lastExportAt).toBe('2026-11-27T02:00:00.000Z');

    const emptyAgain = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/minxin/replies/export',
      headers: desk.as.intake,
      payload: { format: 'json' },
    });
    expect(JSON.parse(emptyAgain.body)).toMatchObject({ format: 'minxin-replies', replies: [] });
    const all = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/minxin/replies/export',
      headers: desk.as.intake,
      payload: { format: 'json', scope: 'all' },
    });
    expect((JSON.parse(all.body) as { replies: { kind: string }[] }).replies.map((r) => r.kind)).toEqual(['reply', 'closure']);
    expect(all.headers['x-record-count']).toBe('2');
  });
});
