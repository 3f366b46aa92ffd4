import { randomInt } from 'node:crypto';
import { hashPin } from './pin-hash';

let dummy: Promise<string> | undefined;

/**
 * A hash of a random PIN nobody knows, made with the current cost. Checking a
 * PIN for an unknown or deactivated staff number against it costs the same
 * scrypt work as a real check, so response times do not reveal which staff
 * numbers exist.
 */
export function dummyPinHash(): Promise<string> {
  dummy ??= hashPin(String(randomInt(0, 1_000_000_000)).padStart(9, '0'));
  return dummy;
}
