import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { operations } from '../../contracts/api';
import { openDatabase } from '../../db/open';
import { enqueue, entryById } from '../../db/repositories/outbox';
import { CentralExtrasClient } from '../../host/cases/central-extras';
import { HostError } from '../../host/errors/host-error';
import { EventBus } from '../../host/events/event-bus';
import { HallClient } from '../../host/hall-link/hall-client';
import { HallLink } from '../../host/hall-link/hall-link';
import { writeLinkCredentials } from '../../host/hall-link/link-credentials';
import { TerminalSettingsStore } from '../../host/settings/terminal-settings';
import { CentralClient } from '../../host/sync/central-client';
import { SyncEngine } from '../../host/sync/sync-engine';
import { migrationsDir } from '../support/test-host';
import { waitFor } from '../support/wait';
import { sampleCase } from '../platform/support/platform';

/**
 * A malicious (or broken) central API or hall host answers with an endless body. Read whole
 * with `response.json()`, it fills the host's memory until the process dies: the queue, the
 * kiosks and the counters go with it. Each reply is read with a byte cap instead; past the cap
 * the connection is dropped and the call fails like an unreachable server (retried later).
 */
const MiB = 1024 * 1024;
/** The hostile server stops by itself after this much, so a run on unbounded code ends too. */
const SERVER_TOTAL = 200 * MiB;

interface Hostile {
  url: string;
  /** Bytes the server managed to write before the client hung up. */
  sent(): number;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Streams `[0,0,0,…` (valid JSON so far, never finished) until the client goes away or 200 MiB. */
async function endlessServer(options: { declareLength?: boolean } = {}): Promise<Hostile> {
  let sent = 0;
  const chunk = Buffer.from('0,'.repeat(32 * 1024));
  const handler = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(options.declareLength === true ? { 'content-length': String(SERVER_TOTAL) } : {}),
    });
    res.write('[');
    const pump = () => {
      while (!res.destroyed && sent < SERVER_TOTAL) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  };
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent };
}

/** What the socket buffers hold besides the cap: the client stops reading, the kernel and undici still take some. */
const SLACK = 8 * MiB;

describe('replies read from the central API and the hall are bounded', () => {
  it('a central API reply streaming forever fails as retryable once past its cap, and the download stops', async () => {
    const hostile = await endlessServer();
    const client = new CentralClient({ baseUrl: hostile.url, token: 'token', timeoutMs: 60_000 });
    const before = process.memoryUsage().rss;
    const result = await client.changes('0');
    expect(result).toMatchObject({ ok: false, kind: 'retryable', status: 200 });
    expect(result.ok ? '' : result.message).toMatch(/too large/);
    expect(hostile.sent()).toBeLessThan(1 * MiB + SLACK);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * MiB);
  });

  it('a central API reply declaring a length over the cap is refused before its body is read', async () => {
    const hostile = await endlessServer({ declareLength: true });
    const client = new CentralExtrasClient({ baseUrl: hostile.url, token: 'token', timeoutMs: 60_000 });
    const result = await client.catalog(null);
    expect(result).toMatchObject({ ok: false, kind: 'retryable', status: 200 });
    expect(result.ok ? '' : result.message).toMatch(/too large/);
    expect(hostile.sent()).toBeLessThan(SLACK);
  });

  it('a hall reply streaming forever fails with hall_unreachable, and the download stops', async () => {
    const hostile = await endlessServer();
    const client = new HallClient({ baseUrl: hostile.url, token: 't'.repeat(43), timeoutMs: 60_000 });
    const error = await client.call(operations.services, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect([(error as HostError).code, (error as HostError).message]).toEqual([
      'hall_unreachable',
      expect.stringMatching(/过大/) as unknown,
    ]);
    expect(hostile.sent()).toBeLessThan(4 * MiB + SLACK);
  });
});

describe('an oversized central reply loses nothing', () => {
  it('a case whose delivery gets an endless reply stays in the outbox, to be retried later', async () => {
    const hostile = await endlessServer();
    const db = openDatabase(':memory:', { migrationsDir, synchronous: 'FULL' });
    const clock = { now: () => new Date() };
    try {
      const id = db.transaction(
        () =>
          enqueue(db, { kind: 'case', recordId: 'case-1', orderingKey: 'case-1', payload: sampleCase(), now: clock.now() }).id,
      )();
      const client = new CentralClient({ baseUrl: hostile.url, token: 'token', timeoutMs: 60_000 });
      const engine = new SyncEngine({ db, client, clock });
      expect(await engine.drainOnce()).toMatchObject({ delivered: 0, retried: 1 });
      const entry = entryById(db, id);
      expect(entry).toMatchObject({ state: 'pending', attempts: 1 });
      expect(entry?.lastError).toMatch(/too large/);
      expect(Date.parse(entry?.nextAttemptAt ?? '')).toBeGreaterThan(clock.now().getTime() - 1);
      expect(hostile.sent()).toBeLessThan(64 * 1024 + SLACK);
    } finally {
      db.close();
    }
  });
});

describe('the hall’s event stream is bounded', () => {
  it('a hall event message of 8 MiB closes the socket (1009) instead of being held and parsed', async () => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sockets = new WebSocketServer({ server });
    const closeCodes: number[] = [];
    sockets.on('connection', (socket) => {
      socket.on('close', (code) => closeCodes.push(code));
      socket.send(JSON.stringify({ type: 'hello', seq: 0, bootId: 'boot-1' }));
      socket.send(JSON.stringify({ type: 'notice', padding: 'x'.repeat(8 * MiB) }));
    });
    const db = openDatabase(':memory:', { migrationsDir, synchronous: 'FULL' });
    const clock = { now: () => new Date() };
    const bus = new EventBus();
    const settings = new TerminalSettingsStore({ db, clock, bus, seed: { hallUrl: url } });
    const now = new Date().toISOString();
    const hall = { hallId: 'hall-01', hallName: '测试大厅', queueKey: 'k'.repeat(43) };
    writeLinkCredentials(
      db,
      {
        hallUrl: url,
        terminalId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b',
        token: 't'.repeat(43),
        hall,
        pairedAt: now,
        caCertificate: null,
      },
      now,
    );
    const link = new HallLink({ db, clock, bus, settings });
    link.start();
    try {
      await waitFor(() => (closeCodes.length > 0 ? closeCodes : undefined), 'the kiosk dropped the socket');
      expect(closeCodes[0]).toBe(1009);
    } finally {
      link.stop();
      sockets.close();
      db.close();
    }
  });
});
