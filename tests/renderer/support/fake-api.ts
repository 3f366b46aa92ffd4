import { type ApiClient, createApiClient } from '../../../renderer/api/client';

/**
 * A typed fake of the renderer's API client: each test hands in the methods its screen needs
 * (typed as the real client's); any other method refuses with an error naming it, as a host
 * that is not there would. The method list comes from the real client, so a new method is
 * covered without touching this file.
 */
export function fakeApi(overrides: Partial<ApiClient> = {}): ApiClient {
  const fake: Record<string, unknown> = {};
  for (const name of Object.keys(createApiClient('http://fake-host.invalid')))
    fake[name] = () => Promise.reject(new Error(`fake API: ${name} was not given to this test`));
  // The one synchronous method: it only tags later requests.
  fake.setKioskPage = () => undefined;
  return { ...fake, ...overrides } as ApiClient;
}
