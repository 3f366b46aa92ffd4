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

  it('serves the hall named in the config file and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-cli-'));
    dirs.push(dir);
    const config = join(dir, 'hall.json');
    writeFileSync(config, JSON.stringify({ hallName: '测试区政务服务中心', role: 'counter', listen: { port: 0 }, dataDir: dir }));
    const host = runHost(['--config', config]);
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
