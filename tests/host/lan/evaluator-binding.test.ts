import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvaluatorSelf } from '../../../contracts/evaluator';
import { ClaimPairingResponse, PairingCode, Terminal, TerminalList } from '../../../contracts/pairing';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

const PAD_AT = '192.168.10.41';

/** A window evaluator (评价器) is paired to one window, and a technician may move it to another. */
describe('binding a window evaluator to its window', () => {
  let host: TestHost;
  let tech: { authorization: string };
  beforeEach(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
    tech = await signIn(host.app, '8001');
  });
  afterEach(async () => {
    await host.dispose();
  });

  const newCode = async () => {
    const res = await host.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: tech });
    expect(res.statusCode).toBe(201);
    return PairingCode.parse(res.json()).code;
  };
  const claim = (payload: Record<string, unknown>) =>
    host.app.inject({ method: 'POST', url: '/api/v1/pairing/claim', payload, remoteAddress: PAD_AT });
  const listed = async () =>
    TerminalList.parse((await host.app.inject({ url: '/api/v1/pairing/terminals', headers: tech })).json()).terminals;
  const selfOf = (token: string) =>
    host.app.inject({ url: '/api/v1/evaluator/self', headers: { 'x-terminal-token': token }, remoteAddress: PAD_AT });
  const auditRows = (action: string) =>
    host.db.prepare('SELECT staff_id AS staffId, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
      staffId: number | null;
      details: string;
    }[];

  it('a pad names its window when it pairs, and reads it back; the technician sees it in the list', async () => {
    const res = await claim({ code: await newCode(), name: '1号窗口评价器', kind: 'evaluator', windowNumber: 1 });
    expect(res.statusCode, res.body).toBe(201);
    const { terminalId, token } = ClaimPairingResponse.parse(res.json());

    const self = await selfOf(token);
    expect(self.statusCode, self.body).toBe(200);
    expect(EvaluatorSelf.parse(self.json())).toEqual({
      terminalId,
      name: '1号窗口评价器',
      windowNumber: 1,
      windowName: '综合受理 1',
    });
    expect((await listed()).find((t) => t.id === terminalId)).toMatchObject({ kind: 'evaluator', windowNumber: 1 });
    expect(auditRows('pairing.claim').map((r) => JSON.parse(r.details) as unknown)).toEqual([
      { terminalId, kind: 'evaluator', windowNumber: 1 },
    ]);
  });

  it('refuses a pad without a window, a window the hall lacks (the code stays good), and a window on another kind', async () => {
    const code = await newCode();
    const without = await claim({ code, name: '评价器', kind: 'evaluator' });
    expect(without.statusCode).toBe(400);
    const unknown = await claim({ code, name: '评价器', kind: 'evaluator', windowNumber: 42 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'window_unknown' } });
    const counter = await claim({ code, name: '窗口电脑', kind: 'counter', windowNumber: 1 });
    expect(counter.statusCode).toBe(400);
    // None of these used the code up: the technician's pad pairs with it once the number is right.
    expect((await claim({ code, name: '评价器', kind: 'evaluator', windowNumber: 2 })).statusCode).toBe(201);
    expect((await listed()).map((t) => [t.kind, t.windowNumber])).toEqual([['evaluator', 2]]);
  });

  it('a technician moves a pad to another window, audited; a counter PC has no window to move', async () => {
    const pad = ClaimPairingResponse.parse(
      (await claim({ code: await newCode(), name: '评价器', kind: 'evaluator', windowNumber: 1 })).json(),
    );
    const counter = ClaimPairingResponse.parse((await claim({ code: await newCode(), name: '电脑', kind: 'counter' })).json());
    const bind = (terminalId: string, windowNumber: number, headers: Record<string, string> = tech) =>
      host.app.inject({
        method: 'PUT',
        url: `/api/v1/pairing/terminals/${terminalId}/window`,
        headers,
        payload: { windowNumber },
      });

    const moved = await bind(pad.terminalId, 3);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(Terminal.parse(moved.json())).toMatchObject({ id: pad.terminalId, windowNumber: 3 });
    expect(EvaluatorSelf.parse((await selfOf(pad.token)).json())).toMatchObject({ windowNumber: 3, windowName: '社保医保' });
    const techId = host.db.prepare("SELECT id FROM staff WHERE staff_no = '8001'").get() as { id: number };
    expect(auditRows('pairing.window')).toEqual([
      { staffId: techId.id, details: JSON.stringify({ terminalId: pad.terminalId, from: 1, to: 3 }) },
    ]);

    expect((await bind(pad.terminalId, 42)).json()).toMatchObject({ error: { code: 'window_unknown' } });
    expect((await bind(counter.terminalId, 1)).statusCode).toBe(400);
    // A clerk does not move pads.
    expect((await bind(pad.terminalId, 1, await signIn(host.app, '1001', 1))).statusCode).toBe(403);
    // Nor does anyone move a revoked one.
    await host.app.inject({ method: 'DELETE', url: `/api/v1/pairing/terminals/${pad.terminalId}`, headers: tech });
    expect((await bind(pad.terminalId, 1)).json()).toMatchObject({ error: { code: 'invalid_state' } });
  });

  it('only a pad reads a pad’s binding', async () => {
    const counter = ClaimPairingResponse.parse((await claim({ code: await newCode(), name: '电脑', kind: 'counter' })).json());
    const asCounter = await selfOf(counter.token);
    expect(asCounter.statusCode).toBe(403);
    expect(asCounter.json()).toMatchObject({ error: { code: 'terminal_forbidden' } });
  });
});
