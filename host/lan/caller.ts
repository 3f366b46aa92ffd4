import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CallerTerminal } from '../../contracts/api';
import type { TerminalKind } from '../../contracts/pairing';
import type { TokenCheck } from './pairing';

/** Cookie that carries a paired browser's token (WebSockets cannot send headers). */
export const TERMINAL_COOKIE = 'hk_terminal';
export const TERMINAL_HEADER = 'x-terminal-token';
/** The kiosk page a request comes from (its random id), when it says so (renderer/api/client.ts). */
export const KIOSK_PAGE_HEADER = 'x-kiosk-page';

/**
 * Who a request comes from, as the host can tell it (never as the request claims):
 * - a paired terminal: its token (header or cookie) is live, whatever the address;
 * - `kioskShell`: this machine (loopback) without a terminal token; under Electron the shell
 *   guard has already refused loopback requests without the shell's header or a staff session;
 * - `unpaired`: a LAN client without a live token (`expired` when its token ran out), or any
 *   client presenting a token the hall does not know.
 */
export type Caller =
  | {
      readonly terminal: 'kioskShell';
      /** The kiosk page it names (`x-kiosk-page`), if any. */
      readonly kioskPage: string | undefined;
      /** Whether this page may act for the citizen at the reader (see `CitizenPage`). */
      readonly holdsCitizen: boolean;
    }
  | { readonly terminal: Exclude<CallerTerminal, 'kioskShell'>; readonly terminalId: string }
  | { readonly terminal: 'unpaired'; readonly expired: boolean };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `installCallerResolution` before any route runs. */
    caller?: Caller;
  }
}

/** Which kiosk page may act for the citizen at the reader; null: no kiosk page is open. */
export type CitizenPage = () => string | null;

export function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function terminalToken(req: FastifyRequest): string | undefined {
  const header = req.headers[TERMINAL_HEADER];
  if (typeof header === 'string' && header.length > 0) return header;
  return cookie(req.headers.cookie, TERMINAL_COOKIE);
}

/** Whether the terminal token came as the browser cookie (not the header a host sends). */
export function tokenFromCookie(req: FastifyRequest): boolean {
  const header = req.headers[TERMINAL_HEADER];
  return !(typeof header === 'string' && header.length > 0) && cookie(req.headers.cookie, TERMINAL_COOKIE) !== undefined;
}

export function kioskPageOf(req: FastifyRequest): string | undefined {
  const value = req.headers[KIOSK_PAGE_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

const TERMINAL_OF_KIND: Record<TerminalKind, Exclude<CallerTerminal, 'kioskShell'>> = {
  host: 'secondaryKiosk',
  counter: 'counter',
  display: 'display',
  evaluator: 'evaluator',
};

/**
 * This machine. A kiosk page (its `x-kiosk-page`) acts for the citizen only when the card is its
 * own, or no page holds the seat. A request naming no page is no kiosk page (the shell's own
 * calls, the host's scripts): it is not refused here; under Electron the shell guard admits only
 * the shell's window and signed-in staff on loopback at all.
 */
function kioskShell(req: FastifyRequest, citizenPage: CitizenPage | undefined): Caller {
  const kioskPage = kioskPageOf(req);
  const owner = citizenPage?.() ?? null;
  return { terminal: 'kioskShell', kioskPage, holdsCitizen: owner === null || kioskPage === undefined || owner === kioskPage };
}

/** Tells who `req` comes from (see `Caller`). */
export function resolveCaller(
  req: FastifyRequest,
  deps: { check(token: string): TokenCheck; citizenPage?: CitizenPage },
): Caller {
  const token = terminalToken(req);
  if (token === undefined)
    return isLoopback(req.ip) ? kioskShell(req, deps.citizenPage) : { terminal: 'unpaired', expired: false };
  const checked = deps.check(token);
  if (checked.state === 'live') return { terminal: TERMINAL_OF_KIND[checked.terminal.kind], terminalId: checked.terminal.id };
  return { terminal: 'unpaired', expired: checked.state === 'expired' };
}

/**
 * The caller `installCallerResolution` found; on an app built without it (a test mounting one
 * route plugin), this machine without a token is its kiosk and anything else is unpaired.
 */
export function callerOf(req: FastifyRequest): Caller {
  if (req.caller) return req.caller;
  return terminalToken(req) === undefined && isLoopback(req.ip)
    ? kioskShell(req, undefined)
    : { terminal: 'unpaired', expired: false };
}

/** Resolves every request's caller first, for the route guards (host/api/route.ts) to read. */
export function installCallerResolution(
  app: FastifyInstance,
  deps: { check(token: string): TokenCheck; citizenPage: CitizenPage },
): void {
  if (!app.hasRequestDecorator('caller')) app.decorateRequest('caller', undefined);
  app.addHook('onRequest', async (req) => {
    req.caller = resolveCaller(req, deps);
  });
}
