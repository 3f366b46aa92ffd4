import { createHmac } from 'node:crypto';
import { DEMO_MATCHING_SECRET } from '../../contracts/config';

/**
 * The key a hall's appointments are matched with. The central API sends each booking's ID
 * number only as `idNumberTag` = hex HMAC-SHA-256 under this key; the kiosk computes the same
 * tag from the card on the reader and looks it up. An unkeyed hash of an ID number is reversed
 * by hashing the ~40,000 birth dates between a known prefix and suffix; a tag is not, without
 * the key, which lives in the config file (never in the database) and in paired kiosks' links.
 */
export class AppointmentMatchingKey {
  private constructor(private readonly key: Buffer) {}

  /** From `centralApi.matchingKey` or a pairing reply (base64url). */
  static fromBase64Url(key: string): AppointmentMatchingKey {
    return new AppointmentMatchingKey(Buffer.from(key, 'base64url'));
  }

  /**
   * The key the district platform derives for `hallId` from its demo secret: what a demo or
   * test host runs on without `centralApi.matchingKey`. Production refuses it (host/config).
   */
  static demo(hallId: string): AppointmentMatchingKey {
    return new AppointmentMatchingKey(hallMatchingKey(DEMO_MATCHING_SECRET, hallId));
  }

  /** The tag of an ID number (trimmed, upper-cased: a trailing `x` is the same number). */
  tagOf(idNumber: string): string {
    return createHmac('sha256', this.key).update(idNumber.trim().toUpperCase()).digest('hex');
  }

  /** For handing the key to a kiosk at pairing. */
  toBase64Url(): string {
    return this.key.toString('base64url');
  }
}

/**
 * A hall's matching key from the central API's secret: HMAC-SHA-256 of `appointment-matching:<hallId>`.
 * platform/services/matching-key.ts derives the same, so one hall's key matches no other hall's list.
 */
export function hallMatchingKey(secret: string, hallId: string): Buffer {
  return createHmac('sha256', secret).update(`appointment-matching:${hallId}`).digest();
}
