import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the bearer token handed to the client once. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The database keeps only this hash, so a copied database signs nobody in.
 * A plain sha256 suffices: the token has 256 bits of entropy, unlike a PIN.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens we issue are exactly 43 base64url characters; anything else is rejected before hashing. */
export function looksLikeSessionToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
