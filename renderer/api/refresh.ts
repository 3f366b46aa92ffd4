import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Refetches after a hall event. A plain refetch while a query's first load is
 * still in flight joins that load, whose answer may predate the event (seen:
 * a card read while the kiosk's first /identity request was on the wire left
 * the kiosk on the attract screen). Cancelling first makes the new request
 * start after the event, so the screen always converges on the host's state.
 */
export async function refreshAfterEvent(client: QueryClient, queryKey?: QueryKey): Promise<void> {
  const filters = queryKey ? { queryKey } : {};
  await client.cancelQueries(filters);
  await client.invalidateQueries(filters);
}
