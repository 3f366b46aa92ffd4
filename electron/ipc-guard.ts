import { shellChannels, type ShellArgs, type ShellMethod, type ShellResult } from '../contracts/shell';
import { isHostUrl } from './host-origin';

/** The sender of an IPC call as main sees it (Electron's IpcMainInvokeEvent fits). */
export interface IpcSender {
  senderFrame: { url: string; parent: unknown } | null;
}

/** Refused calls say only this much: the page learns nothing of the check that failed. */
export class ShellCallRefused extends Error {
  override readonly name = 'ShellCallRefused';
}

/**
 * Checklist item 17: a call counts only from the main frame of a page of the host. Any frame
 * can send IPC (an iframe, a page the window was somehow taken to), so the frame's own URL is
 * parsed and its origin compared, and a frame with a parent is refused outright.
 */
export function senderAllowed(event: IpcSender, hostOrigin: string): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isHostUrl(frame.url, hostOrigin);
}

export type ShellHandlers = { [M in ShellMethod]: (event: IpcSender, ...args: ShellArgs<M>) => Promise<ShellResult<M>> };

/**
 * One call through the guard: sender, then arguments (the contract's tuple), then the handler,
 * then its result against the contract (main never answers what the page was not promised).
 */
export async function guardedCall<M extends ShellMethod>(
  method: M,
  handler: ShellHandlers[M],
  event: IpcSender,
  args: unknown[],
  hostOrigin: string,
): Promise<ShellResult<M>> {
  if (!senderAllowed(event, hostOrigin)) throw new ShellCallRefused(`${method}: refused`);
  const spec = shellChannels[method];
  const parsed = spec.args.safeParse(args);
  if (!parsed.success) throw new ShellCallRefused(`${method}: invalid arguments`);
  // The tuple was validated just above; the table ties each method to its own tuple type.
  const call = handler as (event: IpcSender, ...args: unknown[]) => Promise<unknown>;
  const result = await call(event, ...(parsed.data as unknown[]));
  return spec.result.parse(result) as ShellResult<M>;
}

/** The part of ipcMain used (only `handle`: no fire-and-forget channel exists). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSender, ...args: unknown[]) => Promise<unknown>): void;
}

/** Registers every channel of the contract table, each through the guard. */
export function registerShellHandlers(ipcMain: IpcMainLike, handlers: ShellHandlers, hostOrigin: () => string): void {
  for (const method of Object.keys(shellChannels) as ShellMethod[]) {
    ipcMain.handle(shellChannels[method].channel, (event, ...args) =>
      guardedCall(method, handlers[method], event, args, hostOrigin()),
    );
  }
}
