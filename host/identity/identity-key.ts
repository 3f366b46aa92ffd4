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

  /** A keyer from a secret another host handed over (see `derive`). */
  static fromSecret(secret: string): IdentityKeyer {
    return new IdentityKeyer(Buffer.from(secret, 'base64url'));
  }

  /**
   * A keyer for one purpose whose secret can be shared without giving away this one: the hall
   * hands its queue keyer to paired secondary kiosks so a card has the same queue key at every
   * kiosk of the hall (one open ticket per card per service), while the install secret behind
   * ticket links and case lookups never leaves the hall.
   */
  derive(purpose: string): IdentityKeyer {
    return new IdentityKeyer(createHmac('sha256', this.secret).update(`derive:${purpose}`).digest());
  }

  /** This keyer's secret, for handing a derived keyer to a paired terminal. */
  exportSecret(): string {
    return this.secret.toString('base64url');
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
