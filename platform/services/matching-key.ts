import { createHmac } from 'node:crypto';

/**
 * A hall's appointment-matching key, derived from this server's secret: HMAC-SHA-256 of
 * `appointment-matching:<hallId>`. It is issued to the hall (its `centralApi.matchingKey`,
 * base64url); one hall's key matches no other hall's list. host/appointments/matching-key.ts
 * derives the same from the demo secret for a demo host.
 */
export function hallMatchingKey(secret: string, hallId: string): Buffer {
  return createHmac('sha256', secret).update(`appointment-matching:${hallId}`).digest();
}

/**
 * What terminals match an appointment on, instead of the ID number itself: hex HMAC-SHA-256 of
 * the ID number (trimmed and upper-cased, so a trailing `x` and `X` are the same number) under
 * the hall's matching key. ID numbers are guessable (a known prefix and suffix leave ~40,000
 * birth dates), so an unkeyed hash would be a number in disguise; without the key a tag is not.
 */
export function idNumberTag(secret: string, hallId: string, idNumber: string): string {
  return createHmac('sha256', hallMatchingKey(secret, hallId)).update(idNumber.trim().toUpperCase()).digest('hex');
}
