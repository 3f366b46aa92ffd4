import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostClient, type FetchLike } from '../../electron/host-client';
import { choosePort, freePort, hostArgs, hostEnv, newShellToken, portFree } from '../../electron/host-launch';
import { printCaseReceipt, prunePdfs, type PrintablePage } from '../../electron/receipt-printing';
import { SHELL_HEADER } from '../../host/lan/shell-guard';

const CASE_ID = '0b9e4d0e-8f5c-4e0a-9a39-3f4c2d8b7a61';

/** Stands in for the hidden print window (no Electron binary here). */
function fakePage(o: { loads?: boolean; renders?: boolean; prints?: boolean } = {}) {
  const log: string[] = [];
  const page: PrintablePage = {
    load: async (url) => {
      log.push(`load ${url}`);
      if (o.loads === false) throw new Error('ERR_CONNECTION_REFUSED');
    },
    rendered: async () => o.renders ?? true,
    printToPdf: async () => new TextEncoder().encode('%PDF-1.7 receipt'),
    print: async (device) => {
      log.push(`print ${device}`);
      return { success: o.prints ?? true, failureReason: o.prints === false ? 'Print job failed' : '' };
    },
    close: () => log.push('close'),
  };
  return { page, log };
}

describe('shell-logic: A4 receipt printing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-receipts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const print = (printer: string | null, page: PrintablePage) =>
    printCaseReceipt({
      caseId: CASE_ID,
      hostOrigin: 'http://127.0.0.1:7300',
      printer,
      pdfDir: join(dir, 'receipts'),
      openPage: () => page,
    });

  it('loads the case page, saves a PDF, prints silently on the named printer, closes the window', async () => {
    const { page, log } = fakePage();
    expect(await print('HP_LaserJet_A4', page)).toEqual({
      printed: true,
      pdfSaved: true,
      printer: 'HP_LaserJet_A4',
      reason: null,
    });
    expect(log).toEqual([`load http://127.0.0.1:7300/case/${CASE_ID}`, 'print HP_LaserJet_A4', 'close']);
    expect(readFileSync(join(dir, 'receipts', `${CASE_ID}.pdf`), 'utf8')).toBe('%PDF-1.7 receipt');
  });

  it('saves the PDF only when no printer is set, and says why nothing printed', async () => {
    const { page, log } = fakePage();
    expect(await print(null, page)).toEqual({ printed: false, pdfSaved: true, printer: null, reason: 'no_printer' });
    expect(log.at(-1)).toBe('close');
  });

  it('reports a page that did not load or render, and a failed print, always closing the window', async () => {
    const notLoaded = fakePage({ loads: false });
    expect(await print('P', notLoaded.page)).toMatchObject({ printed: false, pdfSaved: false, reason: 'load_failed' });
    expect(notLoaded.log.at(-1)).toBe('close');
    const blank = fakePage({ renders: false });
    expect(await print('P', blank.page)).toMatchObject({ printed: false, reason: 'load_failed' });
    const jammed = fakePage({ prints: false });
    expect(await print('P', jammed.page)).toMatchObject({ printed: false, pdfSaved: true, reason: 'print_failed' });
  });

  it('keeps saved receipts 30 days', () => {
    const old = join(dir, 'old.pdf');
    const recent = join(dir, 'recent.pdf');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const now = Date.now();
    utimesSync(old, new Date(now - 31 * 86_400_000), new Date(now - 31 * 86_400_000));
    expect(prunePdfs(dir, now)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});

describe('shell-logic: launching and asking the host', () => {
  it('passes the environment, the port, the data folder and the config file, and the token only in the environment', () => {
    // A packaged app runs a production host (demo values refused); the development binary the demo.
    expect(hostArgs({ packaged: true, port: 7300, dataDir: '/home/k/.config/hall-kiosk' })).toEqual([
      '--env',
      'production',
      '--port',
      '7300',
      '--data-dir',
      '/home/k/.config/hall-kiosk',
    ]);
    expect(hostArgs({ packaged: false, port: 7301, dataDir: '/d', configFile: '/etc/hall.json' })).toEqual([
      '--env',
      'demo',
      '--port',
      '7301',
      '--data-dir',
      '/d',
      '--config',
      '/etc/hall.json',
    ]);
    const env = hostEnv({ PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1', EMPTY: undefined }, { token: 't', version: '1.0.0' });
    expect(env).toEqual({ PATH: '/usr/bin', HALL_SHELL_TOKEN: 't', npm_package_version: '1.0.0' });
  });

  it('makes a fresh, unguessable token each boot', () => {
    const a = newShellToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newShellToken()).not.toBe(a);
  });

  it('keeps the configured port when it is free, takes a free loopback port when it is not', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const address = taken.address();
    const takenPort = typeof address === 'object' && address !== null ? address.port : 0;
    expect(await portFree(takenPort)).toBe(false);
    const other = await choosePort(takenPort);
    expect(other.preferred).toBe(false);
    expect(other.port).not.toBe(takenPort);
    await new Promise((resolve) => taken.close(resolve));
    const free = await freePort();
    expect(await choosePort(free)).toEqual({ port: free, preferred: true });
  });

  it('asks the host with the shell header, and tells a technician from other accounts (stand-in fetch)', async () => {
    const seen: Array<{ url: string; headers: Record<string, string> }> = [];
    const answers: Record<string, { status: number; body: unknown }> = {
      'Bearer tech': {
        status: 200,
        body: { staff: { id: 3, staffNo: '8001', name: '运维', role: 'technician', windowId: null } },
      },
      'Bearer clerk': { status: 200, body: { staff: { id: 1, staffNo: '1001', name: '窗口', role: 'staff', windowId: 2 } } },
      'Bearer gone': { status: 401, body: { error: { code: 'unauthorized', message: '请先登录' } } },
    };
    const fakeFetch: FetchLike = async (url, init) => {
      const headers = init?.headers ?? {};
      seen.push({ url, headers });
      const answer = answers[headers.authorization ?? ''] ?? { status: 200, body: {} };
      return { ok: answer.status === 200, status: answer.status, json: async () => answer.body };
    };
    const client = new HostClient({ origin: () => 'http://127.0.0.1:7300', token: 'boot', fetch: fakeFetch });
    expect(await client.staffVerdict('tech')).toBe('technician');
    expect(await client.staffVerdict('clerk')).toBe('forbidden');
    expect(await client.staffVerdict('gone')).toBe('unauthorized');
    expect(await client.healthy()).toBe(true);
    expect(seen.every((s) => s.headers[SHELL_HEADER] === 'boot')).toBe(true);
    expect(seen[0]?.url).toBe('http://127.0.0.1:7300/api/v1/auth/me');
    const down = new HostClient({
      origin: () => 'http://127.0.0.1:7300',
      token: 'boot',
      fetch: async () => {
        throw new Error('ECONNREFUSED');
      },
    });
    expect(await down.healthy()).toBe(false);
  });
});
