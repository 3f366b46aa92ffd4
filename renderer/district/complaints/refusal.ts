import { z } from 'zod';
import { DistrictClientError } from '../district-client';

/** The fields of the action forms a refusal can point at. */
export type ActionField = 'leadUnit' | 'coUnits' | 'note' | 'reason' | 'text' | 'into' | 'level' | 'comment';

/** What the platform refused, said where it belongs: beside `field`, or beside the form's button when null. */
export interface Refusal {
  field: ActionField | null;
  /** The message key under `dstComplaints.refusals` (or null: the console's generic error text). */
  key: string | null;
  values: Record<string, string>;
  /** The error itself, for the console's own words when the code is none of the lifecycle's. */
  error: unknown;
}

const FIELD_OF_CODE: Readonly<Record<string, ActionField>> = {
  reason_required: 'reason',
  text_required: 'text',
  invalid_units: 'coUnits',
  co_unit_parts_missing: 'text',
  merge_into_self: 'into',
  unit_not_found: 'leadUnit',
};

const KNOWN = new Set([
  ...Object.keys(FIELD_OF_CODE),
  'wrong_role',
  'wrong_state',
  'wrong_unit',
  'own_reply',
  'not_a_person',
  'complaint_not_found',
  'invalid_request',
]);

const FIELDS: readonly ActionField[] = ['leadUnit', 'coUnits', 'note', 'reason', 'text', 'into', 'level', 'comment'];

/** A 400's schema issues (`{ in, issues: [{ path: '/reason' }] }`): the first field the form has. */
const InvalidDetails = z.object({ issues: z.array(z.object({ path: z.string() })) });
const MissingParts = z.object({ units: z.array(z.string()) });

function fieldOfIssues(details: unknown): ActionField | null {
  const parsed = InvalidDetails.safeParse(details);
  if (!parsed.success) return null;
  for (const issue of parsed.data.issues) {
    const name = issue.path.split('/').filter(Boolean)[0];
    const field = FIELDS.find((f) => f === name);
    if (field) return field;
  }
  return null;
}

/** The platform's refusal of an action, as the form shows it. */
export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof DistrictClientError) || !KNOWN.has(error.code)) return { field: null, key: null, values: {}, error };
  if (error.code === 'invalid_request') return { field: fieldOfIssues(error.details), key: 'invalid_request', values: {}, error };
  const missing = MissingParts.safeParse(error.details);
  const values = error.code === 'co_unit_parts_missing' && missing.success ? { units: missing.data.units.join('、') } : {};
  return { field: FIELD_OF_CODE[error.code] ?? null, key: error.code, values, error };
}
