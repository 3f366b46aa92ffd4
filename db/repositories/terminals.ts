import type { TerminalKind } from '../../contracts/pairing';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

export interface TerminalRow {
  id: string;
  name: string;
  kind: TerminalKind;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  tokenIssuedAt: string;
  /** The window a rating pad (`evaluator`) is bound to, by number; null for every other kind. */
  windowNumber: number | null;
}

const columns =
  'id, name, kind, paired_at AS pairedAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt, token_issued_at AS tokenIssuedAt, window_number AS windowNumber';

export function insertPairingCode(
  db: Db,
  c: { codeHash: string; createdBy: number; createdAt: string; expiresAt: string },
): void {
  prepared(db, 'INSERT INTO pairing_codes (code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
    c.codeHash,
    c.createdBy,
    c.createdAt,
    c.expiresAt,
  );
}

/** Marks a code used if it exists, is unused and not expired at `now`; true when it was. */
export function usePairingCode(db: Db, codeHash: string, now: string): boolean {
  return (
    prepared(db, 'UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?').run(
      now,
      codeHash,
      now,
    ).changes === 1
  );
}

export function insertTerminal(
  db: Db,
  t: {
    id: string;
    name: string;
    kind: TerminalKind;
    tokenHash: string;
    pairedAt: string;
    /** A rating pad's window; none for every other kind. */
    windowNumber?: number | null;
  },
): void {
  prepared(
    db,
    'INSERT INTO terminals (id, name, kind, token_hash, paired_at, token_issued_at, window_number) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(t.id, t.name, t.kind, t.tokenHash, t.pairedAt, t.pairedAt, t.windowNumber ?? null);
}

export function terminalById(db: Db, id: string): TerminalRow | undefined {
  return prepared(db, `SELECT ${columns} FROM terminals WHERE id = ?`).get(id) as TerminalRow | undefined;
}

/** Binds a live rating pad (`evaluator`) to a window by number; false when `id` is no live evaluator. */
export function setEvaluatorWindow(db: Db, id: string, windowNumber: number): boolean {
  return (
    prepared(db, "UPDATE terminals SET window_number = ? WHERE id = ? AND kind = 'evaluator' AND revoked_at IS NULL").run(
      windowNumber,
      id,
    ).changes === 1
  );
}

/** Replaces a live terminal's token hash (the old token dies with it); false when it is not live. */
export function replaceTerminalToken(db: Db, id: string, tokenHash: string, at: string): boolean {
  return (
    prepared(
      db,
      'UPDATE terminals SET token_hash = ?, token_issued_at = ?, last_seen_at = ? WHERE id = ? AND revoked_at IS NULL',
    ).run(tokenHash, at, at, id).changes === 1
  );
}

/** The live (not revoked) terminal holding this token hash. */
export function terminalByTokenHash(db: Db, tokenHash: string): TerminalRow | undefined {
  return prepared(db, `SELECT ${columns} FROM terminals WHERE token_hash = ? AND revoked_at IS NULL`).get(tokenHash) as
    TerminalRow | undefined;
}

export function touchTerminal(db: Db, id: string, at: string): void {
  prepared(db, 'UPDATE terminals SET last_seen_at = ? WHERE id = ?').run(at, id);
}

export function listTerminals(db: Db): TerminalRow[] {
  return prepared(db, `SELECT ${columns} FROM terminals ORDER BY paired_at DESC`).all() as TerminalRow[];
}

/** `limit` terminals, newest first, from `offset` (id breaks ties of the same instant, so pages never overlap). */
export function listTerminalsPage(db: Db, page: { limit: number; offset: number }): TerminalRow[] {
  return prepared(db, `SELECT ${columns} FROM terminals ORDER BY paired_at DESC, id LIMIT ? OFFSET ?`).all(
    page.limit,
    page.offset,
  ) as TerminalRow[];
}

export function revokeTerminal(db: Db, id: string, at: string): TerminalRow | undefined {
  prepared(db, 'UPDATE terminals SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(at, id);
  return terminalById(db, id);
}
