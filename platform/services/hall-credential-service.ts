import { createHash, randomBytes } from 'node:crypto';
import type { HallLevel } from '../../contracts/central-api';
import type { PageQuery } from '../../contracts/page';
import { pageOf, type NextPage } from '../../contracts/page';
import {
  CREDENTIAL_ROTATION_OVERLAP_HOURS,
  type CredentialState,
  type HallCredential,
  type IssuedCredential,
  type RotatedCredential,
} from '../../contracts/platform-halls';
import type { Sql } from '../db/sql';
import { insertAudit } from '../store/district-audit';
import {
  credentialByTokenHash,
  credentialOfHall,
  credentialsOfHall,
  insertCredential,
  markRevoked,
  markRotated,
  touchCredential,
  type CredentialRow,
} from '../store/hall-credentials';
import { hallById } from '../store/halls';

/** The hall a request signs in as: the request's hall, whatever its body or query say. */
export interface CallerHall {
  hallId: string;
  level: HallLevel;
}

/** Why a token signs in as no hall, for the 401's message (the caller holds the token: nothing to hide from it). */
export type SignInRefusal = 'unknown' | 'revoked' | 'expired' | 'hall_inactive';

export type SignIn = { kind: 'hall'; hall: CallerHall } | { kind: 'refused'; reason: SignInRefusal };

const HOUR_MS = 3_600_000;
const OVERLAP_MS = CREDENTIAL_ROTATION_OVERLAP_HOURS * HOUR_MS;

/**
 * A token is a prefix and 32 random bytes (base64url). The prefix tells a leaked string for what
 * it is (a secret scanner, a technician reading a config file); the random part is the secret.
 */
const TOKEN_PREFIX = 'hkh_';
/** The prefix and six random characters: enough to tell a hall's credentials apart, 36 of 256 bits. */
const HINT_LENGTH = TOKEN_PREFIX.length + 6;

/**
 * Tokens are looked up by their sha256. A fast hash is right here: the token has 256 random
 * bits, so there is nothing to guess, and every request pays for it. The lookup by digest
 * through the unique index tells a timing observer nothing useful about any token.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const credentialIdOf = (id: number): string => `HC${String(id).padStart(8, '0')}`;
const rowIdOf = (credentialId: string): number => Number(credentialId.slice(2));

function stateOf(row: CredentialRow, now: Date): CredentialState {
  if (row.revokedAt !== null) return 'revoked';
  if (row.expiresAt === null) return 'active';
  return row.expiresAt > now ? 'rotating' : 'expired';
}

function toCredential(row: CredentialRow, now: Date): HallCredential {
  return {
    credentialId: credentialIdOf(row.id),
    hallId: row.hallId,
    hint: row.hint,
    state: stateOf(row, now),
    createdAt: row.createdAt.toISOString(),
    ...(row.expiresAt === null ? {} : { expiresAt: row.expiresAt.toISOString() }),
    ...(row.revokedAt === null ? {} : { revokedAt: row.revokedAt.toISOString() }),
    ...(row.lastUsedAt === null ? {} : { lastUsedAt: row.lastUsedAt.toISOString() }),
    ...(row.replacedBy === null ? {} : { replacedBy: credentialIdOf(row.replacedBy) }),
  };
}

export type CredentialList = { kind: 'ok'; credentials: HallCredential[]; next: NextPage } | { kind: 'hall_not_found' };
export type RotateOutcome =
  { kind: 'rotated'; rotated: RotatedCredential } | { kind: 'not_found' } | { kind: 'inactive'; state: CredentialState };

/**
 * Each hall's credentials: issued, rotated with an overlap, revoked, and checked at every
 * request. Only a token's sha256 is stored; the token leaves the platform once, in the answer
 * that issues it. Every operation is one statement or one transaction.
 */
