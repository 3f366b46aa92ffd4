/**
 * Which object keys hold personal data or secrets, whatever they are nested under. Their
 * values are never kept in the log buffer or a diagnostics bundle, not even masked.
 */

const normalise = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/** Secrets: PINs and their hashes, tokens, passwords, session cookies. */
const SECRET_EXACT = new Set(['pin', 'cookie', 'authorization', 'password', 'secret', 'hash']);
const SECRET_SUFFIXES = ['token', 'tokenhash', 'pinhash', 'codehash', 'password', 'secret'];

/** A person's data: names, addresses, phones, ID numbers, photos, birth dates. */
const PERSONAL_EXACT = new Set([
  'name',
  'applicant',
  'contact',
  'addr',
  'tel',
  'mobile',
  'birth',
  'birthdate',
  'fingerprint',
  'idno',
  'idcard',
]);
const PERSONAL_SUFFIXES = ['name', 'address', 'phone', 'mobile', 'idnumber', 'photo'];

/** Names and addresses of things rather than people: kept, they are what a technician needs. */
const NOT_PERSONAL = new Set([
  'hallname',
  'servicename',
  'windowname',
  'devicename',
  'terminalname',
  'itemname',
  'hostname',
  'filename',
  'modelname',
  'eventname',
  'remoteaddress',
  'localaddress',
  'listenaddress',
]);

export function isSecretKey(key: string): boolean {
  const k = normalise(key);
  return SECRET_EXACT.has(k) || SECRET_SUFFIXES.some((suffix) => k.endsWith(suffix));
}

/** Personal data or a secret. */
export function isPersonalKey(key: string): boolean {
  const k = normalise(key);
  if (isSecretKey(k)) return true;
  if (NOT_PERSONAL.has(k)) return false;
  return PERSONAL_EXACT.has(k) || PERSONAL_SUFFIXES.some((suffix) => k.endsWith(suffix));
}
