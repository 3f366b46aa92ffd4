import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadMaterialPageResponse } from '../../../contracts/cases';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';
import { ManualClock } from '../sync/support';

/** A JPEG-looking page: the host reads only its first bytes. */
const page = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 7)]);

describe('the host as built: material pages follow the card session', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ clock: new ManualClock() });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const held = () => (host.db.prepare('SELECT count(*) AS n FROM material_pages').get() as { n: number }).n;
  const upload = async () => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases/pages',
      headers: { 'content-type': 'image/jpeg' },
      payload: page,
    });
    expect(res.statusCode).toBe(201);
    return UploadMaterialPageResponse.parse(res.json()).pageId;
  };

  it('deletes the pages a visit captured when the citizen takes the card, and those a crash left at the next start', async () => {
    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'card read');
    await upload();
    await upload();
    expect(held()).toBe(2);
    host.devices.placeSimulatedCard(null);
    await waitFor(() => (held() === 0 ? true : undefined), 'the card to be taken and its pages deleted');

    host.devices.placeSimulatedCard('zhangSan');
    await waitFor(() => host.identity.view() ?? undefined, 'card read again');
    await upload();
    // The host stops with the visit under way (a power cut would do the same): the page is still there…
    const { dataDir } = host;
    await host.close();
    // …until the host starts again on the same files, with no card session alive.
    host = await startTestHost({ clock: new ManualClock(), dataDir });
    expect(held()).toBe(0);
  });
});
