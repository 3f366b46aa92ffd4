import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../db/data-folder';
import { ConfigError, loadConfig } from '../../../host/config/load-config';

const dir = mkdtempSync(join(tmpdir(), 'config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('loadConfig', () => {
  it('gives the embedded default without a file: a kiosk with one simulated device of each kind, on loopback', () => {
    const config = loadConfig(undefined);
    expect(config).toMatchObject({ role: 'kiosk', timeZone: 'Asia/Shanghai', listen: { host: '127.0.0.1', port: 7300 } });
    expect(config.devices.map((d) => d.kind).sort()).toEqual(['caller', 'idcard', 'ledscreen', 'printer', 'scanner']);
    expect(config.devices.every((d) => d.transport.type === 'simulated')).toBe(true);
    expect(config.services.map((s) => s.name)).toContain('企业开办');
  });

  it('fills what a partial file leaves out', () => {
    const config = loadConfig(file('partial.json', JSON.stringify({ hallName: '某区政务服务中心', listen: { port: 8000 } })));
    expect(config.hallName).toBe('某区政务服务中心');
    expect(config.listen).toEqual({ host: '127.0.0.1', port: 8000 });
  });

  it('explains an invalid file field by field', () => {
    expect(() => loadConfig(file('bad.json', JSON.stringify({ role: 'cashier' })))).toThrow(ConfigError);
    expect(() => loadConfig(file('bad2.json', JSON.stringify({ role: 'cashier' })))).toThrow(/role/);
  });

  it('reports unreadable JSON as a config error, not a crash', () => {
    expect(() => loadConfig(file('broken.json', '{ "role": '))).toThrow(ConfigError);
    expect(() => loadConfig(join(dir, 'missing.json'))).toThrow(ConfigError);
  });

  it('keeps data in the same folder Electron would use', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' })).toBe('/x/cfg/hall-kiosk');
    expect(defaultDataDir({ HOME: '/home/k' })).toMatch(/\.config\/hall-kiosk$/);
  });
});
