import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import type { HallEvent } from '../../../contracts/events';
import { openDatabase, type Db } from '../../../db/open';
import { installErrorHandling } from '../../../host/api/errors';
import { EventBus } from '../../../host/events/event-bus';
import { StorageMonitor, storageFailureOf } from '../../../host/storage/storage-monitor';
import { ManualClock } from '../sync/support';
import { migrationsDir } from '../../support/test-host';
import { waitFor } from '../../support/wait';

const sqliteError = (code: string) => new Database.SqliteError(`${code} (made in the test)`, code);

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function monitorOn(probeIntervalMs = 5000) {
  const db = openDatabase(':memory:', { migrationsDir });
  open.push(db);
  const bus = new EventBus();
  const events: HallEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const monitor = new StorageMonitor({ db, clock: new ManualClock(), bus, probeIntervalMs });
  return { db, monitor, events };
}

describe('storageFailureOf: what a better-sqlite3 error code says about the storage', () => {
  it('full, read-only, failing and corrupt from the primary and extended codes; anything else is no storage failure', () => {
    expect(storageFailureOf(sqliteError('SQLITE_FULL'))).toBe('full');
    expect(storageFailureOf(sqliteError('SQLITE_READONLY'))).toBe('read-only');
    expect(storageFailureOf(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('read-only');
    expect(storageFailureOf(sqliteError('SQLITE_IOERR'))).toBe('failing');
    expect(storageFailureOf(sqliteError('SQLITE_IOERR_WRITE'))).toBe('failing');
    expect(storageFailureOf(sqliteError('SQLITE_IOERR_FSYNC'))).toBe('failing');
    expect(storageFailureOf(sqliteError('SQLITE_CANTOPEN'))).toBe('failing');
    expect(storageFailureOf(sqliteError('SQLITE_CORRUPT'))).toBe('corrupt');
    expect(storageFailureOf(sqliteError('SQLITE_CORRUPT_INDEX'))).toBe('corrupt');
    expect(storageFailureOf(sqliteError('SQLITE_NOTADB'))).toBe('corrupt');
    for (const other of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_BUSY', 'SQLITE_ERROR', 'SQLITE_READONLYX'])
      expect(storageFailureOf(sqliteError(other))).toBeNull();
    expect(storageFailureOf(new Error('plain'))).toBeNull();
    expect(storageFailureOf(Object.assign(new Error('disk'), { code: 'ENOSPC' }))).toBeNull();
    expect(storageFailureOf('SQLITE_FULL')).toBeNull();
  });
});

describe('StorageMonitor', () => {
  it('goes to the failure once (one event), stays there while the probe write fails, and back to ok when it succeeds', () => {
    const { db, monitor, events } = monitorOn();
    expect(monitor.current().state).toBe('ok');
    // A real read-only refusal on this connection: the probe's scratch write fails too.
    db.pragma('query_only = ON');
    expect(monitor.observe(sqliteError('SQLITE_READONLY'))).toBe(true);
    expect(monitor.observe(sqliteError('SQLITE_READONLY'))).toBe(true);
    expect(monitor.current().state).toBe('read-only');
    expect(monitor.probe()).toBe('read-only');
    db.pragma('query_only = OFF');
    expect(monitor.probe()).toBe('ok');
    expect(events.map((e) => (e.type === 'storage.status' ? e.state : e.type))).toEqual(['read-only', 'ok']);
    // The probe leaves nothing behind.
    expect(db.prepare('SELECT count(*) AS n FROM storage_probe').get()).toEqual({ n: 0 });
    monitor.stop();
  });

  it('a probe of a database at its size limit fails with full, as a real write would', () => {
    const { db, monitor } = monitorOn();
    // At its limit means no free page left either: migrations that rebuild a table leave freed
    // pages behind, which a write (and so the probe) would fill before growing the file.
    db.exec('VACUUM');
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    monitor.observe(sqliteError('SQLITE_FULL'));
    expect(monitor.probe()).toBe('full');
    db.pragma('max_page_count = 1073741823');
    expect(monitor.probe()).toBe('ok');
    monitor.stop();
  });

  it('other errors are not recorded and leave the state alone', () => {
    const { monitor, events } = monitorOn();
    expect(monitor.observe(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(monitor.observe(new Error('bug'))).toBe(false);
    expect(monitor.current().state).toBe('ok');
    expect(events).toEqual([]);
  });

  it('probes by itself on its interval after a failure and recovers without anyone asking', async () => {
    const { db, monitor } = monitorOn(20);
    db.pragma('query_only = ON');
    monitor.observe(sqliteError('SQLITE_READONLY'));
    db.pragma('query_only = OFF');
    await waitFor(() => (monitor.current().state === 'ok' ? true : undefined), 'the periodic probe to recover', 5_000);
    monitor.stop();
  });

  it('the API error handler answers any route whose write hit a storage failure with 503 storage_unavailable', async () => {
    const { monitor } = monitorOn();
    const app = Fastify();
    installErrorHandling(app, { storage: monitor });
    app.post('/io', async () => {
      throw sqliteError('SQLITE_IOERR_WRITE');
    });
    app.post('/constraint', async () => {
      throw sqliteError('SQLITE_CONSTRAINT_UNIQUE');
    });
    const io = await app.inject({ method: 'POST', url: '/io' });
    expect(io.statusCode).toBe(503);
    expect(ApiError.parse(io.json())).toEqual({
      error: { code: 'storage_unavailable', message: expect.any(String) as string, details: { state: 'failing' } },
    });
    expect(monitor.current().state).toBe('failing');
    // Not a storage failure: the usual 500, and the state is not touched by it.
    const other = await app.inject({ method: 'POST', url: '/constraint' });
    expect(other.statusCode).toBe(500);
    expect(ApiError.parse(other.json()).error.code).toBe('internal');
    await app.close();
    monitor.stop();
  });
});
