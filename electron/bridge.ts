import type { HallShellBridge } from '../contracts/shell';
import { SHELL_CHANNELS } from '../contracts/shell-channels';

/** ipcRenderer.invoke, the only IPC primitive the preload uses. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The object the preload exposes as `window.hallShell` (checklist item 20): four plain
 * functions over the fixed channels of contracts/shell-channels.ts, never ipcRenderer itself
 * or an Electron event. Main validates every call against contracts/shell.ts (ipc-guard.ts);
 * the preload carries no schema library, since a sandboxed preload can load none.
 */
export function createBridge(invoke: Invoke): HallShellBridge {
  return Object.freeze({
    appVersion: () => invoke(SHELL_CHANNELS.appVersion),
    printReceiptA4: (caseId: string) => invoke(SHELL_CHANNELS.printReceiptA4, caseId),
    restartApp: (staffToken: string) => invoke(SHELL_CHANNELS.restartApp, staffToken),
    updateStatus: () => invoke(SHELL_CHANNELS.updateStatus),
  }) as HallShellBridge;
}
