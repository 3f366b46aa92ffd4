import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HallCredential, IssuedCredential } from '../../../contracts/platform-halls';
import { createDistrictClient, DistrictClientError } from '../../../renderer/district/district-client';

const staff = { username: 'li.ming', name: '李明', role: 'district-admin' };
const credential: HallCredential = {
  credentialId: 'HC00000002',
  hallId: 'hall-02',
  hint: 'hk_live_Ab3',
  state: 'active',
  createdAt: '2026-11-01T02:00:00.000Z',
};
const issued: IssuedCredential = { ...credential, credentialId: 'HC00000003', token: `hk_live_${'N'.repeat(43)}` };

interface Sent {
  url: string;
  method: string;
  authorization: string | null;
  body: RequestInit['body'];
}

/** A fake platform answering the given replies in order, recording what the console sent. */
function platform(...replies: Array<{ status: number; body: unknown }>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({
        url,
        method: init.method ?? 'GET',
        authorization: new Headers(init.headers).get('authorization'),
        body: init.body,
      });
      const reply = replies.shift();
      if (reply === undefined) throw new TypeError('fetch failed');
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

const signedIn = { status: 201, body: { token: 'session-1', staff, expiresAt: '2026-12-06T20:00:00.000Z' } };

describe('the district client, on the platform’s hall operations', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls them by their declaration, with the session token, and parses the replies', async () => {
    const sent = platform(
      signedIn,
      { status: 200, body: { credentials: [credential], next: 20 } },
      { status: 201, body: issued },
      { status: 201, body: { issued, previous: { ...credential, state: 'rotating', expiresAt: '2026-11-28T02:00:00.000Z' } } },
      { status: 200, body: { ...credential, state: 'revoked', revokedAt: '2026-11-27T02:00:00.000Z' } },
    );
    const client = createDistrictClient('https://platform.example');
    await client.signIn('li.ming', 'correct horse');

    expect(await client.hallCredentials('hall-02', { limit: 20, offset: 0 })).toEqual({ credentials: [credential], next: 20 });
    expect((await client.issueCredential('hall-02')).token).toBe(issued.token);
    expect((await client.rotateCredential('hall-02', 'HC00000002')).previous.state).toBe('rotating');
    expect((await client.revokeCredential('hall-02', 'HC00000002')).state).toBe('revoked');

    expect(sent.slice(1).map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET https://platform.example/v1/admin/halls/hall-02/credentials?limit=20&offset=0',
      'POST https://platform.example/v1/admin/halls/hall-02/credentials',
      'POST https://platform.example/v1/admin/halls/hall-02/credentials/HC00000002/rotate',
      'POST https://platform.example/v1/admin/halls/hall-02/credentials/HC00000002/revoke',
    ]);
    expect(sent.slice(1).every((s) => s.authorization === 'Bearer session-1')).toBe(true);
    // The writes carry no body: nothing to send but the path.
    expect(sent.slice(2).every((s) => s.body === null)).toBe(true);
  });

  it('turns the platform’s error bodies into coded errors, the role refusal included', async () => {
    platform(
      signedIn,
      { status: 409, body: { error: { code: 'credential_inactive', message: 'a rotating credential cannot be rotated' } } },
      { status: 403, body: { error: { code: 'forbidden', message: 'district-admin only' } } },
      { status: 200, body: { halls: [{ hallId: 'hall-01' }] } },
    );
    const client = createDistrictClient();
    await client.signIn('li.ming', 'correct horse');
    await expect(client.rotateCredential('hall-02', 'HC00000001')).rejects.toMatchObject({ code: 'credential_inactive' });
    await expect(client.issueCredential('hall-02')).rejects.toMatchObject({ code: 'forbidden' });
    // A reply its schema refuses is not passed on as if it were a list of halls.
    await expect(client.halls()).rejects.toMatchObject({ code: 'bad_response' });
    await expect(client.halls()).rejects.toBeInstanceOf(DistrictClientError);
    await expect(client.live()).rejects.toMatchObject({ code: 'network' });
  });
});
