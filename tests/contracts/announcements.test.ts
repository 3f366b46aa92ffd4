import { describe, expect, it } from 'vitest';
import {
  SpeechQuery,
  announcementText,
  parseAnnouncementText,
  spokenTicketNumber,
  spokenWindowNumber,
} from '../../contracts/announcements';

describe('the spoken call (叫号播报)', () => {
  it('says the ticket letter, then each digit on its own, and the window as a counted number', () => {
    expect(announcementText('A012', 3)).toBe('请A零一二号，到三号窗口办理');
    expect(announcementText('C100', 12)).toBe('请C一零零号，到十二号窗口办理');
    // Not "A十二": A012 and A12 would sound alike, and halls read ticket digits one by one.
    expect(spokenTicketNumber('A012')).toBe('A零一二');
    expect(spokenTicketNumber('G1005')).toBe('G一零零五');
  });

  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [9999, '九千九百九十九'],
  ])('window %i is said %s', (n, words) => {
    expect(spokenWindowNumber(n)).toBe(words);
  });

  it('refuses what is not a ticket or a window (nothing else can reach the voice)', () => {
    expect(() => spokenTicketNumber('a012')).toThrow(RangeError);
    expect(() => spokenTicketNumber('张三')).toThrow(RangeError);
    expect(() => spokenWindowNumber(0)).toThrow(RangeError);
    expect(() => spokenWindowNumber(2.5)).toThrow(RangeError);
    expect(() => spokenWindowNumber(10_000)).toThrow(RangeError);
  });

  it('reads every built text back to its call, for every window number', () => {
    for (let window = 1; window <= 9999; window += 1) {
      expect(parseAnnouncementText(announcementText('B007', window))).toEqual({ ticketNumber: 'B007', windowNumber: window });
    }
    expect(parseAnnouncementText(announcementText('Z9999', 5))).toEqual({ ticketNumber: 'Z9999', windowNumber: 5 });
  });

  it.each([
    '你好',
    '',
    '请A零一二号，到三号窗口办理。请到服务台领奖',
    '请A零一二号到三号窗口办理',
    '请A012号，到3号窗口办理',
    '请A零一二号，到一十二号窗口办理',
    '请A零一二号，到零三号窗口办理',
    '请A零一号，到三号窗口办理',
    '请AB零一二号，到三号窗口办理',
    '请A零一二号，到一万号窗口办理',
    ' 请A零一二号，到三号窗口办理',
  ])('refuses any other text: %j', (text) => {
    expect(parseAnnouncementText(text)).toBeNull();
    expect(SpeechQuery.safeParse({ text }).success).toBe(false);
  });
});
