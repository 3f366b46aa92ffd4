import { BureauRole } from '../../../contracts/complaints';
import { CreatePersonAccountRequest, CreatePersonRequest, CreateUnitRequest } from '../../../contracts/platform-complaints';

/** One change of the directory: the call, and what to say once it is done. */
export interface DirectoryChange {
  send: () => Promise<unknown>;
  done: string;
}

/**
 * The directory's forms read into the platform's requests. A form that does not parse is not
 * sent: the field's own `required`/`pattern` says why in the browser, and the platform refuses
 * again what slips through.
 */

/** The change a parsed form makes, or null when it did not parse. */
export function changeOf<T>(
  parsed: { success: true; data: T } | { success: false },
  change: (value: T) => DirectoryChange,
): DirectoryChange | null {
  return parsed.success ? change(parsed.data) : null;
}

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** An optional field: null when left empty. */
const optional = (form: FormData, name: string): string | null => text(form, name) || null;

export function unitRequestOf(form: FormData) {
  return CreateUnitRequest.safeParse({
    code: text(form, 'code'),
    name: text(form, 'name'),
    kind: text(form, 'kind'),
    bureau: form.get('bureau') === 'on',
  });
}

export function personRequestOf(form: FormData, bureau: string | null) {
  const unitCode = text(form, 'unitCode');
  // Bureau roles are the 营商局's people's alone: ticked boxes of another unit's person are dropped.
  const roles = unitCode === bureau ? BureauRole.options.filter((role) => form.get(`role-${role}`) === 'on') : [];
  return CreatePersonRequest.safeParse({
    name: text(form, 'name'),
    unitCode,
    duty: text(form, 'duty'),
    bureauRoles: roles,
    email: optional(form, 'email'),
    phone: optional(form, 'phone'),
  });
}

export function accountRequestOf(form: FormData) {
  return CreatePersonAccountRequest.safeParse({
    username: text(form, 'username'),
    password: form.get('password'),
    role: text(form, 'role'),
  });
}
