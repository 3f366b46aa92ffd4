import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClientError } from '../../../renderer/api/client';
import { translations } from '../../../renderer/i18n';
import { checkInProblem } from '../../../renderer/kiosk/flows/checkin/check-in-problem';

/** Every refusal of POST /appointments/check-in reads as a complete sentence pair in both languages. */
describe('check-in problems', () => {
  const t = i18next.createInstance();
  beforeAll(async () => {
    const all = translations();
    await t.init({
      resources: { 'zh-CN': { translation: all['zh-CN'] }, en: { translation: all.en } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
  });

  const codes = [
    ['appointment_unknown', undefined],
    ['appointment_other_day', { date: '2026-11-28' }],
    ['appointment_too_early', { opensAt: '2026-11-27T05:00:00.000Z', slotStart: '2026-11-27T06:00:00.000Z' }],
    ['appointment_expired', { slotEnd: '2026-11-27T01:30:00.000Z' }],
    ['appointment_not_yours', undefined],
    ['appointment_used', undefined],
    ['duplicate_ticket', undefined],
    ['service_closed', { reason: 'hours', nextOpening: '2026-11-28T01:00:00.000Z' }],
    ['service_closed', { reason: 'suspended' }],
    ['service_unknown', undefined],
    ['daily_limit_reached', undefined],
    ['no_identity', undefined],
    ['invalid_state', undefined],
    ['invalid_request', undefined],
    ['network', undefined],
    ['internal', undefined],
  ] as const;

  it.each(['zh-CN', 'en'])('%s: each code has its own title and advice, times in hall time, no placeholder left', async (lng) => {
    await t.changeLanguage(lng);
    for (const [code, details] of codes) {
      for (const by of ['card', 'code'] as const) {
        const p = checkInProblem(new ApiClientError(code, 'x', details), by, 'Asia/Shanghai', lng);
        const title = t.t(`checkin.errors.${p.key}.title`, p.values);
        const next = t.t(`checkin.errors.${p.key}.${p.next}`, p.values);
        expect(title, `${code} title`).not.toMatch(/checkin\.errors|\{\{|undefined/);
        expect(next, `${code} next`).not.toMatch(/checkin\.errors|\{\{|undefined/);
        if (code !== 'internal') expect(p.key, code).not.toBe('generic');
      }
    }
  });

  it('names the opening time and the slot in Beijing time, and tells a card from a code', () => {
    const early = checkInProblem(
      new ApiClientError('appointment_too_early', 'x', {
        opensAt: '2026-11-27T05:00:00.000Z',
        slotStart: '2026-11-27T06:00:00.000Z',
      }),
      'code',
      'Asia/Shanghai',
      'zh-CN',
    );
    expect(early.values).toEqual({ time: '13:00', slot: '14:00' });
    expect(checkInProblem(new ApiClientError('appointment_unknown', 'x'), 'card', 'Asia/Shanghai', 'zh-CN').key).toBe(
      'appointment_unknown_card',
    );
    expect(checkInProblem(new ApiClientError('appointment_unknown', 'x'), 'code', 'Asia/Shanghai', 'zh-CN')).toMatchObject({
      key: 'appointment_unknown_code',
      offerTicket: false,
    });
    expect(
      checkInProblem(
        new ApiClientError('appointment_expired', 'x', { slotEnd: '2026-11-27T01:30:00.000Z' }),
        'card',
        'Asia/Shanghai',
        'zh-CN',
      ),
    ).toMatchObject({
      values: { time: '09:30' },
      offerTicket: true,
    });
    expect(checkInProblem(new Error('boom'), 'card', 'Asia/Shanghai', 'zh-CN').key).toBe('generic');
  });
});
