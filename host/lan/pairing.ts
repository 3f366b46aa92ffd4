import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { pageOf, type PageQuery } from '../../contracts/page';
import {
  TOKEN_IDLE_DAYS,
  TOKEN_MAX_AGE_DAYS,
  type ClaimPairingRequest,
  type ClaimPairingResponse,
  type PairingCode,
  type RotatedToken,
  type Terminal,
  type TerminalList,
} from '../../contracts/pairing';
import type { Db } from '../../db/open';
import {
  insertPairingCode,
  insertTerminal,
  listTerminals,
  listTerminalsPage,
  replaceTerminalToken,
  revokeTerminal,
  terminalById,
  terminalByTokenHash,
  touchTerminal,
  usePairingCode,
  type TerminalRow,
} from '../../db/repositories/terminals';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { mustBeWindow } from './evaluator-binding';

/** A code is typed within minutes of being shown; after that it is worthless. */
const CODE_MINUTES = 10;
/**
 * Wrong codes tolerated per minute from one client before its claims are refused (6 digits must
 * not be guessable). Per client: a guesser on the hall Wi-Fi must not lock the technician out.
 */
const CLAIMS_PER_MINUTE = 10;
const DAY_MS = 86_400_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** What a presented token is: a live terminal's, an expired one's (refused with `terminal_expired`), or nobody's. */
export type TokenCheck =
  | { readonly state: 'live'; readonly terminal: Terminal }
  | { readonly state: 'expired'; readonly terminal: Terminal }
  | { readonly state: 'unknown' };

/** When a token dies: TOKEN_IDLE_DAYS after its last use, at most TOKEN_MAX_AGE_DAYS after its issue. */
function tokenExpiry(row: TerminalRow): number {
  const issued = Date.parse(row.tokenIssuedAt);
  const lastUse = Math.max(issued, row.lastSeenAt === null ? issued : Date.parse(row.lastSeenAt));
  return Math.min(lastUse + TOKEN_IDLE_DAYS * DAY_MS, issued + TOKEN_MAX_AGE_DAYS * DAY_MS);
}

/**
 * Pairing of LAN terminals with the hall: a technician creates a one-time six-digit code, the
 * new terminal claims it within ten minutes and receives a random token, stored here only as
 * a hash. Tokens are revoked one by one; a revoked or unknown token is simply not a terminal. A
 * token expires (TOKEN_IDLE_DAYS unused, TOKEN_MAX_AGE_DAYS old) and is exchanged for a new one
 * by `rotate`.
 */
export class Pairing {
  /** Wrong claims in the last minute, by client address. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly o: { db: Db; clock: Clock }) {}

  createCode(staffId: number): PairingCode {
    const now = this.o.clock.now();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
    this.o.db.transaction(() => {
      insertPairingCode(this.o.db, { codeHash: sha256(code), createdBy: staffId, createdAt: now.toISOString(), expiresAt });
      audit(this.o.db, this.o.clock, 'pairing.code', { staffId });
    })();
    return { code, expiresAt };
  }

  /**
   * The new terminal's id and token; the route adds what the hall tells of itself (identity, CA).
   * `client`: the claimant's address; its wrong codes count against it alone.
   */
  claim(request: ClaimPairingRequest, client: string): Pick<ClaimPairingResponse, 'terminalId' | 'token'> {
    const now = this.o.clock.now();
    const recent = this.recentFailures(client, now.getTime());
    if (recent.length >= CLAIMS_PER_MINUTE) throw new HostError('locked_out', '尝试次数过多，请稍后再试');
    const token = randomBytes(32).toString('base64url');
    const terminalId = randomUUID();
    const windowNumber = request.windowNumber ?? null;
    const paired = this.o.db.transaction(() => {
      if (!usePairingCode(this.o.db, sha256(request.code), now.toISOString())) return false;
      // After the code: only someone holding a good code learns which windows the hall has. The
      // code stays unused when the window is refused (the transaction rolls back): type it again.
      if (windowNumber !== null) mustBeWindow(this.o.db, windowNumber);
      insertTerminal(this.o.db, {
        id: terminalId,
        name: request.name,
        kind: request.kind,
        tokenHash: sha256(token),
        pairedAt: now.toISOString(),
        windowNumber,
      });
      audit(this.o.db, this.o.clock, 'pairing.claim', {
        details: { terminalId, kind: request.kind, ...(windowNumber === null ? {} : { windowNumber }) },
      });
      return true;
    })();
    if (!paired) {
      this.failures.set(client, [...recent, now.getTime()]);
      throw new HostError('pairing_invalid', '配对码无效或已过期，请在大厅主机上重新生成');
    }
    return { terminalId, token };
  }

