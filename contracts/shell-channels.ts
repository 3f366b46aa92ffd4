/**
 * Plain constants of the Electron shell, free of zod on purpose: the sandboxed preload
 * imports this file, and a sandboxed preload can require nothing but Electron's own modules.
 */

/** The header the shell adds to every request of its window to its host (host/lan/shell-guard.ts). */
export const SHELL_HEADER = 'x-hall-shell';

/** The IPC channel of each `window.hallShell` method (contracts/shell.ts holds their schemas). */
export const SHELL_CHANNELS = {
  appVersion: 'hall-shell:app-version',
  printReceiptA4: 'hall-shell:print-receipt-a4',
  restartApp: 'hall-shell:restart-app',
  updateStatus: 'hall-shell:update-status',
} as const;

export type ShellMethodName = keyof typeof SHELL_CHANNELS;
