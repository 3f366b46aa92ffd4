import { describe, expect, it } from 'vitest';
import { shellChannels, type ShellMethod } from '../../contracts/shell';
import { SHELL_CHANNELS } from '../../contracts/shell-channels';
import { createBridge } from '../../electron/bridge';
import { loopbackOrigin } from '../../electron/host-origin';
import {
  guardedCall,
  registerShellHandlers,
  senderAllowed,
  ShellCallRefused,
  type IpcMainLike,
  type IpcSender,
  type ShellHandlers,
} from '../../electron/ipc-guard';

const HOST = loopbackOrigin(7300);
const CASE_ID = '0b9e4d0e-8f5c-4e0a-9a39-3f4c2d8b7a61';
const mainFrame = (url: string): IpcSender => ({ senderFrame: { url, parent: null } });
const fromKiosk = mainFrame('http://127.0.0.1:7300/kiosk');

const handlers: ShellHandlers = {
  appVersion: async () => '1.2.3',
  printReceiptA4: async () => ({ printed: true, pdfSaved: true, printer: 'A4-1', reason: null }),
  restartApp: async () => ({ restarting: false, reason: 'forbidden' }),
  updateStatus: async () => ({ state: 'disabled', version: null, checkedAt: null, error: null }),
};

describe('shell-logic: IPC validation', () => {
  it('accepts the main frame of a host page only', () => {
    expect(senderAllowed(fromKiosk, HOST)).toBe(true);
    expect(senderAllowed(mainFrame('http://127.0.0.1:7301/kiosk'), HOST)).toBe(false);
    expect(senderAllowed(mainFrame('http://127.0.0.1:7300@evil.com/kiosk'), HOST)).toBe(false);
    expect(senderAllowed(mainFrame('data:text/html,<h1>x</h1>'), HOST)).toBe(false);
    expect(senderAllowed(mainFrame('file:///tmp/x.html'), HOST)).toBe(false);
    expect(senderAllowed(mainFrame('about:blank'), HOST)).toBe(false);
    // A subframe, even one of the host's own pages, and a frame already gone.
    expect(senderAllowed({ senderFrame: { url: 'http://127.0.0.1:7300/kiosk', parent: {} } }, HOST)).toBe(false);
    expect(senderAllowed({ senderFrame: null }, HOST)).toBe(false);
  });

  it('refuses a wrong sender before the handler runs', async () => {
    let ran = false;
    const spy: ShellHandlers['appVersion'] = async () => {
      ran = true;
      return 'x';
    };
    await expect(guardedCall('appVersion', spy, mainFrame('http://evil.com/'), [], HOST)).rejects.toBeInstanceOf(
      ShellCallRefused,
    );
    await expect(
      guardedCall('appVersion', spy, { senderFrame: { url: 'http://127.0.0.1:7300/kiosk', parent: {} } }, [], HOST),
    ).rejects.toThrow('refused');
    expect(ran).toBe(false);
  });

  it('refuses bad arguments: wrong type, wrong count, not a case id, a token with a header break', async () => {
    const call = (method: ShellMethod, args: unknown[]) => guardedCall(method, handlers[method], fromKiosk, args, HOST);
    await expect(call('printReceiptA4', [])).rejects.toThrow('invalid arguments');
    await expect(call('printReceiptA4', [42])).rejects.toThrow('invalid arguments');
    await expect(call('printReceiptA4', ['../../etc/passwd'])).rejects.toThrow('invalid arguments');
    await expect(call('printReceiptA4', [CASE_ID, 'extra'])).rejects.toThrow('invalid arguments');
    await expect(call('printReceiptA4', [{ toString: () => CASE_ID }])).rejects.toThrow('invalid arguments');
    await expect(call('restartApp', ['tok\r\nx-hall-shell: forged'])).rejects.toThrow('invalid arguments');
    await expect(call('restartApp', ['x'.repeat(600)])).rejects.toThrow('invalid arguments');
    await expect(call('appVersion', ['anything'])).rejects.toThrow('invalid arguments');
    await expect(call('printReceiptA4', [CASE_ID])).resolves.toMatchObject({ printed: true });
    await expect(call('appVersion', [])).resolves.toBe('1.2.3');
  });

  it('checks the handler result against the contract too', async () => {
    const broken = (async () => ({ printed: 'yes' })) as unknown as ShellHandlers['printReceiptA4'];
    await expect(guardedCall('printReceiptA4', broken, fromKiosk, [CASE_ID], HOST)).rejects.toThrow();
  });

  it('registers every channel of the contract table with ipcMain.handle, and no other (stand-in ipcMain: no Electron binary here)', async () => {
    const registered = new Map<string, (event: IpcSender, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void registered.set(channel, listener) };
    registerShellHandlers(ipcMain, handlers, () => HOST);
    expect([...registered.keys()].sort()).toEqual(Object.values(SHELL_CHANNELS).sort());
    expect(Object.keys(shellChannels).sort()).toEqual(Object.keys(SHELL_CHANNELS).sort());
    await expect(registered.get(SHELL_CHANNELS.appVersion)?.(fromKiosk)).resolves.toBe('1.2.3');
    await expect(registered.get(SHELL_CHANNELS.appVersion)?.(mainFrame('http://evil.com/'))).rejects.toThrow('refused');
  });

  it('exposes to the page four plain functions over the fixed channels, nothing of Electron (stand-in ipcRenderer.invoke)', async () => {
    const calls: unknown[][] = [];
    const bridge = createBridge(async (channel, ...args) => {
      calls.push([channel, ...args]);
      return 'ok';
    });
    expect(Object.keys(bridge).sort()).toEqual(['appVersion', 'printReceiptA4', 'restartApp', 'updateStatus']);
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge.printReceiptA4(CASE_ID);
    await bridge.restartApp('token');
    await bridge.appVersion();
    expect(calls).toEqual([
      [SHELL_CHANNELS.printReceiptA4, CASE_ID],
      [SHELL_CHANNELS.restartApp, 'token'],
      [SHELL_CHANNELS.appVersion],
    ]);
  });
});
