import type { CaseMaterial, CatalogItem, PrefillSource } from '../../contracts/central-api';
import type { FormProblem } from '../../contracts/cases';
import { fieldValueProblem } from '../../contracts/form-field-check';

/**
 * What prefill reads from the card on the reader. `CitizenCard` fits it; address and gender
 * are used when the card session carries them (gender is otherwise derived from a resident
 * ID number, whose 17th digit is odd for men: GB 11643).
 */
export interface PrefillCard {
  kind: string;
  name: string;
  idNumber: string;
  birthDate: string;
  address?: string;
  gender?: string;
}

export function prefillValue(card: PrefillCard, source: PrefillSource): string | undefined {
  switch (source) {
    case 'name':
      return card.name;
    case 'idNumber':
      return card.idNumber;
    case 'birthDate':
      return card.birthDate;
    case 'address':
      return card.address;
    case 'gender':
      return card.gender ?? genderFromIdNumber(card);
  }
}

function genderFromIdNumber(card: PrefillCard): string | undefined {
  if (card.kind !== 'resident' || card.idNumber.length !== 18) return undefined;
  const digit = Number(card.idNumber[16]);
  return Number.isNaN(digit) ? undefined : digit % 2 === 1 ? '男' : '女';
}

export type FormCheck =
  { ok: true; form: Record<string, string>; materials: CaseMaterial[] } | { ok: false; problems: FormProblem[] };

/**
 * Checks a submitted form against its catalog item and fills the card's fields from the card
 * (零填表: the citizen never types, and cannot change, what the card says). Blank optional
 * fields are left out; unknown fields and materials are refused rather than passed on.
 */
export function checkForm(
  item: CatalogItem,
  submitted: Readonly<Record<string, string>>,
  materialCodes: readonly string[],
  card: PrefillCard,
): FormCheck {
  const problems: FormProblem[] = [];
  const form: Record<string, string> = {};
  const known = new Set(item.formFields.map((f) => f.key));
  for (const key of Object.keys(submitted)) if (!known.has(key)) problems.push({ key, problem: 'unknown_field' });

  for (const field of item.formFields) {
    const fromCard = field.prefill === undefined ? undefined : prefillValue(card, field.prefill)?.trim();
    const value = (fromCard !== undefined && fromCard !== '' ? fromCard : submitted[field.key])?.trim() ?? '';
    if (value === '') {
      if (field.required) problems.push({ key: field.key, problem: 'required' });
      continue;
    }
    const problem = fieldValueProblem(field, value);
    if (problem) problems.push({ key: field.key, problem });
    else form[field.key] = value;
  }

  const codes = new Set(materialCodes);
  for (const code of codes) {
    if (!item.materials.some((m) => m.code === code)) problems.push({ key: code, problem: 'unknown_material' });
  }
  if (problems.length > 0) return { ok: false, problems };
  // Missing required materials do not block a submission: the central API answers
  // needs_materials (补正), and the citizen learns which at once instead of not at all.
  const materials = item.materials.map((m) => ({ code: m.code, name: m.name, received: codes.has(m.code) }));
  return { ok: true, form, materials };
}
