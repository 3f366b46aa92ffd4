import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRecord, repoRoot } from './packaging-rules';

/**
 * The Linux kiosk session (build/linux/): the systemd unit runs the deb's binary under cage as
 * the unprivileged kiosk user, restarts it, and keeps only the hardening a GUI session survives;
 * the udev rule gives that user's group the HID devices.
 */
type Unit = Record<string, Record<string, string[]>>;

/** systemd's unit syntax, as far as this unit uses it: [Section], Key=value (keys may repeat), # comments. */
function parseUnit(text: string): Unit {
  const unit: Unit = {};
  let section: Record<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      section = unit[header[1]] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (!section || eq < 1) throw new Error(`not a unit line: ${line}`);
    (section[line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
  }
  return unit;
}

const unitPath = join(repoRoot, 'build/linux/hall-kiosk.service');
const unitText = readFileSync(unitPath, 'utf8');
const unit = parseUnit(unitText);
const service = unit.Service ?? {};
const one = (key: string) => service[key]?.at(-1);
const scratch: string[] = [];
let installPath = '';

beforeAll(async () => {
  const module: unknown = await import(join(repoRoot, 'build/electron-builder.mjs'));
  const config = isRecord(module) && isRecord(module.default) ? module.default : {};
  const linux = isRecord(config.linux) ? config.linux : {};
  // Where electron-builder's deb installs the app: /opt/<productName>/<linux.executableName>.
  installPath = `/opt/${String(config.productName)}/${String(linux.executableName)}`;
});
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('kiosk session unit (build/linux/hall-kiosk.service)', () => {
  it('runs the deb-installed app under cage as the kiosk user, restarting it 2 s after any exit', () => {
    expect(one('User')).toBe('kiosk');
    expect(one('Restart')).toBe('always');
    expect(one('RestartSec')).toBe('2');
    expect(one('ExecStart')).toBe(`/usr/bin/cage -s -- "${installPath}" --ozone-platform=wayland`);
    expect(unit.Unit?.StartLimitIntervalSec).toEqual(['0']);
    expect(unit.Install?.WantedBy).toEqual(['graphical.target']);
  });

  it('opens a logind session on tty1 instead of autologin or a display manager', () => {
    expect(one('PAMName')).toBe('login');
    expect(one('TTYPath')).toBe('/dev/tty1');
    expect(unit.Unit?.Conflicts).toEqual(['getty@tty1.service']);
  });

  it('keeps the hardening a GUI session under cage survives, and none that breaks it', () => {
    for (const [key, value] of Object.entries({ NoNewPrivileges: 'yes', PrivateTmp: 'yes', ProtectSystem: 'full' })) {
      expect(one(key), key).toBe(value);
    }
    for (const breaking of [
      'ProtectHome',
      'PrivateDevices',
      'ProtectClock',
      'ProtectKernelLogs',
      'MemoryDenyWriteExecute',
      'RestrictNamespaces',
    ]) {
      expect(service[breaking], breaking).toBeUndefined();
    }
  });

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('passes systemd-analyze verify (cage stood in by /bin/true)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-unit-'));
    scratch.push(dir);
    // verify insists that ExecStart's binary exists; cage is not installed on CI machines.
    const copy = join(dir, 'hall-kiosk.service');
    writeFileSync(copy, unitText.replace(/^ExecStart=\/usr\/bin\/cage /m, 'ExecStart=/bin/true '));
    const run = spawnSync('systemd-analyze', ['verify', '--man=no', copy], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('udev rule (build/linux/99-hall-kiosk.rules)', () => {
  const rules = readFileSync(join(repoRoot, 'build/linux/99-hall-kiosk.rules'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

  it("gives the unit's group the hidraw nodes of non-keyboard, non-mouse USB HID interfaces", () => {
    expect(rules).toHaveLength(1);
    const rule = rules[0] ?? '';
    expect(rule).toContain('SUBSYSTEM=="hidraw"');
    expect(rule).toContain('ATTRS{bInterfaceProtocol}=="00"');
    expect(rule).toContain(`GROUP="${one('Group')}"`);
    expect(rule).toContain('MODE="0660"');
  });

  it('serial devices come from the dialout group the unit adds', () => {
    expect(service.SupplementaryGroups).toEqual(['dialout']);
  });
});
