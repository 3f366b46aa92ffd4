import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Keyed hash of an ID number with a per-install secret: lets the queue refuse a
 * second open ticket for the same card without storing the number itself, and
 * cannot be reversed by hashing all 10^17 possible numbers without the secret.
 */
export class IdentityKeyer {
  private constructor(private readonly secret: Buffer) {}

  static fromSecretFile(file: string): IdentityKeyer {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    return new IdentityKeyer(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  static ephemeral(): IdentityKeyer {
    return new IdentityKeyer(randomBytes(32));
  }

  keyOf(idNumber: string): string {
    return createHmac('sha256', this.secret).update(idNumber.toUpperCase()).digest('base64url');
  }

  /**
   * A short unguessable tag for a public link (e.g. a ticket's progress page), so
   * the QR opens that one ticket and ticket ids cannot be enumerated.
   */
  tag(purpose: string, value: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}:${value}`).digest('base64url').slice(0, 16);
  }
}
