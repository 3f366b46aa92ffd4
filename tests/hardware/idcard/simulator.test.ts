import { describe, it, expect, afterEach, vi } from 'vitest';
import { createMemoryLink } from '../../../hardware/transport/memory';
import type { MemoryTransport } from '../../../hardware/transport/memory';
import type { SamCommand } from '../../../hardware/idcard/commands';
import type { DecodeResult, ResponseFrame } from '../../../hardware/idcard/frame';
import { encodeCommand, encodeCommandFrame, FrameDecoder } from '../../../hardware/idcard/frame';
import { IdCardSimulator } from '../../../hardware/idcard/simulator';
import type { SimulatedCard } from '../../../hardware/idcard/simulated-cards';
import { simulatedCards } from '../../../hardware/idcard/simulated-cards';
import { splitReadPayload } from '../../../hardware/idcard/payload';
import { formatSamId } from '../../../hardware/idcard/sam-id';
import { hex, loadFixture } from './fixtures';

interface Rig {
  host: MemoryTransport;
  simulator: IdCardSimulator;
  raw: Uint8Array[];
  /** Sends one command frame and resolves with the decoder results of the reply. */
  ask(frame: Uint8Array): Promise<DecodeResult<ResponseFrame>[]>;
}

const rigs: Rig[] = [];

async function rig(): Promise<Rig> {
  const { host, device } = createMemoryLink('idcard-sim');
  const simulator = new IdCardSimulator();
  await simulator.attach(device);
  await host.open();
  const decoder = new FrameDecoder();
  const raw: Uint8Array[] = [];
  let results: DecodeResult<ResponseFrame>[] = [];
  host.onData((chunk) => {
    raw.push(chunk);
    results.push(...decoder.push(chunk));
  });
  const r: Rig = {
    host,
    simulator,
    raw,
    async ask(frame) {
      results = [];
      await host.write(frame);
      await vi.waitFor(() => expect(results.some((x) => x.ok || x.error.kind !== 'garbage')).toBe(true), {
        timeout: 2000,
        interval: 2,
      });
      return results;
    },
  };
  rigs.push(r);
  return r;
}

afterEach(() => {
  for (const r of rigs.splice(0)) r.simulator.detach();
});

async function sw3(r: Rig, command: SamCommand): Promise<number | undefined> {
  const [first] = (await r.ask(encodeCommand(command))).filter((x) => x.ok);
  return first?.ok ? first.frame.sw3 : undefined;
}

describe('IdCardSimulator protocol', () => {
  it('answers SAM status, SAM id, reset and baud', async () => {
    const r = await rig();
    expect(await sw3(r, 'sam-status')).toBe(0x90);
    expect(await sw3(r, 'reset-sam')).toBe(0x90);
    expect(await sw3(r, { name: 'set-baud', baud: 9600 })).toBe(0x90);
    const [id] = await r.ask(encodeCommand('read-sam-id'));
    expect(id?.ok && id.frame.data.length).toBe(16);
    expect(id?.ok && formatSamId(id.frame.data)).toMatch(/^\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/);
  });

  it('find/select/read follow the card', async () => {
    const r = await rig();
    expect(await sw3(r, 'find-card')).toBe(0x80);
    expect(await sw3(r, 'select-card')).toBe(0x81);
    expect(await sw3(r, 'read-text-photo')).toBe(0x41);
    r.simulator.placeCard(simulatedCards.zhangSan);
    expect(await sw3(r, 'find-card')).toBe(0x9f);
    const [select] = await r.ask(encodeCommand('select-card'));
    expect(select?.ok && [select.frame.sw3, select.frame.data.length]).toEqual([0x90, 8]);
    expect(await sw3(r, 'read-added-address')).toBe(0x91);
    r.simulator.removeCard();
    expect(await sw3(r, 'find-card')).toBe(0x80);
  });

  it('answers 30 01 with exactly the fixture frame for the same card', async () => {
    const r = await rig();
    const fixtureCard: SimulatedCard = {
      kind: 'resident',
      name: '测试甲',
      gender: '2',
      nation: '01',
      birth: '19491231',
      address: '某省某市测试路1号',
      idNumber: '11010519491231002X',
      issuer: '某市公安局测试分局',
      validFrom: '20200101',
      validTo: '20400101',
    };
    r.simulator.placeCard(fixtureCard);
    await r.ask(encodeCommand('read-text-photo'));
    const reply = Uint8Array.from(r.raw.flatMap((c) => [...c]));
    expect(reply.length).toBe(1295);
    expect(hex(reply)).toBe(hex(loadFixture('resident')));
  });

  it('answers 30 10 with a fingerprint length field', async () => {
    const r = await rig();
    r.simulator.placeCard({ ...simulatedCards.liXiaohong, fingerprint: new Uint8Array(1024).fill(1) });
    const [reply] = await r.ask(encodeCommand('read-text-photo-fingerprint'));
    expect(reply?.ok).toBe(true);
    if (!reply?.ok) return;
    const payload = splitReadPayload(reply.frame.data, true);
    expect(
      payload.ok && [payload.payload.text.length, payload.payload.photo.length, payload.payload.fingerprint?.length],
    ).toEqual([256, 1024, 1024]);
  });

  it('answers an unknown command with 21 and a corrupt command with 10', async () => {
    const r = await rig();
    const [unknown] = await r.ask(encodeCommandFrame(0x77, 0x01));
    expect(unknown?.ok && unknown.frame.sw3).toBe(0x21);
    const bad = encodeCommand('find-card');
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
    const [checksum] = await r.ask(bad);
    expect(checksum?.ok && checksum.frame.sw3).toBe(0x10);
  });

  it('faults: checksum-error, garbage, read-failure, no-card', async () => {
    const r = await rig();
    r.simulator.placeCard(simulatedCards.zhangSan);
    r.simulator.setFault('checksum-error');
    expect((await r.ask(encodeCommand('find-card')))[0]).toMatchObject({ ok: false, error: { kind: 'checksum' } });
    r.simulator.setFault({ mode: 'garbage', bytes: 5 });
    const garbled = await r.ask(encodeCommand('find-card'));
    expect(garbled[0]).toEqual({ ok: false, error: { kind: 'garbage', skipped: 5 } });
    expect(garbled[1]?.ok && garbled[1].frame.sw3).toBe(0x9f);
    r.simulator.setFault('read-failure');
    expect(await sw3(r, 'read-text-photo')).toBe(0x41);
    r.simulator.setFault('no-card');
    expect(await sw3(r, 'find-card')).toBe(0x80);
    r.simulator.setFault(null);
    expect(await sw3(r, 'find-card')).toBe(0x9f);
  });

  it('faults: unplug stops answering; slow-reply delays the answer', async () => {
    const r = await rig();
    r.simulator.setFault('unplug');
    await r.host.write(encodeCommand('sam-status'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.raw).toEqual([]);
    r.simulator.setFault({ mode: 'slow-reply', delayMs: 30 });
    expect(await sw3(r, 'sam-status')).toBe(0x90);
    // An unplugged reader hears nothing either.
    expect(r.simulator.received).toEqual(['sam-status']);
  });
});
