import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PIN_PATTERN, PIN_RULE_TEXT, PIN_SCRYPT } from '../../contracts/auth';
import { HostError } from '../errors/host-error';

/**
 * The PIN rule and the scrypt cost of new hashes are the contract's (contracts/pin-rule.json),
 * which scripts/staff.mjs reads too: a hash the script writes into a config file signs in here.
 */
export { PIN_SCRYPT };

/** Hashes stored in the database or a config file may name other costs, but never unbounded ones. */
const LIMITS = { maxN: 1 << 20, maxR: 32, maxP: 16 };

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/** A random six-digit PIN for an account whose PIN the host hands out (shown once, stored only hashed). */
export function generatePin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** `scrypt`: as written here and by scripts/staff.mjs; `scrypt-hmac`: sealed with the install's pepper (pin-pepper.ts). */
export type PinHashScheme = 'scrypt' | 'scrypt-hmac';

export interface ParsedPinHash {
  scheme: PinHashScheme;
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function derive(pin: string, salt: Buffer, keyLength: number, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // Node refuses to allocate more than maxmem; allow what these parameters need plus headroom.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a PIN as `scrypt$N$r$p$saltB64$hashB64`. */
export async function hashPin(pin: string): Promise<string> {
  if (!isValidPin(pin)) throw new HostError('invalid_request', PIN_RULE_TEXT);
  const salt = randomBytes(PIN_SCRYPT.saltLength);
  const key = await derive(pin, salt, PIN_SCRYPT.keyLength, PIN_SCRYPT);
  return ['scrypt', PIN_SCRYPT.N, PIN_SCRYPT.r, PIN_SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const B64 = /^[A-Za-z0-9+/]+=*$/;

/** The parts of a stored hash of either scheme, or null when its shape or cost is not one we accept. */
export function parsePinHash(stored: string): ParsedPinHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || (parts[0] !== 'scrypt' && parts[0] !== 'scrypt-hmac')) return null;
  const [scheme, n, r, p, salt, hash] = parts as [PinHashScheme, string, string, string, string, string];
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > LIMITS.maxN) return null;
  if (!Number.isInteger(R) || R < 1 || R > LIMITS.maxR || !Number.isInteger(P) || P < 1 || P > LIMITS.maxP) return null;
  if (!B64.test(salt) || !B64.test(hash)) return null;
  const hashBytes = Buffer.from(hash, 'base64');
  if (hashBytes.length < 16 || hashBytes.length > 64) return null;
  return { scheme, N, r: R, p: P, salt: Buffer.from(salt, 'base64'), hash: hashBytes };
}

/** Writes a parsed hash back in its text form. */
export function formatPinHash(h: ParsedPinHash): string {
  return [h.scheme, h.N, h.r, h.p, h.salt.toString('base64'), h.hash.toString('base64')].join('$');
}

/** The scrypt key of `pin` with a stored hash's salt, cost and length (before any pepper). */
export function derivePinKey(pin: string, h: ParsedPinHash): Promise<Buffer> {
  return derive(pin, h.salt, h.hash.length, h);
}

/** True when `stored` is a plain scrypt hash of a cost this host accepts (config files are checked at load). */
export function isPinHash(stored: string): boolean {
  return parsePinHash(stored)?.scheme === 'scrypt';
}

/**
 * Checks a PIN against a stored hash in constant time. A malformed PIN or hash
 * is simply "no": sign-in must not tell a caller which part was wrong.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (parsed?.scheme !== 'scrypt' || !isValidPin(pin)) return false;
  const key = await derive(pin, parsed.salt, parsed.hash.length, parsed);
  return timingSafeEqual(key, parsed.hash);
}
