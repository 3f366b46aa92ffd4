import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { derivePinKey, formatPinHash, hashPin, isValidPin, parsePinHash, type ParsedPinHash } from './pin-hash';

/**
 * The pepper of staff PIN hashes (issue 18): a secret derived from the install secret, kept out
 * of the database, so a copy of the database alone does not let anyone try PINs offline.
 *
 * It is a layer over the scrypt hash rather than an input to it: a stored hash is
 * `scrypt-hmac$N$r$p$salt$HMAC(pepper, scrypt(pin, salt))`. So a plain `scrypt$…` hash (written
 * by scripts/staff.mjs into a config file without the install secret, or stored by an older
 * host) is sealed without knowing the PIN: at seeding, and for every stored hash when the host
 * starts. No account is locked out by the upgrade, and the script needs no secret.
 */
export class PinPepper {
  private constructor(private readonly key: Buffer) {}

  /** From a secret handed over as base64url (the install secret's derived `staff-pin-pepper` keyer). */
  static fromSecret(secret: string): PinPepper {
    return new PinPepper(Buffer.from(secret, 'base64url'));
  }

  /** For a host without an install secret (some tests): a pepper for this process only. */
  static ephemeral(): PinPepper {
    return new PinPepper(randomBytes(32));
  }

  /** A new peppered hash of `pin` (the PIN rule is pin-hash.ts's). */
  async hash(pin: string): Promise<string> {
    return this.seal(await hashPin(pin));
  }

  /**
   * A plain hash sealed with the pepper; a sealed one unchanged. A string that is no hash is
   * returned as it is: it matches no PIN either way.
   */
  seal(stored: string): string {
    const parsed = parsePinHash(stored);
    if (parsed?.scheme !== 'scrypt') return stored;
    return formatPinHash({ ...parsed, scheme: 'scrypt-hmac', hash: this.mac(parsed.hash) });
  }

  isSealed(stored: string): boolean {
    return parsePinHash(stored)?.scheme === 'scrypt-hmac';
  }

  /** Checks a PIN against a stored hash of either scheme in constant time; a malformed one is "no". */
  async verify(pin: string, stored: string): Promise<boolean> {
    const parsed = parsePinHash(stored);
    if (!parsed || !isValidPin(pin)) return false;
    const key = await derivePinKey(pin, parsed);
    const candidate = parsed.scheme === 'scrypt-hmac' ? this.mac(key) : key;
    return timingSafeEqual(candidate, parsed.hash);
  }

  /** HMAC-SHA-512 of a scrypt key, cut to the key's own length (16–64 bytes, as parsePinHash admits). */
  private mac(scryptKey: ParsedPinHash['hash']): Buffer {
    return createHmac('sha512', this.key).update(scryptKey).digest().subarray(0, scryptKey.length);
  }
}
