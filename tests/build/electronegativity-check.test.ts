import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './packaging-rules';

/**
 * scripts/electronegativity-check.mjs, the `electron-security` step of `npm test`, bites: it
 * fails on a HIGH finding and on a file it cannot parse, passes a main process that follows the
 * checklist, and leaves out only the online check. The sample main processes are written to a
 * temp folder (Electronegativity reads them; nothing runs them, so no Electron is needed).
 */
const exec = promisify(execFile);
const script = join(repoRoot, 'scripts/electronegativity-check.mjs');

const insecure = `import { app, BrowserWindow } from 'electron';

void app.whenReady().then(() => {
  const window = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true } });
  void window.loadURL('https://example.com/');
});
`;
const secure = `import { app, BrowserWindow, session } from 'electron';

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': ["default-src 'self'"] } }),
  );
  const window = new BrowserWindow({
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadURL('https://kiosk.invalid/');
});
`;

interface Outcome {
  code: number;
  output: string;
  report: { excluded: string[]; findings: { id: string; severity: string }[]; unparsed: { file: string }[] };
}

const scratch = mkdtempSync(join(tmpdir(), 'electronegativity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function check(name: string, files: Record<string, string>): Promise<Outcome> {
  const dir = join(scratch, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const reportFile = join(scratch, `${name}.json`);
  const result = await exec(process.execPath, [script, dir, '--report', reportFile], { cwd: repoRoot }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
  );
  return { ...result, report: JSON.parse(readFileSync(reportFile, 'utf8')) as Outcome['report'] };
}

describe('electron-security step (scripts/electronegativity-check.mjs)', () => {
  const outcomes: Record<string, Outcome> = {};
  beforeAll(async () => {
    // Side by side: each run spends most of its time waiting for the tool's translation fetch.
    const [bad, good, broken] = await Promise.all([
      check('insecure', { 'main.ts': insecure }),
      check('secure', { 'main.ts': secure }),
      check('unparsable', { 'main.ts': secure, 'broken.ts': 'export const broken = ;\n' }),
    ]);
    Object.assign(outcomes, { bad, good, broken });
  }, 60_000);

  it('fails on HIGH findings and names them (context isolation off, no navigation limits)', () => {
    const { bad } = outcomes;
    expect(bad?.code).toBe(1);
    const high = bad?.report.findings.filter((f) => f.severity === 'HIGH').map((f) => f.id);
    expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    expect(bad?.output).toContain('FAILED (2 HIGH finding(s)');
  });

  it('passes a main process that follows the checklist', () => {
    const { good } = outcomes;
    expect(good?.report.findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
    expect(good?.code).toBe(0);
  });

  it('fails on a file it cannot parse: a file it cannot read is a file it did not check', () => {
    const { broken } = outcomes;
    expect(broken?.code).toBe(1);
    expect(broken?.report.unparsed.map((u) => u.file)).toEqual([expect.stringMatching(/broken\.ts$/)]);
  });

  it('excludes only the online check, which downloads the Electron release list', () => {
    expect(outcomes.good?.report.excluded).toEqual(['AvailableSecurityFixesGlobalCheck']);
    const source = readFileSync(
      join(
        repoRoot,
        'node_modules/@doyensec/electronegativity/dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js',
      ),
      'utf8',
    );
    expect(source).toContain("require('got')");
    expect(source).toContain('updateReleasesList');
  });
});
