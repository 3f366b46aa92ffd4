import type { FormProblem } from '../../../../contracts/cases';
import type { CatalogFormField } from '../../../../contracts/central-api';
import { fieldValueProblem } from '../../../../contracts/form-field-check';
import type { KeyboardLayout } from '../../../ui/keyboard/keyboard-context';

/**
 * The kiosk's copy of the host's form check (host/cases/case-form.ts), so the citizen hears
 * about a mistake on the field itself before anything is sent. The host checks again and
 * stays the authority: its `form_invalid` problems are mapped back onto the same fields.
 */

export type FieldProblem = FormProblem['problem'];

/** Digits typed on the keypad shown as YYYY-MM-DD; dashes appear only once the next digit does. */
export function formatDateInput(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  if (digits.length <= 4) return digits;
  if (digits.length <= 6) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

/** The keypad that fits the field: phone pad, date digits, ID pad for ID numbers, letters for codes, pinyin for words. */
export function layoutOf(field: CatalogFormField): KeyboardLayout {
  if (field.type === 'phone') return 'phone';
  if (field.type === 'date') return 'digits';
  if (field.format === 'credit-code') return 'latin';
  // Free text fields that hold an ID number (e.g. 配偶身份号码) get the pad with the X check character.
  if (/idnumber/i.test(field.key)) return 'id';
  return 'pinyin';
}

export function maxLengthOf(field: CatalogFormField): number {
  if (field.type === 'date') return 10;
  if (field.type === 'phone') return 13;
  if (layoutOf(field) === 'id' || field.format === 'credit-code') return 18;
  return 200;
}

/**
 * A value as the field keeps it while typed: a credit code in capitals (the keyboard types lower
 * case; the standard has none, so nothing is lost), everything else as typed.
 */
export function typedValue(field: CatalogFormField, typed: string): string {
  return field.format === 'credit-code' ? typed.toUpperCase() : typed;
}

/** The same verdict the host gives for one typed field (card fields are the host's business). */
export function checkField(field: CatalogFormField, raw: string | undefined): FieldProblem | null {
  const value = raw?.trim() ?? '';
  if (value === '') return field.required ? 'required' : null;
  return fieldValueProblem(field, value);
}

export type FieldErrors = Record<string, FieldProblem>;

/** Problems of every field the citizen types; fields from the card are not checked here. */
export function checkForm(
  fields: readonly CatalogFormField[],
  values: Readonly<Record<string, string>>,
  fromCard: (field: CatalogFormField) => boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (fromCard(field)) continue;
    const problem = checkField(field, values[field.key]);
    if (problem) errors[field.key] = problem;
  }
  return errors;
}

/**
 * What is sent: typed fields only, trimmed, blanks left out (the host leaves blank optional
 * fields out too). Card fields are never sent: the host takes them from the card itself.
 */
export function formPayload(
  fields: readonly CatalogFormField[],
  values: Readonly<Record<string, string>>,
  fromCard: (field: CatalogFormField) => boolean,
): Record<string, string> {
  const form: Record<string, string> = {};
  for (const field of fields) {
    if (fromCard(field)) continue;
    const value = values[field.key]?.trim() ?? '';
    if (value !== '') form[field.key] = value;
  }
  return form;
}

/** The i18n key of the message for a field's problem, specific to its type where that helps. */
export function problemMessageKey(field: CatalogFormField | undefined, problem: FieldProblem): string {
  if (problem === 'invalid' && field?.type === 'phone') return 'case.problems.phone';
  if (problem === 'invalid' && field?.type === 'date') return 'case.problems.date';
  if (problem === 'invalid' && field?.format === 'credit-code') return 'case.problems.creditCode';
  return `case.problems.${problem}`;
}
