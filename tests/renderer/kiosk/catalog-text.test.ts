import { describe, expect, it } from 'vitest';
import { CatalogViewItem } from '../../../contracts/cases';
import { CatalogItem } from '../../../contracts/central-api';
import { HALL_CATALOG } from '../../../contracts/hall-catalog';
import { localizeItem, optionLabel } from '../../../renderer/kiosk/flows/catalog-text';

const HAN = /\p{Script=Han}/u;

/** Every text of an item that the kiosk puts on screen, as the citizen reads it in `language`. */
function shownTexts(item: CatalogViewItem, language: string): string[] {
  const shown = localizeItem(item, language);
  return [
    shown.name,
    shown.description ?? '',
    ...shown.formFields.flatMap((f) => [f.label, ...(f.options ?? []).map((o) => optionLabel(f, o, language))]),
    ...shown.materials.map((m) => m.name),
    ...(shown.bundle ?? []).map((p) => p.name),
  ];
}

describe('the catalog in the citizen’s language', () => {
  // What the host serves: the built-in items through the kiosk's catalog contract, English kept.
  const items = HALL_CATALOG.map((item) => CatalogViewItem.parse(CatalogItem.parse(item)));

  it('in English, the built-in items show no Chinese: names, descriptions, fields, choices, materials, bundle parts', () => {
    const chinese = items.flatMap((item) =>
      shownTexts(item, 'en')
        .filter((text) => HAN.test(text))
        .map((t) => `${item.code}: ${t}`),
    );
    expect(chinese).toEqual([]);
  });

  it('in Chinese nothing changes', () => {
    for (const item of items) expect(localizeItem(item, 'zh-CN')).toEqual(item);
  });

  it('a choice is labelled in English but keeps the value the host checks', () => {
    const bundle = items.find((i) => i.category === 'startup-bundle');
    const bank = localizeItem(bundle!, 'en').formFields.find((f) => f.key === 'bank');
    expect(bank?.options?.[0]).toBe('工商银行');
    expect(optionLabel(bank!, '工商银行', 'en')).toBe('ICBC');
    expect(optionLabel(bank!, '工商银行', 'zh-CN')).toBe('工商银行');
  });

  it('a central API that sends no English is still valid, and the kiosk falls back to the Chinese', () => {
    const bare = CatalogItem.parse({
      code: 'X-1',
      name: '示例事项',
      category: 'other',
      formFields: [{ key: 'kind', label: '类别', type: 'select', required: true, options: ['甲', '乙'] }],
      materials: [{ code: 'm', name: '材料', required: true }],
      promisedWorkingDays: 3,
      bundle: [{ code: 'p', name: '部分' }],
    });
    const view = CatalogViewItem.parse(bare);
    expect(shownTexts(view, 'en')).toEqual(['示例事项', '', '类别', '甲', '乙', '材料', '部分']);
  });
});
