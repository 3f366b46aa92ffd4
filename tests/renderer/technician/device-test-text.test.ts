import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeviceTestCode, DeviceTestResult } from '../../../contracts/devices';
import { translations } from '../../../renderer/i18n';
import { technicianMessages } from '../../../renderer/technician/console-messages';
import { deviceTestText } from '../../../renderer/technician/device-test-text';

/** One result of every code (a Record, so a new code without a sample fails to compile). */
const SAMPLES: Record<DeviceTestCode, DeviceTestResult[]> = {
  printed: [{ ok: true, code: 'printed', params: { bytes: 219 }, detail: 'printed 219 bytes' }],
  print_failed: (['paper-end', 'cover-open', 'offline', 'cutter-error', 'timeout', 'transport'] as const).map((reason) => ({
    ok: false,
    code: 'print_failed',
    params: { reason },
    detail: reason,
  })),
  keypad_sent: [{ ok: true, code: 'keypad_sent', params: { addresses: [1, 3] }, detail: 'sent to keypad address 1, 3' }],
  keypad_unbound: [{ ok: false, code: 'keypad_unbound', params: {}, detail: 'no keypad address is bound to a window' }],
  keypad_failed: [{ ok: false, code: 'keypad_failed', params: {}, detail: 'EIO: i/o error, write' }],
  screen_shown: [{ ok: true, code: 'screen_shown', params: {}, detail: 'shown' }],
  screen_failed: ([null, 'timeout', 'refused', 'frame', 'transport', 'closed'] as const).map((failure) => ({
    ok: false,
    code: 'screen_failed',
    params: { failure },
    detail: 'timeout after 1000 ms',
  })),
  card_read: [{ ok: true, code: 'card_read', params: {}, detail: 'card on the reader, read ok' }],
  no_card: [
    { ok: true, code: 'no_card', params: { samId: '05.01-20101111-0000123456-0001234567' }, detail: 'reader ok, SAM …, no card' },
    { ok: true, code: 'no_card', params: { samId: null }, detail: 'reader ok, SAM unknown, no card' },
  ],
  reader_not_ready: [{ ok: false, code: 'reader_not_ready', params: { state: 'no-sam' }, detail: 'reader no-sam (status)' }],
  not_a_test: [{ ok: false, code: 'not_a_test', params: { action: 'beep' }, detail: 'beep is not a test of a printer' }],
};
const ALL = Object.values(SAMPLES).flat();

/** The console says a device test's result in its own language, never in the host's English. */
describe('device test results in the console’s words', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    const all = translations();
    await i18n.init({
      resources: { 'zh-CN': { translation: all['zh-CN'] }, en: { translation: all.en } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
    // The console's own words load with its code (console-messages.ts), as TechnicianApp adds them.
    for (const area of technicianMessages) {
      i18n.addResourceBundle('zh-CN', 'translation', area.zhCN, true, false);
      i18n.addResourceBundle('en', 'translation', area.en, true, false);
    }
  });

  it('words every code in Chinese with its parameters and no English (only the LED in “LED 屏”)', async () => {
    await i18n.changeLanguage('zh-CN');
    const texts = ALL.map((r) => deviceTestText(r, i18n.t));
    for (const text of texts) {
      expect(text.replaceAll('LED', '')).not.toMatch(/[A-Za-z]{2,}/);
      expect(text).not.toMatch(/\{\{|tech\./);
    }
    expect(deviceTestText(SAMPLES.printed[0]!, i18n.t)).toBe('已打印 219 字节。');
    expect(deviceTestText(SAMPLES.keypad_sent[0]!, i18n.t)).toBe('已发送到地址 1、3 的呼叫器。');
    expect(deviceTestText(SAMPLES.no_card[0]!, i18n.t)).toBe(
      '读卡器正常（安全模块 05.01-20101111-0000123456-0001234567），上面没有卡。',
    );
    expect(deviceTestText(SAMPLES.reader_not_ready[0]!, i18n.t)).toContain('安全模块');
    // Each failure reason reads differently.
    expect(new Set(SAMPLES.print_failed.map((r) => deviceTestText(r, i18n.t))).size).toBe(SAMPLES.print_failed.length);
    expect(new Set(SAMPLES.screen_failed.map((r) => deviceTestText(r, i18n.t))).size).toBe(SAMPLES.screen_failed.length);
  });

  it('words every code in English, never the raw host detail', async () => {
    await i18n.changeLanguage('en');
    for (const result of ALL) {
      const text = deviceTestText(result, i18n.t);
      expect(text).not.toMatch(/[\u4e00-\u9fff]|\{\{|tech\./);
      expect(text).not.toBe(result.detail);
    }
    expect(deviceTestText(SAMPLES.printed[0]!, i18n.t)).toBe('Printed 219 bytes.');
    expect(deviceTestText(SAMPLES.keypad_sent[0]!, i18n.t)).toBe('Sent to the keypads at addresses 1, 3.');
  });
});
