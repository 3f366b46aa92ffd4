import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MINXIN_FIELDS,
  MINXIN_MAX_ROWS,
  MinxinFieldKey,
  type MinxinBatch,
  type MinxinParseResult,
} from '../../../contracts/minxin';
import { minxinFileKindOf, parseMinxinBatch, splitAlreadyImported } from '../../../platform/services/minxin-import';
import { itemLines } from '../../../platform/services/minxin-json';

const fixtures = join(__dirname, '../../fixtures/minxin');
const context = {
  areas: [
    { code: 'street-xinghe', name: '星河街道', kind: 'street', active: true },
    { code: 'zone-gaoxin', name: '高新经济区', kind: 'zone', active: true },
    { code: 'market-regulation', name: '区市场监管局', kind: 'department', active: true },
  ],
} as const;

const HEADER = '民心网编号,提交时间,企业名称,统一社会信用代码,联系人,联系电话,诉求类别,所属区域,诉求内容';
const GOOD =
  'MX001,2026-12-02 16:45,星河示例科技有限公司,91350100M000100Y43,赵六,13800000000,审批服务,星河街道,施工许可审批超时。';

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (...lines: string[]) => utf8(lines.join('\n'));

function batchOf(result: MinxinParseResult): MinxinBatch {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.batch;
}

