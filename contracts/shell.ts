/**
 * The Electron shell's bridge (`window.hallShell`): the only things a page may ask of
 * the shell, as one table of IPC channels. Each entry names its channel, the zod schema of its
 * arguments (a tuple) and of its result; the preload and the main process both validate against
 * it, so the two sides cannot drift. Nothing here exposes an Electron object.
 */
import { z } from 'zod';
import { SHELL_CHANNELS } from './shell-channels';

/** What one silent A4 print did: a case stays submitted whatever the printer says. */
export const A4PrintOutcome = z.object({
  printed: z.boolean(),
  /** A PDF copy was written under the shell's data folder (kept for a reprint or an audit). */
  pdfSaved: z.boolean(),
  /** The printer named in the terminal settings, or null when none is set. */
  printer: z.string().nullable(),
  reason: z.enum(['no_printer', 'load_failed', 'print_failed']).nullable(),
});
export type A4PrintOutcome = z.infer<typeof A4PrintOutcome>;

export const RestartOutcome = z.object({
  restarting: z.boolean(),
  /** Why the shell refused: no valid sign-in, or an account that is not a technician's. */
  reason: z.enum(['unauthorized', 'forbidden']).nullable(),
});
export type RestartOutcome = z.infer<typeof RestartOutcome>;

export const UpdateState = z.enum(['disabled', 'idle', 'checking', 'downloading', 'ready', 'error']);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateStatus = z.object({
  state: UpdateState,
  /** The version being downloaded or waiting to be installed. */
  version: z.string().nullable(),
  checkedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** A staff session token as the sign-in returned it: bounded, and header-safe characters only. */
const StaffToken = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9._~+/=-]+$/);

export const shellChannels = {
  appVersion: { channel: SHELL_CHANNELS.appVersion, args: z.tuple([]), result: z.string() },
  printReceiptA4: { channel: SHELL_CHANNELS.printReceiptA4, args: z.tuple([z.uuid()]), result: A4PrintOutcome },
  restartApp: { channel: SHELL_CHANNELS.restartApp, args: z.tuple([StaffToken]), result: RestartOutcome },
  updateStatus: { channel: SHELL_CHANNELS.updateStatus, args: z.tuple([]), result: UpdateStatus },
} as const;

export type ShellMethod = keyof typeof shellChannels;
export type ShellArgs<M extends ShellMethod> = z.infer<(typeof shellChannels)[M]['args']>;
export type ShellResult<M extends ShellMethod> = z.infer<(typeof shellChannels)[M]['result']>;

/** `window.hallShell` as the renderer sees it: every call a promise, every result validated. */
export type HallShellBridge = { [M in ShellMethod]: (...args: ShellArgs<M>) => Promise<ShellResult<M>> };
