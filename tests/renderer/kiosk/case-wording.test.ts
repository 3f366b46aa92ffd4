import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { HALL_CATALOG } from '../../../contracts/hall-catalog';
import { translations } from '../../../renderer/i18n';
import { formatDay } from '../../../renderer/kiosk/flows/case-form/format';
import { formatDate } from '../../../renderer/kiosk/flows/progress/format';

/** The kiosk's real messages in one language, as the screens get them. */
async function translator(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const all = translations();
  const instance = i18next.createInstance();
  await instance.init({
    resources: { 'zh-CN': { translation: all['zh-CN'] }, en: { translation: all.en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('case wording at the kiosk', () => {
  let zh: TFunction;
  let en: TFunction;
  beforeAll(async () => {
    zh = await translator('zh-CN');
    en = await translator('en');
  });

  it('a promised date says the day itself still counts (receipt screen and the public progress page)', () => {
    expect(zh('case.done.due', { date: formatDay('2026-12-07', 'zh-CN') })).toBe('2026年12月7日（含）前');
    expect(en('case.done.due', { date: formatDay('2026-12-07', 'en') })).toBe('on or before 7 December 2026');
  });

  it('the same on 进度查询, where the date carries its weekday', () => {
    expect(zh('progress.due', { date: formatDate('2026-12-07', 'zh-CN') })).toBe('2026年12月7日周一（含）前');
    expect(en('progress.due', { date: formatDate('2026-12-07', 'en') })).toBe('on or before Mon, 7 December 2026');
  });

  it('the bundle’s start button names the bundle without saying 办理 twice', () => {
    const bundles = HALL_CATALOG.filter((item) => item.category === 'startup-bundle');
    expect(bundles.length).toBeGreaterThan(0);
    for (const bundle of bundles) {
      const label = zh('case.choose.startBundle', { name: bundle.name });
      expect(label).toContain(bundle.name);
      expect(label.split('办理').length - 1, label).toBeLessThanOrEqual(1);
    }
  });
});
