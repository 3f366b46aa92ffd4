import type { CatalogFormField } from './central-api';
import { isValidCreditCode } from './credit-code';

// Mobile (1xx xxxx xxxx) or a landline with area code (0xx(x)-xxxxxxx(x)).
const PHONE = /^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** A mobile number or a landline with its area code: the kiosk's forms and the complaint contact alike. */
export function isPhoneNumber(value: string): boolean {
  return PHONE.test(value);
}

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * What is wrong with a non-empty value of a catalog form field, or null. One rule for the
 * kiosk (said at once, on the field) and the host (which decides): they cannot disagree.
 */
export function fieldValueProblem(field: CatalogFormField, value: string): 'invalid' | 'not_an_option' | null {
  switch (field.type) {
    case 'text':
      // A credit code as typed: spaces dropped and capitals made, as CreditCode reads it.
      return field.format === 'credit-code' && !isValidCreditCode(value.replace(/\s+/g, '').toUpperCase()) ? 'invalid' : null;
    case 'phone':
      return isPhoneNumber(value) ? null : 'invalid';
    case 'date':
      return validDate(value) ? null : 'invalid';
    case 'select':
      return field.options?.includes(value) ? null : 'not_an_option';
  }
}
