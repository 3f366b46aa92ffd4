import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventStreamMessage } from '../../../contracts/events';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/** A real WebSocket client (Node's global) against the listening host. */
function connect(url: string) {
  const messages: EventStreamMessage[] = [];
  const socket = new WebSocket(url);
  socket.onmessage = (m) => messages.push(EventStreamMessage.parse(JSON.parse(String(m.data))));
  const opened = new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('socket error'));
  });
  return { socket, messages, opened };
}

describe('/api/v1/events', () => {
  let host: TestHost;
  let base: string;
  beforeEach(async () => {
    host = await startTestHost();
    const address = await host.app.listen({ host: '127.0.0.1', port: 0 });
    base = address.replace('http', 'ws');
  });
  afterEach(async () => {
    await host.dispose();
  });

  const issue = () =>
    host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode: 'consulting', withIdentity: false } });

  it('says hello with the boot id and streams events live, in seq order', async () => {
    const client = connect(`${base}/api/v1/events`);
    await client.opened;
    await waitFor(() => client.messages[0], 'hello');
    await issue();
    await waitFor(() => (client.messages.length >= 3 ? true : undefined), 'events');
    const [hello, ...events] = client.messages;
    expect(hello).toMatchObject({ type: 'hello', bootId: host.bus.bootId });
    expect(events.map((e) => e.type)).toEqual(['ticket.issued', 'queue.counts']);
    const seqs = events.map((e) => ('seq' in e ? e.seq : -1));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    client.socket.close();
  });

  it('tells the first kiosk page it is the kiosk, a second one it is not, and hands over when the first closes', async () => {
    const seatOf = (c: ReturnType<typeof connect>) => c.messages.filter((m) => m.type === 'seat').map((m) => m.granted);
    const first = connect(`${base}/api/v1/events?kioskPage=${crypto.randomUUID()}`);
    await first.opened;
    await waitFor(() => (seatOf(first).length > 0 ? true : undefined), 'first seat');
    const secondPage = crypto.randomUUID();
    const second = connect(`${base}/api/v1/events?kioskPage=${secondPage}`);
    await second.opened;
    await waitFor(() => (seatOf(second).length > 0 ? true : undefined), 'second seat');
    expect(seatOf(first)).toEqual([true]);
    expect(seatOf(second)).toEqual([false]);
    // The second page can neither end the citizen's visit nor see who it is.
    const refused = await host.app.inject({
      method: 'POST',
      url: '/api/v1/identity/end',
      headers: { 'x-kiosk-page': secondPage },
    });
    expect(refused.json()).toMatchObject({ error: { code: 'kiosk_seat_taken' } });
    // A screen that is no kiosk page asks for no seat.
    const display = connect(`${base}/api/v1/events`);
    await display.opened;
    await waitFor(() => display.messages[0], 'display hello');

    first.socket.close();
    await waitFor(() => (seatOf(second).length > 1 ? true : undefined), 'hand-over');
    expect(seatOf(second)).toEqual([false, true]);
    const ended = await host.app.inject({ method: 'POST', url: '/api/v1/identity/end', headers: { 'x-kiosk-page': secondPage } });
    expect(ended.statusCode).toBe(200);
    expect(seatOf(display)).toEqual([]);
    second.socket.close();
    display.socket.close();
  });

  it('replays what a reconnecting screen missed, and asks a screen from another boot to resync', async () => {
    await issue();
    const seenUpTo = host.bus.lastSeq;
    await issue(); // missed while "disconnected"
    const again = connect(`${base}/api/v1/events?since=${seenUpTo}&bootId=${host.bus.bootId}`);
    await again.opened;
    await waitFor(() => (again.messages.length >= 3 ? true : undefined), 'replay');
    expect(again.messages.slice(1).map((m) => m.type)).toEqual(['ticket.issued', 'queue.counts']);
    again.socket.close();

    const stranger = connect(`${base}/api/v1/events?since=5&bootId=some-earlier-boot`);
    await stranger.opened;
    await waitFor(() => (stranger.messages.length >= 2 ? true : undefined), 'resync');
    expect(stranger.messages[1]).toMatchObject({ type: 'resync', seq: host.bus.lastSeq });
    stranger.socket.close();
  });
});
