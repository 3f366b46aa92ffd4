import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostHealth } from '../../contracts/health';
import { repoRoot } from '../support/test-host';

/** `npm run host -- --config FILE`: the built host, headless, as a hall server runs it. */
function runHost(args: string[]) {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts/host.mjs'), ...args], { cwd: repoRoot });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForUrl(output: () => string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output());
    if (match?.[1]) return match[1];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`host did not start:\n${output()}`);
}

describe('host CLI (npm run host -- --config FILE)', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    children.splice(0).forEach((c) => c.kill('SIGKILL'));
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('in production (the default) refuses to start on demo values, one line per value naming the setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-cli-'));
    dirs.push(dir);
    const config = join(dir, 'hall.json');
    // The embedded default devices are simulators and the central token is the demo's.
    writeFileSync(config, JSON.stringify({ listen: { port: 0 }, dataDir: dir }));
    const host = runHost(['--config', config]);
    children.push(host.child);
    expect(await host.exited).toBe(1);
    const lines = host.output().split('\n');
    expect(lines[0]).toContain('production refuses demo values');
    expect(lines.filter((l) => /^ {2}- device "[a-z0-9-]+" \(\w+\) is a simulator/.test(l)).length).toBeGreaterThanOrEqual(5);
    expect(lines.some((l) => l.startsWith('  - centralApi.token is the demo token'))).toBe(true);
  });

  it('a production hall (real devices, its own token) starts with no simulator route and logs JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-cli-'));
    dirs.push(dir);
    const config = join(dir, 'hall.json');
    writeFileSync(
      config,
      JSON.stringify({
        listen: { port: 0 },
        dataDir: dir,
        // A reader on a port that is not there: it reports no-device and keeps retrying.
        devices: [{ id: 'idcard-1', kind: 'idcard', transport: { type: 'serial', path: join(dir, 'no-such-tty') } }],
        centralApi: { url: 'http://127.0.0.1:9', token: 'hall-17-token', matchingKey: Buffer.alloc(32, 7).toString('base64url') },
      }),
    );
    const host = runHost(['--config', config]);
    children.push(host.child);
    const url = await waitForUrl(host.output);
    expect((await fetch(`${url}/api/v1/simulator/idcard/cards`)).status).toBe(404);
    // Structured lines for a log collector (the start-up lines above them are the CLI's own).
    await expect
      .poll(
        () =>
          host
            .output()
            .split('\n')
            .filter((l) => l.startsWith('{"level"')).length,
      )
      .toBeGreaterThan(0);
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  });

  it('serves the hall named in the config file with --env demo and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-cli-'));
    dirs.push(dir);
    const config = join(dir, 'hall.json');
    writeFileSync(config, JSON.stringify({ hallName: '测试区政务服务中心', role: 'counter', listen: { port: 0 }, dataDir: dir }));
    const host = runHost(['--env', 'demo', '--config', config]);
    children.push(host.child);
    const url = await waitForUrl(host.output);
    const health = HostHealth.parse(await (await fetch(`${url}/api/v1/health`)).json());
    expect(health).toMatchObject({ hallName: '测试区政务服务中心', role: 'counter' });
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
  });

  it('refuses an invalid config with a message naming the bad field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-cli-'));
    dirs.push(dir);
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ timeZone: 7, listen: { port: 'high' } }));
    const host = runHost(['--config', config]);
    children.push(host.child);
    expect(await host.exited).toBe(1);
    expect(host.output()).toContain('invalid config');
    expect(host.output()).toContain('listen.port');
  });
});
