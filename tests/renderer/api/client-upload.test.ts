import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError, createApiClient } from '../../../renderer/api/client';

describe('the API client uploading a captured page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends the JPEG as it is, typed image/jpeg, and reads the page id', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        sent.push({ url, init });
        return Promise.resolve(Response.json({ pageId: '6c7d2f0e-8f8e-4a4b-9d61-0c1f3a4b5c6d' }, { status: 201 }));
      }),
    );
    const api = createApiClient('http://kiosk');
    api.setKioskPage('page-1');
    const page = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' });
    await expect(api.uploadMaterialPage(page)).resolves.toEqual({ pageId: '6c7d2f0e-8f8e-4a4b-9d61-0c1f3a4b5c6d' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('http://kiosk/api/v1/cases/pages');
    expect(sent[0]?.init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'x-kiosk-page': 'page-1' },
      body: page,
    });
  });

  it('refuses a page over 1 MiB without sending it, and reads the host’s typed refusals', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(Response.json({ error: { code: 'page_not_jpeg', message: '材料照片不是 JPEG 图片' } }, { status: 400 })),
    );
    vi.stubGlobal('fetch', fetch);
    const api = createApiClient('http://kiosk');
    const tooLarge = api.uploadMaterialPage(new Blob([new Uint8Array(1024 * 1024 + 1)]));
    await expect(tooLarge).rejects.toMatchObject({ code: 'body_too_large' });
    expect(fetch).not.toHaveBeenCalled();
    const refused = api.uploadMaterialPage(new Blob([new Uint8Array([1, 2, 3])]));
    await expect(refused).rejects.toBeInstanceOf(ApiClientError);
    await expect(refused).rejects.toMatchObject({ code: 'page_not_jpeg' });
  });
});
