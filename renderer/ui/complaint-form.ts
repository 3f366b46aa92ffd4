import type { z } from 'zod';

/**
 * The fields of a complaint form, as the hotline form (district console) and the public web form
 * (/complaint) both name them, and the request each builds from them: one reading of the typed
 * values, checked by the platform's own schema (`HotlineComplaintRequest`, `WebComplaintRequest`),
 * so the page refuses what the platform would and says so beside the field.
 */
export const COMPLAINT_FORM_FIELDS = ['enterpriseName', 'creditCode', 'contactName', 'phone', 'topic', 'area', 'text'] as const;
export type ComplaintFormField = (typeof COMPLAINT_FORM_FIELDS)[number];

/** What is wrong with a field: left empty where it is needed, or not acceptable as typed. */
export type FieldProblem = 'required' | 'invalid';

export type ComplaintFormCheck<T> =
  | { ok: true; request: T }
  | { ok: false; problems: Partial<Record<ComplaintFormField, FieldProblem>>; first: ComplaintFormField };

/** Where each field sits in the request body the schemas read. */
const PATH_OF: Readonly<Record<ComplaintFormField, readonly string[]>> = {
  enterpriseName: ['enterprise', 'name'],
  creditCode: ['enterprise', 'creditCode'],
  contactName: ['contact', 'name'],
  phone: ['contact', 'phone'],
  topic: ['topic'],
  area: ['area'],
  text: ['text'],
};

const textOf = (form: FormData, field: ComplaintFormField): string => {
  const value = form.get(field);
  return typeof value === 'string' ? value.trim() : '';
};

/**
 * The request body from the form: empty optional fields as null (an area not chosen, a credit
 * code the caller did not give when `creditCodeOptional`), the rest as typed.
 */
export function complaintBodyOf(form: FormData, options: { creditCodeOptional: boolean }) {
  const creditCode = textOf(form, 'creditCode');
  const area = textOf(form, 'area');
  return {
    enterprise: {
      name: textOf(form, 'enterpriseName'),
      creditCode: creditCode === '' && options.creditCodeOptional ? null : creditCode,
    },
    contact: { name: textOf(form, 'contactName'), phone: textOf(form, 'phone') },
    topic: textOf(form, 'topic'),
    area: area === '' ? null : area,
    text: textOf(form, 'text'),
  };
}

/** The form checked by `schema`: the request, or each field's problem (and the first, to focus it). */
export function checkComplaintForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
  options: { creditCodeOptional: boolean },
): ComplaintFormCheck<z.output<S>> {
  const parsed = schema.safeParse(complaintBodyOf(form, options));
  if (parsed.success) return { ok: true, request: parsed.data };
  const problems: Partial<Record<ComplaintFormField, FieldProblem>> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = COMPLAINT_FORM_FIELDS.find((f) => PATH_OF[f].join('.') === path);
    if (field !== undefined && problems[field] === undefined)
      problems[field] = textOf(form, field) === '' ? 'required' : 'invalid';
  }
  const first = COMPLAINT_FORM_FIELDS.find((f) => problems[f] !== undefined);
  // A schema issue outside the fields (none today) would leave nothing to point at: say the text.
  return first === undefined ? { ok: false, problems: { text: 'invalid' }, first: 'text' } : { ok: false, problems, first };
}
