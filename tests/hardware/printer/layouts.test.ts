import { describe, it, expect } from 'vitest';
import type { ReceiptContent } from '../../../hardware/printer/layouts';
import { typicalTicket } from './fixtures';
import { COLUMNS, encodeReceipt, encodeTicket } from '../../../hardware/printer/layouts';
import { decodeEscPos } from '../../../hardware/printer/preview';
import { displayWidth, twoColumns, wrapText } from '../../../hardware/printer/text';
import { formatLocalTime } from '../../../hardware/printer/local-time';

const receipt: ReceiptContent = {
  hallName: '海淀区政务服务中心',
  caseNumber: 'HD-20250314-000123',
  itemName: '个体工商户设立登记',
  items: ['营业执照', '刻制公章（一次办结，当场领取）'],
  materials: [
    { name: '身份证复印件', received: true },
    { name: '经营场所证明材料（租赁合同或产权证明）', received: false },
  ],
  expectedCompletion: '2025-03-15',
  submittedAt: new Date('2025-03-14T02:05:00Z'),
  timeZone: 'Asia/Shanghai',
  qrUrl: 'https://hall.example.gov.cn/c/HD-20250314-000123',
  note: '凭此回执查询办理进度。',
};

describe('encodeTicket → decodeEscPos round trip', () => {
  it.each([58, 80] as const)('recovers number, names, QR and one cut at %i mm', (width) => {
    const bytes = encodeTicket(typicalTicket, { width, header: ['欢迎光临'], footer: ['服务热线 12345'] });
    const preview = decodeEscPos(bytes);
    const texts = preview.lines.map((l) => l.text);
    expect(preview.cuts).toBe(1);
    expect(preview.unknownBytes).toBe(0);
    expect(preview.qrPayloads).toEqual([typicalTicket.qrUrl]);
    expect(texts).toContain('海淀区政务服务中心');
    expect(texts).toContain('企业开办一站式');
    expect(texts).toContain('前面还有 5 人');
    expect(texts).toContain('预计等候约 12 分钟');
    expect(texts).toContain('2025-03-14 09:30');
    expect(texts[0]).toBe('欢迎光临');
    expect(texts).toContain('服务热线 12345');
    const number = preview.lines.find((l) => l.text === 'A023');
    expect(number).toMatchObject({ width: 4, height: 4, bold: true, align: 'center' });
    // Every line fits the paper at its own size.
    for (const line of preview.lines) expect(displayWidth(line.text) * line.width).toBeLessThanOrEqual(COLUMNS[width]);
    expect(texts.join('')).toContain(typicalTicket.note.replace(/\s/g, ''));
  });

  it('says why a priority number goes first and which windows serve it', () => {
    const texts = (ticket: typeof typicalTicket) => decodeEscPos(encodeTicket(ticket, { width: 58 })).lines.map((l) => l.text);
    const priority = texts({ ...typicalTicket, priority: '长者优先', windows: [1, 4] });
    expect(priority).toContain('【长者优先】');
    expect(priority).toContain('办理窗口：1、4 号');
    // A normal ticket carries neither line.
    expect(texts(typicalTicket).join()).not.toMatch(/【|办理窗口/);
  });

  it('keeps a typical ticket with native QR within 600 bytes', () => {
    expect(encodeTicket(typicalTicket, { width: 58 }).length).toBeLessThanOrEqual(600);
    expect(encodeTicket(typicalTicket, { width: 80 }).length).toBeLessThanOrEqual(600);
  });

  it('shrinks a long ticket number to fit and wraps long names by display width', () => {
    const long = { ...typicalTicket, number: 'VIP-0123', hallName: '某某市某某区人民政府政务服务中心第二分中心（东区）' };
    const preview = decodeEscPos(encodeTicket(long, { width: 58 }));
    expect(preview.lines.find((l) => l.text === 'VIP-0123')).toMatchObject({ width: 4 });
    const hall = preview.lines.filter((l) => l.bold && l.width === 1 && /中心|东区/.test(l.text));
    expect(hall.length).toBeGreaterThan(1);
    for (const line of hall) expect(displayWidth(line.text)).toBeLessThanOrEqual(32);
    const longer = decodeEscPos(encodeTicket({ ...typicalTicket, number: 'A0123456789' }, { width: 58 }));
    expect(longer.lines.find((l) => l.text === 'A0123456789')).toMatchObject({ width: 2 });
  });
});

describe('encodeReceipt → decodeEscPos round trip', () => {
  it.each([58, 80] as const)('recovers case number, items, materials, QR and one cut at %i mm', (width) => {
    const preview = decodeEscPos(encodeReceipt(receipt, { width }));
    const joined = preview.lines.map((l) => l.text).join('\n');
    expect(preview.cuts).toBe(1);
    expect(preview.unknownBytes).toBe(0);
    expect(preview.qrPayloads).toEqual([receipt.qrUrl]);
    expect(joined).toContain('受理回执');
    expect(joined.replace(/\s/g, '')).toContain('受理编号：HD-20250314-000123');
    expect(joined).toContain('· 营业执照');
    expect(joined).toMatch(/身份证复印件 +已收/);
    expect(joined).toMatch(/未收/);
    expect(joined).toContain('预计办结：2025-03-15');
    expect(joined).toContain('提交时间：2025-03-14 10:05');
    for (const line of preview.lines) expect(displayWidth(line.text) * line.width).toBeLessThanOrEqual(COLUMNS[width]);
  });
});

describe('text helpers', () => {
  it('counts CJK as two columns and ASCII as one', () => {
    expect(displayWidth('A023')).toBe(4);
    expect(displayWidth('前面还有 5 人')).toBe(13);
  });

  it('wraps by display width without splitting ASCII words that fit a line', () => {
    expect(wrapText('一二三四五六七八九十', 8)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrapText('编号 HD-2025 已受理', 10)).toEqual(['编号', 'HD-2025 已', '受理']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('pads two columns to the full width', () => {
    const [line] = twoColumns('身份证', '已收', 16);
    expect(line).toBe('身份证      已收');
    expect(displayWidth(line ?? '')).toBe(16);
  });

  it('formats local time in the hall zone, UTC when the zone is unknown', () => {
    expect(formatLocalTime(new Date('2025-03-14T16:05:00Z'), 'Asia/Shanghai')).toBe('2025-03-15 00:05');
    expect(formatLocalTime(new Date('2025-03-14T16:05:00Z'), 'Not/AZone')).toBe('2025-03-14 16:05 UTC');
  });
});
