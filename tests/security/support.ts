import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { operationPath, type Operation } from '../../contracts/api';
import { SignInResponse } from '../../contracts/auth';
import { ClaimPairingResponse, PairingCode } from '../../contracts/pairing';
import { EventStreamMessage } from '../../contracts/events';
import { CurrentIdentity } from '../../contracts/identity';
import { hashPin } from '../../host/auth/pin-hash';
import { startTestHost, type TestHost } from '../support/test-host';
import { signIn, TEST_PIN } from '../support/staff';
import { waitFor } from '../support/wait';

export { TEST_PIN };

/**
 * A hall with two supervisors (9001, 9002), two clerks (1001, 1002) and a technician (8001),
 * every PIN `TEST_PIN`, as the config file seeds them (hashes made as scripts/staff.mjs makes them).
 */
export async function startSecurityHall(dataDir?: string): Promise<TestHost> {
  const pinHash = await hashPin(TEST_PIN);
  const staff = [
    { staffNo: '1001', name: '窗口一', role: 'staff' as const, pinHash },
    { staffNo: '1002', name: '窗口二', role: 'staff' as const, pinHash },
    { staffNo: '9001', name: '值班主任', role: 'supervisor' as const, pinHash },
    { staffNo: '9002', name: '副主任', role: 'supervisor' as const, pinHash },
    { staffNo: '8001', name: '运维工程师', role: 'technician' as const, pinHash },
  ];
  return startTestHost({ config: { staff }, ...(dataDir === undefined ? {} : { dataDir }) });
}

export interface SignInAttempt {
  staffNo: string;
  pin?: string;
  windowId?: number;
  /** The caller's address: a counter PC paired from there (once per host); this machine when left out. */
  from?: string;
}

/** Each host's counter PCs by address: their terminal tokens, paired on first use. */
const counterTokens = new WeakMap<FastifyInstance, Map<string, Promise<string>>>();
/** Each host's technician 8001, signed in once on this machine to create the pairing codes. */
const pairingTechnicians = new WeakMap<FastifyInstance, Promise<Record<string, string>>>();

/** The terminal token of a counter PC at `address` (paired the first time it is asked for). */
export function counterAt(app: FastifyInstance, address: string): Promise<string> {
  let tokens = counterTokens.get(app);
  if (!tokens) counterTokens.set(app, (tokens = new Map()));
  let token = tokens.get(address);
  if (!token) tokens.set(address, (token = pairCounter(app, address)));
  return token;
}

async function pairCounter(app: FastifyInstance, remoteAddress: string): Promise<string> {
  let tech = pairingTechnicians.get(app);
  if (!tech) pairingTechnicians.set(app, (tech = signIn(app, '8001')));
  const created = await app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: await tech });
  expect(created.statusCode, created.body).toBe(201);
  const { code } = PairingCode.parse(created.json());
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/pairing/claim',
    payload: { code, name: `counter ${remoteAddress}`, kind: 'counter' },
    remoteAddress,
  });
  expect(res.statusCode, res.body).toBe(201);
  return ClaimPairingResponse.parse(res.json()).token;
}

/** A sign-in from this machine, or from a paired counter PC elsewhere on the LAN (`from`). */
export async function trySignIn(app: FastifyInstance, attempt: SignInAttempt) {
  const lan =
    attempt.from === undefined
      ? {}
      : { remoteAddress: attempt.from, headers: { 'x-terminal-token': await counterAt(app, attempt.from) } };
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: {
      staffNo: attempt.staffNo,
      pin: attempt.pin ?? TEST_PIN,
      ...(attempt.windowId === undefined ? {} : { windowId: attempt.windowId }),
    },
    ...lan,
  });
}

/** Signs in and returns the bearer header. */
export async function bearer(app: FastifyInstance, staffNo: string, pin = TEST_PIN): Promise<{ authorization: string }> {
  const res = await trySignIn(app, { staffNo, pin });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${staffNo} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${SignInResponse.parse(res.json()).token}` };
}

/** An address on the hall LAN (not this machine). */
export const LAN_CLIENT = '192.168.10.23';

/** A new pairing code, created by technician 8001 on this machine. */
export async function newPairingCode(app: FastifyInstance): Promise<string> {
  const tech = await signIn(app, '8001');
  const res = await app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: tech });
  expect(res.statusCode).toBe(201);
  return PairingCode.parse(res.json()).code;
}

/** Pairs a terminal of `kind` from `remoteAddress`; its token, sent as `x-terminal-token` afterwards. */
export async function pairTerminal(
  app: FastifyInstance,
  kind: string,
  remoteAddress = LAN_CLIENT,
  /** A rating pad's window (an `evaluator` must name one). */
  windowNumber?: number,
): Promise<string> {
  const code = await newPairingCode(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/pairing/claim',
    payload: { code, name: `test ${kind}`, kind, ...(windowNumber === undefined ? {} : { windowNumber }) },
    remoteAddress,
  });
  expect(res.statusCode, res.body).toBe(201);
  return ClaimPairingResponse.parse(res.json()).token;
}

/** Lays the simulated card on the reader and waits until this machine's kiosk sees it. */
export async function placeCard(app: FastifyInstance, headers: Record<string, string> = {}): Promise<void> {
  const placed = await app.inject({ method: 'POST', url: '/api/v1/simulator/idcard/place', payload: { cardId: 'zhangSan' } });
  expect(placed.statusCode).toBe(204);
  await waitFor(
    async () =>
      CurrentIdentity.parse((await app.inject({ url: '/api/v1/identity', headers })).json()).identity ? true : undefined,
    'card read',
  );
}

/** A kiosk page's event stream on a listening host: the page holds the kiosk seat while it is open. */
export async function openKioskPage(wsBase: string, pageId: string): Promise<{ close(): void; seated(): boolean | undefined }> {
  const seats: boolean[] = [];
  const socket = new WebSocket(`${wsBase}/api/v1/events?kioskPage=${pageId}`);
  socket.onmessage = (m) => {
    const message = EventStreamMessage.parse(JSON.parse(String(m.data)));
    if (message.type === 'seat') seats.push(message.granted);
  };
  await new Promise<void>((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('socket error'));
  });
  await waitFor(() => (seats.length > 0 ? true : undefined), 'seat answer');
  return { close: () => socket.close(), seated: () => seats.at(-1) };
}

/** A URL for `op` with made-up parameters (ids that exist nowhere, in each parameter's shape). */
export function sampleUrl(op: Operation): string {
  return operationPath(
    op,
    Object.fromEntries(
      [...op.path.matchAll(/:(\w+)/g)].map(([, name]) => [
        name,
        name === 'caseId' || name === 'terminalId' ? '00000000-0000-4000-8000-000000000000' : name === 'caseNumber' ? 'X1' : '1',
      ]),
    ),
  );
}
