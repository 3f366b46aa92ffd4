import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, repoRoot, type TestHost } from '../support/test-host';

/** `npm run demo-data` as the built generator (dist/host/demo-data.js) the script runs. */
function demoData(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist/host/demo-data.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, HALL_KIOSK_ENV: '', ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('demo history CLI (npm run demo-data)', () => {
  const dirs: string[] = [];
  let host: TestHost | undefined;
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-data-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await host?.dispose();
    host = undefined;
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('sets up a new demo hall and writes its history; the start hint then stays quiet; a second run writes nothing', () => {
    const dir = folder();
    expect(demoData(['--data-dir', dir, '--hint']).output).toContain('npm start -- --demo-data');
    const first = demoData(['--data-dir', dir, '--workdays', '3', '--per-day', '40']);
    expect(first.status).toBe(0);
    expect(first.output).toContain("supervisor 9001's one-time PIN is in");
    expect(first.output).toMatch(/demo-data: \d+ days from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: \d+ tickets/);
    expect(demoData(['--data-dir', dir, '--hint']).output).toBe('');
    const again = demoData(['--data-dir', dir, '--workdays', '3', '--per-day', '40']);
    expect(again.output).toMatch(/demo-data: 0 days .*days that had tickets already were left as they are/);
  });

  it('refuses while a host has the database open, and writes nothing', async () => {
    const dir = folder();
    host = await startTestHost({ dataDir: dir });
    const run = demoData(['--data-dir', dir, '--workdays', '3']);
    expect(run.status).toBe(3);
    expect(run.output).toContain('is in use: stop the demo host first');
    expect(host.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('refuses a production environment and a production hall’s config', () => {
    const dir = folder();
    const production = demoData(['--data-dir', dir], { HALL_KIOSK_ENV: 'production' });
    expect([production.status, production.output.trim()]).toEqual([
      2,
      'demo-data: refused: HALL_KIOSK_ENV is production: demo history goes into the demo only',
    ]);
    const config = join(dir, 'hall.json');
    writeFileSync(config, JSON.stringify({ centralApi: { token: 'issued-to-this-hall' } }));
    const real = demoData(['--data-dir', dir, '--config', config]);
    expect(real.status).toBe(2);
    expect(real.output).toContain('real central API token');
  });
});
