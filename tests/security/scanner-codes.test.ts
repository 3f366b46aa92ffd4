import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EventStreamMessage } from '../../contracts/events';
import { ScannerDevice } from '../../host/devices/scanner-device';
import { testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { pairTerminal } from './support';

/**
 * A scanner at the kiosk reads what a citizen holds under it: an appointment code, a case
 * number, a ticket's QR. Those codes are for the kiosk page serving that citizen. Sent to every
 * event stream, a hall TV, a paired counter browser or a second `/kiosk` page (a laptop on the
 * Wi-Fi) would collect them, and could check in or follow someone else's case. Only the stream
 * of the page holding the kiosk seat receives a scan; the others learn only that the scanner
 * read something (the technician's device test).
 */
let host: TestHost;
let port: number;

beforeAll(async () => {
  host = await startTestHost({
    config: {
      staff: await testStaffSeeds(),
      devices: [{ id: 'scanner-1', kind: 'scanner', transport: { type: 'simulated' } }],
    },
  });
  await host.app.listen({ host: '127.0.0.1', port: 0 });
  const address = host.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  port = address.port;
});
afterAll(async () => host.dispose());

interface Stream {
  messages: EventStreamMessage[];
  scans(): string[];
  close(): void;
}

/** An unconnected socket that says it came from `address`: another machine, as the host sees it. */
function peerAt(address: string): Socket {
  return Object.defineProperty(new Socket(), 'remoteAddress', { value: address });
}

/**
 * An event stream as a page opens it; resolves once the host said hello (and the seat, for a kiosk
 * page). `fromAddress`: a page on another machine, injected with that peer address (tests send
 * no traffic to any address but the loopback's).
 */
async function open(query: string, fromAddress?: string, terminalToken?: string): Promise<Stream> {
  const messages: EventStreamMessage[] = [];
  const listen = (socket: WebSocket) =>
    socket.on('message', (data: WebSocket.RawData) => messages.push(JSON.parse(String(data)) as EventStreamMessage));
  let socket: WebSocket;
  if (fromAddress === undefined) {
    socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/events${query}`);
    listen(socket);
  } else {
    // Listening from onInit: the host says hello as soon as the socket opens.
    socket = await host.app.injectWS(
      `/api/v1/events${query}`,
      {
        socket: peerAt(fromAddress),
        headers: { host: 'localhost', ...(terminalToken === undefined ? {} : { 'x-terminal-token': terminalToken }) },
      },
      { onInit: listen },
    );
  }
  await waitFor(() => (messages.some((m) => m.type === 'hello') ? true : undefined), 'hello');
  if (query.includes('kioskPage')) await waitFor(() => (messages.some((m) => m.type === 'seat') ? true : undefined), 'seat');
  return {
    messages,
    scans: () => messages.flatMap((m) => (m.type === 'scanner.scanned' ? [m.code] : [])),
    close: () => socket.close(),
  };
}

const scan = (code: string) => host.devices.simulatorsOf(ScannerDevice)[0]?.simulator?.scan(code);

describe('scanner codes reach only the kiosk page holding the seat', () => {
  it('a page on another machine naming itself a kiosk page never gets the seat', async () => {
    // No kiosk page of this machine is connected: the seat is free for the taking. The intruder is
    // a paired hall TV (an unpaired machine gets no event stream at all).
    const intruder = await open(
      `?kioskPage=${randomUUID()}`,
      '192.0.2.17',
      await pairTerminal(host.app, 'display', '192.0.2.17'),
    );
    try {
      expect(intruder.messages).toContainEqual({ type: 'seat', granted: false });
      scan('YY20261127-0009');
      const read = await waitFor(() => intruder.messages.find((m) => m.type === 'scanner.read'), 'scanner.read');
      expect(read).toMatchObject({ length: 'YY20261127-0009'.length });
      expect(intruder.scans()).toEqual([]);
    } finally {
      intruder.close();
    }
  });

  it('the seat holder gets the code; a display, a second kiosk page and a replay do not', async () => {
    const kiosk = await open(`?kioskPage=${randomUUID()}`);
    const secondKiosk = await open(`?kioskPage=${randomUUID()}`);
    const display = await open('');
    try {
      expect(kiosk.messages).toContainEqual({ type: 'seat', granted: true });
      expect(secondKiosk.messages).toContainEqual({ type: 'seat', granted: false });

      scan('YY20261127-0001');
      await waitFor(() => (kiosk.scans().length > 0 ? true : undefined), 'the kiosk got its scan');
      // A later event that every stream receives: by then a scan would have arrived too.
      host.bus.publish({ type: 'notices.changed' });
      for (const other of [secondKiosk, display]) {
        await waitFor(() => (other.messages.some((m) => m.type === 'notices.changed') ? true : undefined), 'notices');
      }

      expect(kiosk.scans()).toEqual(['YY20261127-0001']);
      expect(secondKiosk.scans()).toEqual([]);
      expect(display.scans()).toEqual([]);
      // A page reconnecting with ?since= replays what it missed, never a scan.
      const late = await open(`?since=0&bootId=${host.bus.bootId}`);
      await waitFor(() => (late.messages.some((m) => m.type === 'notices.changed') ? true : undefined), 'replay');
      expect(late.scans()).toEqual([]);
      late.close();
    } finally {
      kiosk.close();
      secondKiosk.close();
      display.close();
    }
  });

  it('every stream hears that the scanner read something, without the code (the technician’s device test)', async () => {
    const display = await open('');
    try {
      scan('RECEIPT-2026-000123');
      const read = await waitFor(() => display.messages.find((m) => m.type === 'scanner.read'), 'scanner.read');
      expect(read).toMatchObject({ type: 'scanner.read', deviceId: 'scanner-1', length: 'RECEIPT-2026-000123'.length });
      expect(JSON.stringify(display.messages)).not.toContain('RECEIPT-2026-000123');
    } finally {
      display.close();
    }
  });
});
