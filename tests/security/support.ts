import type { FastifyInstance } from 'fastify';
import { operationPath, type Operation } from '../../contracts/api';
import { expect } from 'vitest';
import { ClaimPairingResponse, PairingCode } from '../../contracts/pairing';
import { EventStreamMessage } from '../../contracts/events';
import { CurrentIdentity } from '../../contracts/identity';
import { signIn } from '../support/staff';
import { waitFor } from '../support/wait';

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
export async function pairTerminal(app: FastifyInstance, kind: string, remoteAddress = LAN_CLIENT): Promise<string> {
  const code = await newPairingCode(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/pairing/claim',
    payload: { code, name: `test ${kind}`, kind },
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
