import { describe, expect, it } from 'vitest';
import { fetchBounded } from '../../electron/bounded-fetch';
import { secureFeed, secureFileUrl } from '../../electron/update-feed';
import { UpdateRefused } from '../../electron/update-refused';
import { isNewerVersion } from '../../electron/version-order';

const reason = (run: () => unknown): string => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (error instanceof UpdateRefused) return error.reason;
    throw error;
  }
};

describe('shell-logic: the update feed policy', () => {
  it('takes an https folder only (no http, other schemes or credentials), as a folder', () => {
    expect(secureFeed('https://updates.hall.example/hall-kiosk').href).toBe('https://updates.hall.example/hall-kiosk/');
    expect(secureFeed('https://192.168.1.10:8443/kiosk/?x=1#y').href).toBe('https://192.168.1.10:8443/kiosk/');
    for (const url of [
      'http://192.168.1.10:8080/hall-kiosk/',
      'http://127.0.0.1/',
      'ftp://updates/',
      'file:///tmp/feed/',
      'https://u:p@updates.example/',
      'not a url',
    ])
      expect(
        reason(() => secureFeed(url)),
        url,
      ).toBe('insecure_feed');
  });

  it('accepts installer URLs inside or outside the feed only over https', () => {
    const feed = secureFeed('https://updates.hall.example/hall-kiosk/');
    expect(secureFileUrl(feed, 'Hall%20Kiosk-Setup-1.2.0.exe').href).toBe(
      'https://updates.hall.example/hall-kiosk/Hall%20Kiosk-Setup-1.2.0.exe',
    );
    expect(reason(() => secureFileUrl(feed, 'https://cdn.example/x.exe'))).toBe('accepted');
    expect(reason(() => secureFileUrl(feed, 'http://evil.example/x.exe'))).toBe('insecure_download');
    expect(reason(() => secureFileUrl(feed, '//evil.example/x.exe'))).toBe('accepted');
  });

  it('orders plain x.y.z versions by number; anything else is never newer', () => {
    expect(isNewerVersion('1.10.0', '1.9.3')).toBe(true);
    expect(isNewerVersion('2.0.0', '1.99.99')).toBe(true);
    expect(isNewerVersion('1.2.0', '1.2.0')).toBe(false);
    expect(isNewerVersion('1.1.9', '1.2.0')).toBe(false);
    expect(isNewerVersion('1.3.0', '1.2.0-dev.4')).toBe(true);
    for (const odd of ['1.3.0-beta', 'v1.3.0', '01.3.0', '1.3', ''] as const)
      expect(isNewerVersion(odd, '1.2.0'), odd).toBe(false);
  });
});

describe('shell-logic: reading the signed files', () => {
  const serve =
    (body: string, status = 200, headers: Record<string, string> = {}) =>
    async () =>
      new Response(body, { status, headers });
  const url = new URL('https://updates.hall.example/release.json');

  it('reads a small reply whole, refuses one over the limit (declared or streamed) and any status but 200', async () => {
    expect(new TextDecoder().decode(await fetchBounded(serve('{"a":1}'), url, 100))).toBe('{"a":1}');
    await expect(fetchBounded(serve('x'.repeat(101)), url, 100)).rejects.toThrow(/more than 100 bytes/);
    await expect(fetchBounded(serve('x', 200, { 'content-length': '5000' }), url, 100)).rejects.toThrow(/at most 100/);
    await expect(fetchBounded(serve('gone', 404), url, 100)).rejects.toThrow(/404/);
  });

  it('asks for no redirects (a redirect could lead to plain http)', async () => {
    const seen: (RequestInit | undefined)[] = [];
    await fetchBounded(
      async (_input, init) => {
        seen.push(init);
        return new Response('ok');
      },
      url,
      10,
    );
    expect(seen[0]?.redirect).toBe('error');
  });
});
