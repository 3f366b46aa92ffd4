import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../support/test-host';

let host: TestHost | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  await host?.dispose();
  host = undefined;
});

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.on('error', reject);
    sockets.push(socket);
  });
}

describe('closing the host', () => {
  // A restart (the technician's, the Electron shell's, a kiosk's nightly one) must not hang on a
  // browser's half-sent request until Node's 60 s header timeout.
  it('finishes with a half-sent request still open: the connection is cut after a short grace', { timeout: 15_000 }, async () => {
    host = await startTestHost();
    const address = await host.app.listen({ host: '127.0.0.1', port: 0 });
    const socket = await openSocket(Number(new URL(address).port));
    socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers never finished
    const cut = new Promise<void>((resolve) => socket.once('close', () => resolve()));

    await host.close();
    await cut;
    expect(socket.destroyed).toBe(true);
  });
});
