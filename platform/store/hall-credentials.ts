import type { HallLevel } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

export interface CredentialRow {
  id: number;
  hallId: string;
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  replacedBy: number | null;
}

const COLUMNS = `id, hall_id AS "hallId", hint, created_at AS "createdAt", expires_at AS "expiresAt",
  revoked_at AS "revokedAt", last_used_at AS "lastUsedAt", replaced_by AS "replacedBy"`;

export interface NewCredential {
  hallId: string;
  /** hex sha256 of the token: the token itself is never stored. */
  tokenHash: string;
  hint: string;
  createdAt: Date;
}

export async function insertCredential(sql: Sql, credential: NewCredential): Promise<CredentialRow> {
  const [row] = await sql.query<CredentialRow>(
    `INSERT INTO hall_credentials (hall_id, token_hash, hint, created_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [credential.hallId, credential.tokenHash, credential.hint, credential.createdAt.toISOString()],
  );
  if (row === undefined) throw new Error('the credential insert returned nothing');
  return row;
}

/** One of a hall's credentials (another hall's id finds nothing). */
export async function credentialOfHall(
  sql: Sql,
  hallId: string,
  id: number,
  forUpdate = false,
): Promise<CredentialRow | undefined> {
  const [row] = await sql.query<CredentialRow>(
    `SELECT ${COLUMNS} FROM hall_credentials WHERE hall_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [hallId, id],
  );
  return row;
}

/** A page of a hall's credentials, newest first (`limit` rows from `offset`). */
export function credentialsOfHall(sql: Sql, hallId: string, limit: number, offset: number): Promise<CredentialRow[]> {
  return sql.query<CredentialRow>(
    `SELECT ${COLUMNS} FROM hall_credentials WHERE hall_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
    [hallId, limit, offset],
  );
}

/** What a request's token signs in as: its credential and the hall's level and state. */
export interface SigningCredential {
  id: number;
  hallId: string;
  level: HallLevel;
  hallActive: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** The credential whose token hashes to `tokenHash`, with its hall; one index lookup per request. */
export async function credentialByTokenHash(sql: Sql, tokenHash: string): Promise<SigningCredential | undefined> {
  const [row] = await sql.query<SigningCredential>(
    `SELECT c.id, c.hall_id AS "hallId", h.level, h.active AS "hallActive", c.expires_at AS "expiresAt",
       c.revoked_at AS "revokedAt", c.last_used_at AS "lastUsedAt"
     FROM hall_credentials c JOIN halls h ON h.hall_id = c.hall_id
     WHERE c.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

/** Ends the credential at `expiresAt` (the rotation's overlap) and names its successor. */
export async function markRotated(sql: Sql, id: number, expiresAt: Date, replacedBy: number): Promise<CredentialRow> {
  const [row] = await sql.query<CredentialRow>(
    `UPDATE hall_credentials SET expires_at = $2, replaced_by = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, expiresAt.toISOString(), replacedBy],
  );
  if (row === undefined) throw new Error(`credential ${id} vanished during its rotation`);
  return row;
}

/** Revokes the credential at `at`, unless it was revoked before (the first revocation stands). */
export async function markRevoked(sql: Sql, id: number, at: Date): Promise<CredentialRow> {
  const [row] = await sql.query<CredentialRow>(
    `UPDATE hall_credentials SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, at.toISOString()],
  );
  if (row === undefined) throw new Error(`credential ${id} vanished during its revocation`);
  return row;
}

/** Records a use, only if the last recorded one is older than `staleBefore` (a concurrent request may have done it). */
export async function touchCredential(sql: Sql, id: number, at: Date, staleBefore: Date): Promise<void> {
  await sql.query(`UPDATE hall_credentials SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)`, [
    id,
    at.toISOString(),
    staleBefore.toISOString(),
  ]);
}