export class HallCredentialService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  async list(hallId: string, page: PageQuery): Promise<CredentialList> {
    if ((await hallById(this.sql, hallId)) === undefined) return { kind: 'hall_not_found' };
    const now = this.now();
    const rows = await credentialsOfHall(this.sql, hallId, page.limit + 1, page.offset);
    const { rows: shown, next } = pageOf(rows, page);
    return { kind: 'ok', credentials: shown.map((row) => toCredential(row, now)), next };
  }

  /**
   * A new credential of the hall, with its token; `undefined` for a hall that is not registered.
   * `actor` (a district username, or `admin-token`) is audited with it, never the token.
   */
  issue(hallId: string, actor: string): Promise<IssuedCredential | undefined> {
    return this.sql.transaction(async (tx) => {
      if ((await hallById(tx, hallId)) === undefined) return undefined;
      const now = this.now();
      const issued = await this.insert(tx, hallId, now);
      await insertAudit(tx, {
        at: now,
        actor,
        action: 'credential.issue',
        subject: `credential:${issued.credentialId}`,
        detail: { hallId, hint: issued.hint },
      });
      return issued;
    });
  }

  /**
   * Replaces an active credential: a new one is issued and the old one works until the overlap
   * ends (CREDENTIAL_ROTATION_OVERLAP_HOURS), so the hall's hosts switch one by one without a
   * moment refused. One transaction, the old row locked: two rotations at once give one successor.
   */
  rotate(hallId: string, credentialId: string, actor: string): Promise<RotateOutcome> {
    return this.sql.transaction(async (tx): Promise<RotateOutcome> => {
      const old = await credentialOfHall(tx, hallId, rowIdOf(credentialId), true);
      if (old === undefined) return { kind: 'not_found' };
      const now = this.now();
      const state = stateOf(old, now);
      // Only an active credential: a rotating one already has its successor, which is the one to rotate.
      if (state !== 'active') return { kind: 'inactive', state };
      const issued = await this.insert(tx, hallId, now);
      const previous = await markRotated(tx, old.id, new Date(now.getTime() + OVERLAP_MS), rowIdOf(issued.credentialId));
      await insertAudit(tx, {
        at: now,
        actor,
        action: 'credential.rotate',
        subject: `credential:${credentialId}`,
        detail: { hallId, replacedBy: issued.credentialId, hint: issued.hint },
      });
      return { kind: 'rotated', rotated: { issued, previous: toCredential(previous, now) } };
    });
  }

  /** Ends a credential now; revoking it again keeps the first revocation's time. */
  revoke(hallId: string, credentialId: string, actor: string): Promise<HallCredential | undefined> {
    return this.sql.transaction(async (tx) => {
      const row = await credentialOfHall(tx, hallId, rowIdOf(credentialId), true);
      if (row === undefined) return undefined;
      const now = this.now();
      if (row.revokedAt === null) {
        await insertAudit(tx, {
          at: now,
          actor,
          action: 'credential.revoke',
          subject: `credential:${credentialId}`,
          detail: { hallId },
        });
      }
      return toCredential(await markRevoked(tx, row.id, now), now);
    });
  }

  /**
   * The hall a request's bearer token signs in as. A use is recorded at most once an hour per
   * credential (the console shows whether hosts still use an old one), so requests cost a read,
   * not a write.
   */
  async signIn(token: string): Promise<SignIn> {
    const row = await credentialByTokenHash(this.sql, tokenHash(token));
    if (row === undefined) return { kind: 'refused', reason: 'unknown' };
    const now = this.now();
    if (row.revokedAt !== null) return { kind: 'refused', reason: 'revoked' };
    if (row.expiresAt !== null && row.expiresAt <= now) return { kind: 'refused', reason: 'expired' };
    if (!row.hallActive) return { kind: 'refused', reason: 'hall_inactive' };
    const staleBefore = new Date(now.getTime() - HOUR_MS);
    if (row.lastUsedAt === null || row.lastUsedAt < staleBefore) await touchCredential(this.sql, row.id, now, staleBefore);
    return { kind: 'hall', hall: { hallId: row.hallId, level: row.level } };
  }

  /** The hall the static dev tokens sign in as (the demo hall), if it is registered and active. */
  async signInAsHall(hallId: string): Promise<SignIn> {
    const hall = await hallById(this.sql, hallId);
    if (hall === undefined) return { kind: 'refused', reason: 'unknown' };
    if (!hall.active) return { kind: 'refused', reason: 'hall_inactive' };
    return { kind: 'hall', hall: { hallId: hall.hallId, level: hall.level } };
  }

  private async insert(sql: Sql, hallId: string, now: Date): Promise<IssuedCredential> {
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await insertCredential(sql, {
      hallId,
      tokenHash: tokenHash(token),
      hint: token.slice(0, HINT_LENGTH),
      createdAt: now,
    });
    return { ...toCredential(row, now), token };
  }
}
