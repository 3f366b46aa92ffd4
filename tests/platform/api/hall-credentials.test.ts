import { afterEach, beforeEach, expect, it } from 'vitest';
import { CentralErrorBody } from '../../../contracts/central-api';
import {
  CREDENTIAL_ROTATION_OVERLAP_HOURS,
  HallCredential,
  platformHallOperations as ops,
} from '../../../contracts/platform-halls';
import type { Platform } from '../../../platform/server';
import { FIXED_NOW, startApi } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';
import { bearer, callOperation, issueCredential, replyOf } from '../support/halls';

const HOUR = 3_600_000;

describeEachDatabase('platform: hall credentials', (database) => {
  let api: Platform;
  let clock: Date;

  beforeEach(async () => {
    clock = FIXED_NOW;
    api = await startApi(database(), { now: () => clock });
  });
  afterEach(async () => {
    await api.close();
  });

  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  /** What a host of the hall does with the token: pull its change feed. */
  const use = (token: string) => api.app.inject({ method: 'GET', url: '/v1/cases/changes', headers: bearer(token) });
  const list = async (hallId = 'hall-02', query: { limit?: number; offset?: number } = {}) =>
    replyOf(ops.listHallCredentials, await callOperation(api, ops.listHallCredentials, { params: { hallId }, query }));
  const rotate = (credentialId: string, hallId = 'hall-02') =>
    callOperation(api, ops.rotateHallCredential, { params: { hallId, credentialId } });
  const revoke = (credentialId: string, hallId = 'hall-02') =>
    callOperation(api, ops.revokeHallCredential, { params: { hallId, credentialId } });
  const codeOf = (res: { json(): unknown }) => CentralErrorBody.parse(res.json()).error.code;
  const messageOf = (res: { json(): unknown }) => CentralErrorBody.parse(res.json()).error.message;

  it('shows a new token once, keeps only its sha256, and signs the hall in with it', async () => {
    const issued = await issueCredential(api, 'hall-02');
    expect(issued).toMatchObject({ hallId: 'hall-02', state: 'active', createdAt: FIXED_NOW.toISOString() });
    expect(issued.token).toMatch(/^hkh_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(issued.hint)).toBe(true);
    expect(issued.hint).toHaveLength(10);

    // Listed without its secret.
    const { credentials } = await list();
    expect(credentials).toEqual([HallCredential.parse(issued)]);
    expect(JSON.stringify(credentials)).not.toContain(issued.token);

    // No table holds the token; the hash does not give it back.
    const tables = await database().observe<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    for (const { name } of tables) {
      const rows = await database().observe<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      for (const { row } of rows) expect(row).not.toContain(issued.token.slice(10));
    }

    expect((await use(issued.token)).statusCode).toBe(200);
    const unknown = await use(`${issued.token.slice(0, -1)}x`);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer');
  });

  it(`rotates: the new token works at once, the old one for ${CREDENTIAL_ROTATION_OVERLAP_HOURS} h more, then no longer`, async () => {
    const old = await issueCredential(api, 'hall-02');
    const res = await rotate(old.credentialId);
    expect(res.statusCode).toBe(201);
    const { issued, previous } = replyOf(ops.rotateHallCredential, res);
    expect(issued.token).not.toBe(old.token);
    expect(previous).toMatchObject({
      credentialId: old.credentialId,
      state: 'rotating',
      expiresAt: new Date(FIXED_NOW.getTime() + CREDENTIAL_ROTATION_OVERLAP_HOURS * HOUR).toISOString(),
      replacedBy: issued.credentialId,
    });
    expect((await use(issued.token)).statusCode).toBe(200);
    expect((await use(old.token)).statusCode).toBe(200);

    later(CREDENTIAL_ROTATION_OVERLAP_HOURS * HOUR - 1000);
    expect((await use(old.token)).statusCode).toBe(200);
    later(1000);
    const refused = await use(old.token);
    expect(refused.statusCode).toBe(401);
    expect(messageOf(refused)).toMatch(/rotated/);
    expect((await use(issued.token)).statusCode).toBe(200);

    const states = Object.fromEntries((await list()).credentials.map((c: HallCredential) => [c.credentialId, c.state]));
    expect(states).toEqual({ [old.credentialId]: 'expired', [issued.credentialId]: 'active' });
  });

  it('rotates only an active credential: its successor is the one to rotate next', async () => {
    const old = await issueCredential(api, 'hall-02');
    const { issued } = replyOf(ops.rotateHallCredential, await rotate(old.credentialId));
    const again = await rotate(old.credentialId);
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe('credential_inactive');
    expect(CentralErrorBody.parse(again.json()).error.details).toEqual({ state: 'rotating' });
    expect((await rotate(issued.credentialId)).statusCode).toBe(201);
    expect((await list()).credentials).toHaveLength(3);
  });

  it('gives two rotations of one credential at once one successor', async () => {
    const old = await issueCredential(api, 'hall-02');
    const results = await Promise.all([rotate(old.credentialId), rotate(old.credentialId)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await list()).credentials).toHaveLength(2);
  });

  it('revokes at once; revoking again keeps the first time; a revoked credential is not rotated', async () => {
    const issued = await issueCredential(api, 'hall-02');
    const spare = await issueCredential(api, 'hall-02');
    const res = await revoke(issued.credentialId);
    expect(res.statusCode).toBe(200);
    expect(replyOf(ops.revokeHallCredential, res)).toMatchObject({ state: 'revoked', revokedAt: FIXED_NOW.toISOString() });
    const refused = await use(issued.token);
    expect(refused.statusCode).toBe(401);
    expect(messageOf(refused)).toMatch(/revoked/);
    // The hall's other credential is untouched.
    expect((await use(spare.token)).statusCode).toBe(200);

    later(HOUR);
    expect(replyOf(ops.revokeHallCredential, await revoke(issued.credentialId)).revokedAt).toBe(FIXED_NOW.toISOString());
    expect(codeOf(await rotate(issued.credentialId))).toBe('credential_inactive');

    // A rotating credential can be revoked too, ending its overlap early (a leaked old token).
    const { previous } = replyOf(ops.rotateHallCredential, await rotate(spare.credentialId));
    await revoke(previous.credentialId);
    expect((await use(spare.token)).statusCode).toBe(401);
  });

  it("finds a credential only under its own hall, and a hall's credentials only if it is registered", async () => {
    const issued = await issueCredential(api, 'hall-02');
    for (const res of [await rotate(issued.credentialId, 'hall-03'), await revoke(issued.credentialId, 'hall-03')]) {
      expect(res.statusCode).toBe(404);
      expect(codeOf(res)).toBe('credential_not_found');
    }
    expect((await use(issued.token)).statusCode).toBe(200);
    expect(codeOf(await rotate('HC99999999'))).toBe('credential_not_found');
    expect((await rotate('12')).statusCode).toBe(400);

    const noHall = [
      await callOperation(api, ops.createHallCredential, { params: { hallId: 'hall-99' } }),
      await callOperation(api, ops.listHallCredentials, { params: { hallId: 'hall-99' }, query: {} }),
    ];
    for (const res of noHall) expect(codeOf(res)).toBe('hall_not_found');
  });

  it('records when a credential was last used, at most once an hour', async () => {
    const issued = await issueCredential(api, 'hall-02');
    const lastUsed = async () => (await list()).credentials[0]?.lastUsedAt;
    expect(await lastUsed()).toBeUndefined();
    await use(issued.token);
    expect(await lastUsed()).toBe(FIXED_NOW.toISOString());
    later(HOUR / 2);
    await use(issued.token);
    expect(await lastUsed()).toBe(FIXED_NOW.toISOString());
    later(HOUR);
    await use(issued.token);
    expect(await lastUsed()).toBe(clock.toISOString());
  });

  it('pages a hall’s credentials, newest first', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push((await issueCredential(api, 'hall-02')).credentialId);
    const first = await list('hall-02', { limit: 2 });
    expect(first.credentials.map((c) => c.credentialId)).toEqual([made[2], made[1]]);
    expect(first.next).toBe(2);
    const second = await list('hall-02', { limit: 2, offset: 2 });
    expect(second.credentials.map((c) => c.credentialId)).toEqual([made[0]]);
    expect(second.next).toBeNull();
    expect(
      (await callOperation(api, ops.listHallCredentials, { params: { hallId: 'hall-02' }, query: { limit: 500 } })).statusCode,
    ).toBe(400);
  });
});
