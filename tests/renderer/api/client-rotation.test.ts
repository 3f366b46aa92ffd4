import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../renderer/api/client';

describe('the API client while the terminal cookie is exchanged', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('holds other requests until the exchange is answered (the old cookie dies with it)', async () => {
    const sent: string[] = [];
    let answerRotation = () => undefined as void;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        sent.push(url);
        if (url.endsWith('/pairing/rotate')) {
          return new Promise<Response>((resolve) => {
            answerRotation = () =>
              resolve(Response.json({ token: 'new-token', expiresAt: '2027-01-05T08:00:00.000Z' }, { status: 200 }));
          });
        }
        return Promise.resolve(Response.json({ notices: [] }, { status: 200 }));
      }),
    );
    const api = createApiClient('http://hall');
    const rotation = api.rotateTerminalToken();
    const notices = api.notices();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual(['http://hall/api/v1/pairing/rotate']);
    answerRotation();
    await rotation;
    await notices.catch(() => undefined);
    expect(sent).toEqual(['http://hall/api/v1/pairing/rotate', 'http://hall/api/v1/notices']);
  });
});
