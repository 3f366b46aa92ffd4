import { TOKEN_EXPIRY_WARNING_DAYS, type Terminal } from '../../contracts/pairing';

/**
 * How soon a live terminal's token dies: fine, soon (within TOKEN_EXPIRY_WARNING_DAYS: the console
 * marks it, since a terminal that rotates on its own never gets there), or already.
 */
export function expiryState(terminal: Pick<Terminal, 'expiresAt'>, now: number): 'ok' | 'soon' | 'expired' {
  const left = Date.parse(terminal.expiresAt) - now;
  if (left <= 0) return 'expired';
  return left <= TOKEN_EXPIRY_WARNING_DAYS * 86_400_000 ? 'soon' : 'ok';
}
