import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NewComplaint, type Complaint } from '../../../contracts/complaints';
import { MINXIN_REPLY_HEADERS } from '../../../contracts/minxin';
import { registerComplaint } from '../../../platform/services/complaint-lifecycle';
import { decodeCsv, parseCsv } from '../../../platform/services/minxin-csv';
import { minxinReplies, minxinRepliesCsv, minxinRepliesJson, minxinRepliesXlsx } from '../../../platform/services/minxin-export';
import { act, beijing, filed, people, walk } from '../../platform/support/complaints';

const units = [
  { code: 'market-regulation', name: '区市场监管局' },
  { code: 'street-xinghe', name: '星河街道' },
];

function fromMinxin(number: string, ref: string | null, at = '2026-11-30T09:00'): Complaint {
  const complaint = NewComplaint.parse({ ...filed, channel: ref === null ? 'hotline' : 'minxin', externalRef: ref });
  return registerComplaint(complaint, {
    number,
    at: beijing(at),
    closeDueAt: beijing('2026-12-08T00:00'),
    actor: { kind: 'system' },
  });
}

const handled = (complaint: Complaint) =>
  walk(complaint, [
    [act.dispatch('market-regulation'), people.sorter, '2026-11-30T10:00'],
    [act.accept, people.leadHandler, '2026-11-30T11:00'],
    [act.draft('已督促审批科室，本周内办结。'), people.leadHandler, '2026-12-01T10:00'],
    [act.submit, people.leadHandler, '2026-12-01T10:30'],
    [act.approve, people.reviewer, '2026-12-01T15:00'],
    [act.close, people.reviewer, '2026-12-02T09:00'],
  ]);

describe('replies back to 民心网', () => {
  it('sends the approved reply and the closure of a 民心网 complaint, nothing of the others', () => {
    const replies = minxinReplies(
      [handled(fromMinxin('HK20261130000001', 'MX001')), handled(fromMinxin('HK20261130000002', null))],
      units,
    );
    expect(replies).toEqual([
      {
        key: `MX001:reply:${beijing('2026-12-01T15:00')}`,
        externalRef: 'MX001',
        complaintNumber: 'HK20261130000001',
        kind: 'reply',
        at: beijing('2026-12-01T15:00'),
        unitCode: 'market-regulation',
        unitName: '区市场监管局',
        text: '已督促审批科室，本周内办结。',
      },
      {
        key: `MX001:closure:${beijing('2026-12-02T09:00')}`,
        externalRef: 'MX001',
        complaintNumber: 'HK20261130000001',
        kind: 'closure',
        at: beijing('2026-12-02T09:00'),
        unitCode: 'market-regulation',
        unitName: '区市场监管局',
        text: null,
      },
    ]);
  });

  it('sends nothing for a complaint still in handling, a draft or a returned reply included', () => {
    const drafted = walk(fromMinxin('HK20261130000001', 'MX001'), [
      [act.dispatch('market-regulation'), people.sorter, '2026-11-30T10:00'],
      [act.accept, people.leadHandler, '2026-11-30T11:00'],
      [act.draft('草稿'), people.leadHandler, '2026-12-01T10:00'],
      [act.submit, people.leadHandler, '2026-12-01T10:30'],
      [act.return('请补充办结时间。'), people.reviewer, '2026-12-01T15:00'],
    ]);
    expect(minxinReplies([drafted], units)).toEqual([]);
  });

  it('tells 民心网 of a refusal to admit, with the reason the enterprise reads', () => {
    const refused = walk(fromMinxin('HK20261130000001', 'MX001'), [
      [act.notAdmit('属于司法程序事项，请通过诉讼途径解决。'), people.sorter, '2026-11-30T10:00'],
    ]);
    expect(minxinReplies([refused], units).map((r) => [r.kind, r.unitCode, r.text])).toEqual([
      ['not_admitted', null, '属于司法程序事项，请通过诉讼途径解决。'],
    ]);
  });

  it('answers a merged 民心网 complaint with the reply and closure of the one it joined', () => {
    const kept = handled(fromMinxin('HK20261130000001', null));
    const merged = walk(fromMinxin('HK20261130000002', 'MX002'), [
      [act.merge('HK20261130000001'), people.sorter, '2026-11-30T09:30'],
    ]);
    expect(minxinReplies([merged, kept], units).map((r) => [r.externalRef, r.complaintNumber, r.kind, r.text])).toEqual([
      ['MX002', 'HK20261130000002', 'merged', 'HK20261130000001'],
      ['MX002', 'HK20261130000001', 'reply', '已督促审批科室，本周内办结。'],
      ['MX002', 'HK20261130000001', 'closure', null],
    ]);
  });

  it('leaves out what was sent, by key or by instant', () => {
    const complaints = [handled(fromMinxin('HK20261130000001', 'MX001'))];
    const [reply] = minxinReplies(complaints, units);
    if (reply === undefined) throw new Error('no reply');
    expect(minxinReplies(complaints, units, { alreadySent: new Set([reply.key]) }).map((r) => r.kind)).toEqual(['closure']);
    expect(minxinReplies(complaints, units, { after: reply.at }).map((r) => r.kind)).toEqual(['closure']);
    expect(minxinReplies(complaints, units, { after: beijing('2026-12-02T09:00') })).toEqual([]);
  });

  it('writes the three layouts: JSON with the records, CSV and Excel with Chinese headers and Beijing times', async () => {
    const replies = minxinReplies([handled(fromMinxin('HK20261130000001', 'MX001'))], units);
    const exportedAt = beijing('2026-12-02T18:00');
    expect(JSON.parse(minxinRepliesJson(replies, exportedAt))).toEqual({
      format: 'minxin-replies',
      version: 1,
      exportedAt,
      replies,
    });

    const csv = minxinRepliesCsv(replies);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(decodeCsv(new TextEncoder().encode(csv))).map((r) => r.cells);
    expect(rows).toEqual([
      [...MINXIN_REPLY_HEADERS],
      [
        replies[0]?.key,
        'MX001',
        'HK20261130000001',
        '答复',
        '2026-12-01 15:00:00',
        '区市场监管局',
        '已督促审批科室，本周内办结。',
      ],
      [replies[1]?.key, 'MX001', 'HK20261130000001', '办结', '2026-12-02 09:00:00', '区市场监管局', ''],
    ]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await minxinRepliesXlsx(replies, exportedAt)).buffer);
    const sheet = book.getWorksheet('回复');
    if (sheet === undefined) throw new Error('no sheet 回复');
    const cells = (n: number) => Array.from({ length: 7 }, (_, c) => sheet.getRow(n).getCell(c + 1).value ?? '');
    expect([cells(1), cells(2), cells(3)]).toEqual(rows);
  });

  it('quotes a CSV cell holding a comma, a quote or a line break, and reads back the same text', () => {
    const [reply] = minxinReplies([handled(fromMinxin('HK20261130000001', 'MX001'))], units);
    if (reply === undefined) throw new Error('no reply');
    const text = '第一，"已办"\r\n第二行';
    const rows = parseCsv(decodeCsv(new TextEncoder().encode(minxinRepliesCsv([{ ...reply, text }]))));
    expect(rows[1]?.cells[6]).toBe(text);
  });
});
