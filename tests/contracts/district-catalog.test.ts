import { describe, expect, it } from 'vitest';
import { CatalogItem, CatalogTheme, ReplaceCatalogRequest } from '../../contracts/central-api';
import { formField, LivelihoodRows } from '../../contracts/catalog-parts';
import {
  COMPLAINT_ITEM_CODE,
  DISTRICT_CATALOG,
  DISTRICT_CENTRE_ITEMS,
  QUANYU_TONGBAN_ITEMS,
} from '../../contracts/district-catalog';
import { fieldValueProblem } from '../../contracts/form-field-check';
import { HALL_CATALOG } from '../../contracts/hall-catalog';

const HAN = /\p{Script=Han}/u;

describe('the 41 全域通办 livelihood items', () => {
  it('are exactly 41, all livelihood items handled anywhere, each valid as the central API sends it', () => {
    expect(QUANYU_TONGBAN_ITEMS).toHaveLength(41);
    for (const item of QUANYU_TONGBAN_ITEMS) {
      expect(CatalogItem.parse(item)).toEqual(item);
      expect(item.category).toBe('livelihood');
      expect(item.handledAt).toBe('anywhere');
    }
    expect(DISTRICT_CATALOG.filter((i) => i.handledAt === 'anywhere')).toHaveLength(41);
  });

  it('have distinct codes and distinct names, in Chinese and in English', () => {
    for (const key of ['code', 'name', 'nameEn'] as const) {
      const values = DISTRICT_CATALOG.map((i) => i[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
    // The platform replaces its catalog with the whole district's in one request.
    expect(ReplaceCatalogRequest.safeParse({ items: DISTRICT_CATALOG }).success).toBe(true);
  });

  it('each name a theme, and every theme shelves a short list a citizen can read at once (2 to 8 items)', () => {
    for (const theme of CatalogTheme.options) {
      const shelved = QUANYU_TONGBAN_ITEMS.filter((i) => i.theme === theme).length;
      expect(shelved, theme).toBeGreaterThanOrEqual(2);
      expect(shelved, theme).toBeLessThanOrEqual(8);
    }
    // Listed theme by theme: a community centre's list never jumps back to a theme it left.
    const order = QUANYU_TONGBAN_ITEMS.map((i) => CatalogTheme.options.indexOf(i.theme ?? 'veterans'));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('ask first for the applicant (name and ID number from the card, then a phone), and each asks for a required material', () => {
    for (const item of QUANYU_TONGBAN_ITEMS) {
      expect(
        item.formFields.slice(0, 3).map((f) => [f.key, f.prefill ?? null, f.required]),
        item.code,
      ).toEqual([
        ['name', 'name', true],
        ['idNumber', 'idNumber', true],
        ['phone', null, true],
      ]);
      expect(new Set(item.formFields.map((f) => f.key)).size, item.code).toBe(item.formFields.length);
      expect(
        item.materials.some((m) => m.required),
        item.code,
      ).toBe(true);
      expect(new Set(item.materials.map((m) => m.code)).size, item.code).toBe(item.materials.length);
      // The ID card itself is always among the materials: the window checks the original.
      expect(item.materials.find((m) => m.code === 'id-card')?.required, item.code).toBe(true);
    }
  });

  it('fill from the ID card only what the card carries, each under the field it belongs to', () => {
    const prefilled = QUANYU_TONGBAN_ITEMS.flatMap((i) => i.formFields.filter((f) => f.prefill !== undefined));
    for (const field of prefilled) expect(field.key).toBe(field.prefill);
    const sources = new Set(prefilled.map((f) => f.prefill));
    expect([...sources].sort()).toEqual(['address', 'birthDate', 'gender', 'idNumber', 'name']);
  });

  it('carry English beside every Chinese text: name, description, field labels, options, materials', () => {
    for (const item of QUANYU_TONGBAN_ITEMS) {
      const pairs: [string | undefined, string | undefined][] = [
        [item.name, item.nameEn],
        [item.description, item.descriptionEn],
        ...item.formFields.map((f): [string, string | undefined] => [f.label, f.labelEn]),
        ...item.materials.map((m): [string, string | undefined] => [m.name, m.nameEn]),
      ];
      for (const [zh, en] of pairs) {
        expect(zh, item.code).toMatch(HAN);
        expect(en, `${item.code}: ${zh}`).toBeTruthy();
        expect(en, `${item.code}: ${zh}`).not.toMatch(HAN);
      }
      for (const field of item.formFields.filter((f) => f.type === 'select')) {
        expect(field.options?.length, `${item.code}.${field.key}`).toBeGreaterThanOrEqual(2);
        expect(field.optionsEn?.length, `${item.code}.${field.key}`).toBe(field.options?.length);
        for (const option of field.options ?? []) expect(fieldValueProblem(field, option)).toBeNull();
      }
    }
  });

  it('asks a 营商诉求 for the enterprise’s credit code, optional, held to its check character on the kiosk and the host', () => {
    const complaint = DISTRICT_CATALOG.find((item) => item.code === COMPLAINT_ITEM_CODE);
    const creditCode = complaint?.formFields.find((f) => f.key === 'creditCode');
    if (creditCode === undefined) throw new Error('the complaint item asks no credit code');
    expect(creditCode).toMatchObject({ label: '统一社会信用代码', type: 'text', format: 'credit-code', required: false });
    expect(fieldValueProblem(creditCode, '91350100M000100Y43')).toBeNull();
    expect(fieldValueProblem(creditCode, '91350100m000100y43')).toBeNull();
    expect(fieldValueProblem(creditCode, '913501 00M000 100Y43')).toBeNull();
    expect(fieldValueProblem(creditCode, '91350100M000100Y44')).toBe('invalid');
    // Look-alikes are refused, never guessed: O for 0 could name another company.
    expect(fieldValueProblem(creditCode, '9135O100M000100Y43')).toBe('invalid');
    // A text field without the format stays free text.
    expect(fieldValueProblem(formField('note', ['备注', 'Note'], { required: false }), 'anything')).toBeNull();
  });

  it('promise what a community centre promises: on the spot (即办) or within 1 to 20 working days', () => {
    const days = QUANYU_TONGBAN_ITEMS.map((i) => i.promisedWorkingDays);
    for (const d of days) expect(d).toBeGreaterThanOrEqual(0);
    for (const d of days) expect(d).toBeLessThanOrEqual(20);
    expect(days.filter((d) => d === 0).length).toBeGreaterThan(0);
    expect(days.filter((d) => d > 0).length).toBeGreaterThan(0);
  });

  it('rows naming a shared part that is not defined, with no material, or a text without its English, are refused', () => {
    const shared = {
      sharedFields: { birthDate: { key: 'birthDate', label: ['出生日期', 'Date of birth'] } },
      sharedMaterials: { idCard: { code: 'id-card', name: ['居民身份证', 'ID card'] } },
    };
    const row = { code: 'QYTB-999', theme: 'family', name: ['名称', 'Name'], about: ['说明', 'About'], days: 0 };
    const rows = (item: object) => LivelihoodRows.safeParse({ ...shared, items: [{ ...row, ...item }] }).success;
    expect(rows({ fields: ['birthDate'], materials: ['idCard', { use: 'idCard', required: false }] })).toBe(true);
    expect(rows({ fields: ['shoeSize'], materials: ['idCard'] })).toBe(false);
    expect(rows({ fields: [], materials: ['passport'] })).toBe(false);
    expect(rows({ fields: [], materials: [{ use: 'passport', required: true }] })).toBe(false);
    expect(rows({ fields: [], materials: [] })).toBe(false);
    expect(rows({ name: ['名称'], fields: [], materials: ['idCard'] })).toBe(false);
  });
});

describe("the district's catalog and the kiosk's built-in fallback", () => {
  it('keeps the enterprise matters at the district centre', () => {
    expect(DISTRICT_CENTRE_ITEMS.map((i) => [i.code, i.category, i.handledAt])).toEqual([
      ['QY-KB-001', 'startup-bundle', 'district-centre'],
      ['YS-SQ-001', 'complaint', 'district-centre'],
    ]);
  });

  it("keeps the fallback's few items, each the district's own item under the same code", () => {
    expect(HALL_CATALOG.map((i) => i.code)).toEqual([
      'QY-KB-001',
      'MS-JZZ-001',
      'MS-LNYD-001',
      'MS-CJR-002',
      'MS-YB-001',
      'MS-SYDJ-001',
      'YS-SQ-001',
    ]);
    for (const item of HALL_CATALOG) expect(DISTRICT_CATALOG).toContain(item);
  });
});
