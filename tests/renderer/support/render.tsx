import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ApiClient } from '../../../renderer/api/client';
import { ApiProvider } from '../../../renderer/api/context';
import { HallEventsContext } from '../../../renderer/api/use-hall-events';
import { type FakeEvents, fakeEvents } from './fake-events';

export interface Rendered extends RenderResult {
  events: FakeEvents;
  queryClient: QueryClient;
}

/**
 * Renders a screen as main.tsx does (API client, queries), with the fake client and a fake
 * event stream. Queries do not retry: a refusal shows at once, as the test means it.
 */
export function renderScreen(ui: ReactNode, api: ApiClient, events: FakeEvents = fakeEvents()): Rendered {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const result = render(
    <ApiProvider client={api}>
      <HallEventsContext.Provider value={events.subscribe}>
        <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
      </HallEventsContext.Provider>
    </ApiProvider>,
  );
  return { ...result, events, queryClient };
}
