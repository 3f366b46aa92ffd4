import { maskText } from '../log/mask-text';
import { isSecretKey } from '../log/personal-keys';

/**
 * The last guard of every file in a diagnostics bundle: drops keys that hold secrets (tokens,
 * PINs and hashes) and masks ID and mobile numbers in any text. Names of things (devices,
 * services, windows) stay: the files that could hold a person's name are built without it.
 */
export function scrubForBundle(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(scrubForBundle);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !isSecretKey(key))
      .map(([key, item]) => [key, scrubForBundle(item)] as const),
  );
}
