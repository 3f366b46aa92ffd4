import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { operations } from '../../../contracts/api';
import type { HallEvent } from '../../../contracts/events';
import { HostError } from '../../../host/errors/host-error';
import { EventBus } from '../../../host/events/event-bus';
import { HallClient } from '../../../host/hall-link/hall-client';
import { HallLink } from '../../../host/hall-link/hall-link';
import { writeLinkCredentials } from '../../../host/hall-link/link-credentials';
import { TerminalSettingsStore } from '../../../host/settings/terminal-settings';
import { openDatabase } from '../../../db/open';
import { migrationsDir } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/** A misbehaving "hall" on a real socket: every answer is whatever the test says. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
};

describe('calls from a secondary host to its hall', () => {
  const clientOf = (url: string, timeoutMs = 2_000) => new HallClient({ baseUrl: url, token: 't'.repeat(43), timeoutMs });
  const hall = async (status: number, body: string, contentType = 'application/json') => {
    const { server, url } = await listen((_req, res) => res.writeHead(status, { 'content-type': contentType }).end(body));
    servers.push(server);
    return clientOf(url);
  };

  it('pass the hall’s own refusals through with their codes', async () => {
    const client = await hall(409, JSON.stringify({ error: { code: 'duplicate_ticket', message: '您已取过该事项的号' } }));
    const error = await failure(
      client.call(operations.terminalIssueTicket, { body: { serviceCode: 'business-startup', caller: null } }),
    );
    expect([error.code, error.httpStatus, error.message]).toEqual(['duplicate_ticket', 409, '您已取过该事项的号']);
  });

  it('turn a refused token into hall_unpaired', async () => {
    const client = await hall(401, JSON.stringify({ error: { code: 'terminal_unpaired', message: 'x' } }));
    expect((await failure(client.call(operations.services, {}))).code).toBe('hall_unpaired');
  });

  it('turn garbage, an HTML error page, a wrong shape, a closed port and silence into hall_unreachable', async () => {
    expect((await failure((await hall(200, '{"ok":')).call(operations.services, {}))).code).toBe('hall_unreachable');
    expect((await failure((await hall(502, '<h1>Bad gateway</h1>', 'text/html')).call(operations.services, {}))).code).toBe(
      'hall_unreachable',
    );
    expect((await failure((await hall(200, '{"ok":"yes"}')).call(operations.services, {}))).code).toBe('hall_unreachable');
    // A port nobody listens on.
    const closed = await listen(() => undefined);
    await new Promise((resolve) => closed.server.close(resolve));
    expect((await failure(clientOf(closed.url).call(operations.services, {}))).code).toBe('hall_unreachable');
    // A hall that accepts the request and never answers.
    const silent = await listen(() => undefined);
    servers.push(silent.server);
    expect((await failure(clientOf(silent.url, 300).call(operations.services, {}))).code).toBe('hall_unreachable');
  });
});

describe('the hall’s event stream on a secondary host', () => {
  it('relays the hall’s queue events, drops unreadable messages and the hall’s own device events', async () => {
    const { server, url } = await listen((_req, res) => res.writeHead(404).end());
    servers.push(server);
    const sockets = new WebSocketServer({ server });
    const token = 'secondary-token-'.padEnd(43, 'x');
    const call = {
      ticketId: 7,
      ticketNumber: 'A007',
      serviceCode: 'consulting',
      serviceName: '咨询',
      windowNumber: 2,
      windowName: '综合受理 2',
      calledAt: new Date().toISOString(),
      recall: 0,
    };
    sockets.on('connection', (socket, req) => {
      if (req.headers['x-terminal-token'] !== token) return socket.close();
      socket.send(JSON.stringify({ type: 'hello', seq: 0, bootId: 'boot-1' }));
      socket.send('not json at all');
      socket.send(JSON.stringify({ type: 'ticket.called', seq: 1 })); // no call, no time
      socket.send(
        JSON.stringify({
          type: 'device.status',
          seq: 2,
          at: new Date().toISOString(),
          deviceId: 'printer-1',
          state: 'paper-end',
        }),
      );
      socket.send(JSON.stringify({ type: 'ticket.called', seq: 3, at: new Date().toISOString(), call }));
    });

    const db = openDatabase(':memory:', { migrationsDir, synchronous: 'FULL' });
    const clock = { now: () => new Date() };
    const bus = new EventBus();
    const settings = new TerminalSettingsStore({ db, clock, bus, seed: { hallUrl: url } });
    writeLinkCredentials(
      db,
      {
        hallUrl: url,
        terminalId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
        token,
        hall: { hallId: 'hall-01', hallName: '测试大厅', queueKey: 'k'.repeat(43) },
        pairedAt: new Date().toISOString(),
        caCertificate: null,
      },
      new Date().toISOString(),
    );
    const events: HallEvent[] = [];
    bus.subscribe((e) => events.push(e));
    const link = new HallLink({ db, clock, bus, settings });
    link.start();
    try {
      await waitFor(() => events.find((e) => e.type === 'ticket.called'), 'the call relayed');
      expect(link.current()).toMatchObject({ state: 'online', hallName: '测试大厅' });
      expect(events.map((e) => e.type).filter((t) => t !== 'hall.link')).toEqual(['ticket.called']);
    } finally {
      link.stop();
      sockets.close();
      db.close();
    }
  });
});
