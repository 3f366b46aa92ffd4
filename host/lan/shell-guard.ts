import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SHELL_HEADER } from '../../contracts/shell-channels';
import { bearerToken } from '../api/auth-guard';
import { HostError } from '../errors/host-error';
import { isLoopback, terminalToken } from './caller';

export { SHELL_HEADER };

export interface ShellGuardOptions {
  /** The per-boot token the shell handed this host (env HALL_SHELL_TOKEN). */
  token: string;
  /** Whether a bearer token is a live staff session (a script of a signed-in technician). */
  isStaffToken(token: string): boolean;
  /** Whether a token is a paired terminal's (a secondary host on the same machine). */
  isTerminalToken(token: string): boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison: hashing first makes both sides the same length. */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Whether the request comes from this machine's own Electron shell: loopback, with the per-boot
 * header only the shell's session sends. A staff or terminal token is not enough (another program
 * of this machine, or a LAN browser, can hold one). False when no shell started this host.
 */
export function fromOwnShell(req: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined || !isLoopback(req.ip)) return false;
  const header = req.headers[SHELL_HEADER];
  return typeof header === 'string' && header.length > 0 && sameToken(header, token);
}

/**
 * Whether the request comes from this machine: its own shell window when a shell started the
 * host, else (no shell: `npm run host`, `npm start`'s browser) any loopback request. For settings
 * that belong to the machine and are not for a LAN browser to change (the backup folder).
 */
export function atThisMachine(req: FastifyRequest, token: string | undefined): boolean {
  return token === undefined ? isLoopback(req.ip) : fromOwnShell(req, token);
}

/**
 * Whether a request may reach the host when it runs under the Electron shell. Requests from
 * other machines are the LAN guard's business (it stays in force); requests from this machine
 * must come from the shell's own window (its header), or carry a staff session or a paired
 * terminal's token. So another program of the kiosk's desktop user cannot drive the kiosk API
 * (read a card session, issue tickets) by talking to 127.0.0.1.
 */
export function shellRequestAllowed(req: FastifyRequest, options: ShellGuardOptions): boolean {
  if (!isLoopback(req.ip) || fromOwnShell(req, options.token)) return true;
  const staff = bearerToken(req);
  if (staff !== null && options.isStaffToken(staff)) return true;
  const terminal = terminalToken(req);
  return terminal !== undefined && options.isTerminalToken(terminal);
}

/**
 * Installs the check. Only when the shell configured a token: `npm start`'s Chromium fallback,
 * `npm run host` and the tests run without one and keep the loopback open as before.
 */
export function installShellGuard(app: FastifyInstance, options: ShellGuardOptions): void {
  app.addHook('onRequest', async (req) => {
    if (!shellRequestAllowed(req, options)) throw new HostError('forbidden', '仅限本机终端程序访问');
  });
}