  /** The failures of `client` within the last minute; forgets every client's older ones (a bounded map). */
  private recentFailures(client: string, now: number): number[] {
    for (const [address, times] of this.failures) {
      const fresh = times.filter((t) => now - t < 60_000);
      if (fresh.length === 0) this.failures.delete(address);
      else this.failures.set(address, fresh);
    }
    return this.failures.get(client) ?? [];
  }

  /** What a token is (see TokenCheck); a live one is noted as seen, which keeps it from idling out. */
  check(token: string): TokenCheck {
    const row = terminalByTokenHash(this.o.db, sha256(token));
    if (!row) return { state: 'unknown' };
    const now = this.o.clock.now();
    if (now.getTime() >= tokenExpiry(row)) return { state: 'expired', terminal: toTerminal(row) };
    // Once a minute is enough to tell a technician which terminals are alive.
    if (row.lastSeenAt === null || now.getTime() - Date.parse(row.lastSeenAt) > 60_000) {
      touchTerminal(this.o.db, row.id, now.toISOString());
      return { state: 'live', terminal: toTerminal({ ...row, lastSeenAt: now.toISOString() }) };
    }
    return { state: 'live', terminal: toTerminal(row) };
  }

  /** The live terminal of a token; undefined when not one (unknown, revoked or expired). */
  verify(token: string): Terminal | undefined {
    const checked = this.check(token);
    return checked.state === 'live' ? checked.terminal : undefined;
  }

  /** Gives live terminal `terminalId` a new token; its old one dies at once. */
  rotate(terminalId: string): RotatedToken {
    const token = randomBytes(32).toString('base64url');
    const now = this.o.clock.now();
    const rotated = this.o.db.transaction(() => {
      if (!replaceTerminalToken(this.o.db, terminalId, sha256(token), now.toISOString())) return false;
      audit(this.o.db, this.o.clock, 'pairing.rotate', { details: { terminalId } });
      return true;
    })();
    if (!rotated) throw new HostError('terminal_unpaired', '此终端尚未与大厅配对');
    // A fresh token dies first of idling (the idle limit is below the maximum age).
    return { token, expiresAt: new Date(now.getTime() + TOKEN_IDLE_DAYS * DAY_MS).toISOString() };
  }

  /** One terminal as the list shows it (revoked ones too), or undefined. */
  terminal(terminalId: string): Terminal | undefined {
    const row = terminalById(this.o.db, terminalId);
    return row && toTerminal(row);
  }

  list(): Terminal[] {
    return listTerminals(this.o.db).map(toTerminal);
  }

  /** One page of the terminals, newest first (the list route: never the whole table). */
  page(page: PageQuery): TerminalList {
    const { rows, next } = pageOf(listTerminalsPage(this.o.db, { limit: page.limit + 1, offset: page.offset }), page);
    return { terminals: rows.map(toTerminal), next };
  }

  revoke(terminalId: string, staffId: number): Terminal {
    const row = this.o.db.transaction(() => {
      const revoked = revokeTerminal(this.o.db, terminalId, this.o.clock.now().toISOString());
      if (revoked) audit(this.o.db, this.o.clock, 'pairing.revoke', { staffId, details: { terminalId } });
      return revoked;
    })();
    if (!row) throw new HostError('not_found', '没有这个终端');
    return toTerminal(row);
  }
}

function toTerminal(row: TerminalRow): Terminal {
  return { ...row, expiresAt: new Date(tokenExpiry(row)).toISOString() };
}
