import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { pageOf, type PageQuery } from '../../contracts/page';
import type { ClaimPairingRequest, ClaimPairingResponse, PairingCode, Terminal, TerminalList } from '../../contracts/pairing';
import type { Db } from '../../db/open';
import {
  insertPairingCode,
  insertTerminal,
  listTerminals,
  listTerminalsPage,
  revokeTerminal,
  terminalByTokenHash,
  touchTerminal,
  usePairingCode,
  type TerminalRow,
} from '../../db/repositories/terminals';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';

/** A code is typed within minutes of being shown; after that it is worthless. */
const CODE_MINUTES = 10;
/** Wrong codes tolerated per minute before claims are refused (6 digits must not be guessable). */
const CLAIMS_PER_MINUTE = 10;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Pairing of LAN terminals with the hall: a technician creates a one-time six-digit code, the
 * new terminal claims it within ten minutes and receives a random token, stored here only as
 * a hash. Tokens are revoked one by one; a revoked or unknown token is simply not a terminal.
 */
export class Pairing {
  private failures: number[] = [];

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

  /** The new terminal's id and token; the route adds what the hall tells of itself (identity, CA). */
  claim(request: ClaimPairingRequest): Pick<ClaimPairingResponse, 'terminalId' | 'token'> {
    const now = this.o.clock.now();
    this.failures = this.failures.filter((t) => now.getTime() - t < 60_000);
    if (this.failures.length >= CLAIMS_PER_MINUTE) throw new HostError('locked_out', '尝试次数过多，请稍后再试');
    const token = randomBytes(32).toString('base64url');
    const terminalId = randomUUID();
    const paired = this.o.db.transaction(() => {
      if (!usePairingCode(this.o.db, sha256(request.code), now.toISOString())) return false;
      insertTerminal(this.o.db, {
        id: terminalId,
        name: request.name,
        kind: request.kind,
        tokenHash: sha256(token),
        pairedAt: now.toISOString(),
      });
      audit(this.o.db, this.o.clock, 'pairing.claim', { details: { terminalId, kind: request.kind } });
      return true;
    })();
    if (!paired) {
      this.failures.push(now.getTime());
      throw new HostError('pairing_invalid', '配对码无效或已过期，请在大厅主机上重新生成');
    }
    return { terminalId, token };
  }

  /** The live terminal of a token, noting when it was last seen; undefined when not one. */
  verify(token: string): Terminal | undefined {
    const row = terminalByTokenHash(this.o.db, sha256(token));
    if (!row) return undefined;
    const now = this.o.clock.now().toISOString();
    // Once a minute is enough to tell a technician which terminals are alive.
    if (row.lastSeenAt === null || Date.parse(now) - Date.parse(row.lastSeenAt) > 60_000) touchTerminal(this.o.db, row.id, now);
    return toTerminal(row);
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
  return { ...row };
}