describe('a 民心网 batch file', () => {
  it('reads the documented JSON example into 民心网 complaints, each with its line', async () => {
    const batch = batchOf(await parseMinxinBatch(readFileSync(join(fixtures, 'complaints-batch.json')), 'json', context));
    expect(batch.batchId).toBe('MX-20261203-01');
    expect(batch.refused).toEqual([]);
    expect(batch.accepted.map((r) => [r.line, r.row, r.submittedAt, r.warnings])).toEqual([
      [7, 1, '2026-12-02T08:45:00.000Z', []],
      [18, 2, '2026-12-02T23:10:00.000Z', []],
    ]);
    expect(batch.accepted[0]?.complaint).toEqual({
      channel: 'minxin',
      externalRef: 'MX2026120300017',
      enterprise: { name: '星河示例科技有限公司', creditCode: '91350100M000100Y43' },
      contact: { name: '赵六', phone: '13800000000' },
      topic: 'approval',
      area: 'street-xinghe',
      text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
      attachments: [],
    });
    expect(batch.accepted[1]?.complaint).toMatchObject({ topic: 'policy', area: null, enterprise: { creditCode: null } });
  });

  it('reads the documented CSV example alike, a quoted field across lines included, extra columns ignored', async () => {
    const fromCsv = batchOf(await parseMinxinBatch(readFileSync(join(fixtures, 'complaints-batch.csv')), 'csv', context));
    const fromJson = batchOf(await parseMinxinBatch(readFileSync(join(fixtures, 'complaints-batch.json')), 'json', context));
    expect(fromCsv.refused).toEqual([]);
    expect(fromCsv.accepted.map((r) => [r.line, r.row])).toEqual([
      [2, 1],
      [3, 2],
    ]);
    expect(fromCsv.accepted[0]?.complaint).toEqual(fromJson.accepted[0]?.complaint);
    expect(fromCsv.accepted[1]?.complaint.text).toBe('小微企业房租减免政策如何申请？\r\n附：去年已提交过材料，"至今未回复"。');
  });

  it('keeps the good rows of a file with bad ones, and names every fault of a bad row by its line', async () => {
    const batch = batchOf(
      await parseMinxinBatch(
        csv(
          HEADER,
          GOOD,
          'MX002,,示例公司,91350100M000100Y44,,1380000,政策咨询,,问题',
          'MX003,2026-13-01 10:00,示例公司二,,孙八,13900000000,政策咨询,,',
          GOOD.replace('MX001', 'MX004'),
        ),
        'csv',
        context,
      ),
    );
    expect(batch.accepted.map((r) => [r.line, r.complaint.externalRef])).toEqual([
      [2, 'MX001'],
      [5, 'MX004'],
    ]);
    expect(batch.refused.map((r) => [r.line, r.row, r.externalRef, r.errors.map((e) => [e.field, e.code])])).toEqual([
      [
        3,
        2,
        'MX002',
        [
          ['creditCode', 'invalid'],
          ['contactName', 'missing'],
          ['contactPhone', 'invalid'],
        ],
      ],
      [
        4,
        3,
        'MX003',
        [
          ['submittedAt', 'invalid'],
          ['content', 'missing'],
        ],
      ],
    ]);
  });

  it('refuses a 民心网编号 repeated in one file on its later row, naming the earlier line', async () => {
    const batch = batchOf(await parseMinxinBatch(csv(HEADER, GOOD, GOOD), 'csv', context));
    expect(batch.accepted.map((r) => r.line)).toEqual([2]);
    expect(batch.refused).toEqual([
      {
        line: 3,
        row: 2,
        externalRef: 'MX001',
        errors: [{ field: 'ref', code: 'duplicate_in_batch', message: '民心网编号 MX001 is already on line 2', otherLine: 2 }],
      },
    ]);
  });

  it('imports an unknown category as 其他 and an unknown area as none, with a warning for each', async () => {
    const batch = batchOf(
      await parseMinxinBatch(csv(HEADER, GOOD.replace('审批服务', '城建交通').replace('星河街道', '月亮街道')), 'csv', context),
    );
    expect(batch.accepted[0]?.complaint).toMatchObject({ topic: 'other', area: null });
    expect(batch.accepted[0]?.warnings.map((w) => w.field)).toEqual(['category', 'area']);
  });

  it('takes an area by its code, a topic by its code, but never a department as an area', async () => {
    const byCode = batchOf(
      await parseMinxinBatch(csv(HEADER, GOOD.replace('星河街道', 'zone-gaoxin').replace('审批服务', 'factors')), 'csv', context),
    );
    expect(byCode.accepted[0]?.complaint).toMatchObject({ area: 'zone-gaoxin', topic: 'factors' });
    const department = batchOf(await parseMinxinBatch(csv(HEADER, GOOD.replace('星河街道', '区市场监管局')), 'csv', context));
    expect(department.accepted[0]?.complaint.area).toBeNull();
  });

  it('reads a GB18030 CSV (what Chinese Windows tools write) and a tab-separated export', async () => {
    const gbk = Buffer.from(
      // "民心网编号,企业名称,联系人,联系电话,诉求内容" and one row, in GB18030.
      'c3f1d0c4cdf8b1e0bac52cc6f3d2b5c3fbb3c62cc1aacfb5c8cb2cc1aacfb5b5e7bbb02ccbdfc7f3c4dac8dd0a4d583030312cbed9c0fdb9abcbbe2cd5d4c1f92c31333830303030303030302cb2e2cad4',
      'hex',
    );
    const fromGbk = batchOf(await parseMinxinBatch(gbk, 'csv', context));
    expect(fromGbk.accepted[0]?.complaint).toMatchObject({
      enterprise: { name: '举例公司' },
      contact: { name: '赵六' },
      text: '测试',
    });
    const tabs = batchOf(
      await parseMinxinBatch(utf8([HEADER, GOOD].map((l) => l.replaceAll(',', '\t')).join('\n')), 'csv', context),
    );
    expect(tabs.accepted).toHaveLength(1);
  });

  it('refuses a whole file only when it is no batch: columns missing, empty, too many rows, another format', async () => {
    const missing = await parseMinxinBatch(csv('民心网编号,企业名称,诉求内容', 'MX001,公司,内容'), 'csv', context);
    expect(missing).toEqual({
      ok: false,
      error: {
        code: 'missing_columns',
        message: 'the header row lacks 联系人、联系电话',
        line: 1,
        missing: ['联系人', '联系电话'],
      },
    });
    expect(await parseMinxinBatch(csv(HEADER, ',,,', ''), 'csv', context)).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(await parseMinxinBatch(utf8(''), 'csv', context)).toMatchObject({ ok: false, error: { code: 'empty' } });
    const many = csv(HEADER, ...Array.from({ length: MINXIN_MAX_ROWS + 1 }, (_, i) => GOOD.replace('MX001', `MX${i}`)));
    expect(await parseMinxinBatch(many, 'csv', context)).toMatchObject({ ok: false, error: { code: 'too_many_rows' } });
    expect(
      await parseMinxinBatch(utf8('{"format": "something-else", "version": 1, "complaints": []}'), 'json', context),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong_format' },
    });
    expect(
      await parseMinxinBatch(utf8('{"format": "minxin-complaints", "version": 2, "complaints": [{}]}'), 'json', context),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong_format' },
    });
    expect(
      await parseMinxinBatch(utf8('{"format": "minxin-complaints", "version": 1, "complaints": []}'), 'json', context),
    ).toMatchObject({
      ok: false,
      error: { code: 'empty' },
    });
    expect(await parseMinxinBatch(utf8('{"complaints": [13800000000'), 'json', context)).toEqual({
      ok: false,
      error: { code: 'invalid_json', message: 'the file is not valid JSON', line: null, missing: [] },
    });
    expect(await parseMinxinBatch(utf8('not a workbook'), 'xlsx', context)).toMatchObject({
      ok: false,
      error: { code: 'unreadable' },
    });
    expect(await parseMinxinBatch(new Uint8Array(11 * 1024 * 1024), 'csv', context)).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
  });

  it('refuses a JSON item with a number where text belongs, or no object at all, and keeps the rest', async () => {
    const text = JSON.stringify(
      {
        format: 'minxin-complaints',
        version: 1,
        complaints: [
          { ref: 'MX1', enterpriseName: '公司', contactName: '赵六', contactPhone: 13800000000, content: '内容' },
          'not an object',
          { ref: 'MX3', enterpriseName: '公司', contactName: '赵六', contactPhone: '13800000000', content: '内容' },
        ],
      },
      null,
      1,
    );
    const batch = batchOf(await parseMinxinBatch(utf8(text), 'json', context));
    expect(batch.accepted.map((r) => r.complaint.externalRef)).toEqual(['MX3']);
    expect(batch.refused.map((r) => [r.row, r.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      [1, ['contactPhone:not_text']],
      [2, ['ref:missing', 'enterpriseName:missing', 'contactName:missing', 'contactPhone:missing', 'content:missing']],
    ]);
  });

  it('places JSON items by the line their object opens on, whatever the strings hold', () => {
    const text =
      '{"note": "a [ { tricky \\" string",\n "complaints": [\n  {"ref": "a,]"},\n\n  {"x": [1, {"y": 2}]}, {"z": 3}\n ]}';
    expect(itemLines(text)).toEqual([3, 5, 5]);
  });

  it('reads the Excel sheet by its row numbers, phones stored as numbers and dates as dates', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('诉求');
    sheet.addRow([]);
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'MX001',
      new Date(Date.UTC(2026, 11, 2, 16, 45)),
      '星河示例科技有限公司',
      '',
      '赵六',
      13800000000,
      '审批服务',
      '星河街道',
      '内容',
    ]);
    sheet.addRow(['MX002', '', '公司', '', { richText: [{ text: '孙' }, { text: '八' }] }, '', '', '', '内容']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const batch = batchOf(await parseMinxinBatch(bytes, 'xlsx', context));
    expect(batch.accepted.map((r) => [r.line, r.submittedAt, r.complaint.contact.phone])).toEqual([
      [3, '2026-12-02T08:45:00.000Z', '13800000000'],
    ]);
    expect(batch.refused.map((r) => [r.line, r.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      [4, ['contactPhone:missing']],
    ]);
  });

  it('recognises a batch imported twice by 民心网编号: the second time nothing is fresh', async () => {
    const bytes = readFileSync(join(fixtures, 'complaints-batch.json'));
    const first = batchOf(await parseMinxinBatch(bytes, 'json', context));
    const registered = new Set(splitAlreadyImported(first, new Set()).fresh.map((r) => r.complaint.externalRef ?? ''));
    expect(registered.size).toBe(2);
    const again = splitAlreadyImported(batchOf(await parseMinxinBatch(bytes, 'json', context)), registered);
    expect(again.fresh).toEqual([]);
    expect(again.alreadyImported.map((r) => r.complaint.externalRef)).toEqual(['MX2026120300017', 'MX2026120300018']);
  });

  it('names every field once, each with a header of its own', () => {
    expect(MINXIN_FIELDS.map((f) => f.key)).toEqual(MinxinFieldKey.options);
    expect(new Set(MINXIN_FIELDS.map((f) => f.header)).size).toBe(MINXIN_FIELDS.length);
  });

  it('tells the layout from the file name', () => {
    expect(['a.JSON', 'b.csv', 'c.txt', 'd.xlsx', 'e.xls', 'f'].map(minxinFileKindOf)).toEqual([
      'json',
      'csv',
      'csv',
      'xlsx',
      null,
      null,
    ]);
  });
});
