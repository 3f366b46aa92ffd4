import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInResponse } from '../../contracts/auth';
import type { DeviceKind } from '../../contracts/config';
import type { HallEvent } from '../../contracts/events';
import { HostHealth, type DeviceHealth } from '../../contracts/health';
import { IssueTicketResponse, WindowList, type Ticket } from '../../contracts/queue';
import { KeypadSimulator } from '../../hardware/caller/simulator';
import { IdCardSimulator } from '../../hardware/idcard/simulator';
import { simulatedCards } from '../../hardware/idcard/simulated-cards';
import { BxScreenSimulator } from '../../hardware/ledscreen/simulator';
import { VirtualPrinter } from '../../hardware/printer/virtual-printer';
import { ScannerSimulator } from '../../hardware/scanner/simulator';
import { SerialTransport } from '../../hardware/transport/serial';
import { SocatLink } from '../hardware/socat';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';
import { reliabilitySeed, seededRandom } from './support';

/**
 * Device faults while the host runs: every device kind on its own real pty pair (socat), driven
 * by the host's real serial drivers, with the project's simulator speaking the device's bytes on
 * the far end. Unplugging is killing socat (both ptys vanish, as a pulled USB-serial cable);
 * replugging starts it again on the same names. Per kind: unplug → no-device, replug → ok by
 * itself, and the device's job works after; garbage on the line → no crash, a counted error in
 * health, and the next good frame works. And the printer's paper end, from its status bytes.
 */
const WAIT = 15_000;
const seed = reliabilitySeed();
const random = seededRandom(seed);

interface Rig {
  link: SocatLink;
  /** The device's end of the cable (its simulator talks through it). */
  end: SerialTransport;
  attach(): Promise<void>;
}

let host: TestHost;
const rigs = new Map<DeviceKind, Rig>();
const events: HallEvent[] = [];
const idcard = new IdCardSimulator();
const printer = new VirtualPrinter();
const keypad = new KeypadSimulator();
const screen = new BxScreenSimulator();
const scanner = new ScannerSimulator();
const summary: string[] = [];
let windowId = 0;

const BAUD: Record<DeviceKind, number> = { idcard: 115200, printer: 115200, caller: 9600, ledscreen: 9600, scanner: 9600 };
const ATTACH: Record<DeviceKind, (end: SerialTransport) => Promise<void>> = {
  idcard: (end) => idcard.attach(end),
  printer: (end) => printer.attach(end),
  caller: (end) => keypad.attach(end),
  ledscreen: (end) => screen.attach(end),
  scanner: (end) => scanner.attach(end),
};

beforeAll(async () => {
  for (const kind of Object.keys(BAUD) as DeviceKind[]) {
    const link = new SocatLink(`hk-rel-${kind}-`);
    await link.plug();
    const end = new SerialTransport({ path: link.devicePath, baudRate: BAUD[kind] });
    const rig: Rig = {
      link,
      end,
      attach: async () => {
        // The device's own end reopens too (in real life it is another machine's port).
        await end.close();
        await ATTACH[kind](end);
      },
    };
    await ATTACH[kind](end);
    rigs.set(kind, rig);
  }
  const path = (kind: DeviceKind) => rigs.get(kind)?.link.readerPath ?? '';
  host = await startTestHost({
    config: {
      staff: await testStaffSeeds(),
      devices: [
        { id: 'idcard-1', kind: 'idcard', transport: { type: 'serial', path: path('idcard') }, pollIntervalMs: 50 },
        { id: 'printer-1', kind: 'printer', transport: { type: 'serial', path: path('printer') } },
        {
          id: 'keypad-1',
          kind: 'caller',
          transport: { type: 'serial', path: path('caller') },
          options: { caller: { bindings: [{ address: 1, windowNumber: 1 }] } },
        },
        {
          id: 'led-1',
          kind: 'ledscreen',
          transport: { type: 'serial', path: path('ledscreen') },
          options: { ledscreen: { windowNumber: 1 } },
        },
        { id: 'scanner-1', kind: 'scanner', transport: { type: 'serial', path: path('scanner') } },
      ],
    },
  });
  host.bus.subscribe((e) => events.push(e));
  await waitFor(() => (host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'every device ok', WAIT);
  const windows = WindowList.parse((await host.app.inject({ method: 'GET', url: '/api/v1/windows' })).json()).windows;
  windowId = windows.find((w) => w.number === 1)?.id ?? 0;
  // The keypad acts for whoever is signed in at its window.
  const signIn = await host.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { staffNo: '1001', pin: TEST_PIN, windowId },
  });
  SignInResponse.parse(signIn.json());
}, 60_000);

afterAll(async () => {
  await host?.dispose();
  for (const rig of rigs.values()) {
    await rig.end.close().catch(() => undefined);
    await rig.link.dispose();
  }
  console.log(`device-faults (seed ${seed}): ${summary.join('; ')}`);
});

function healthOf(kind: DeviceKind): DeviceHealth {
  const h = host.devices.health().find((d) => d.kind === kind);
  if (!h) throw new Error(`no ${kind} device`);
  return h;
}

const stateIs = (kind: DeviceKind, states: DeviceHealth['state'][]) =>
  waitFor(() => (states.includes(healthOf(kind).state) ? true : undefined), `${kind} to be ${states.join('/')}`, WAIT);

/** Pulls the cable, sees the host notice, puts it back, sees it come back to ok by itself. */
async function unplugAndReplug(kind: DeviceKind): Promise<void> {
  const rig = rigs.get(kind);
  if (!rig) throw new Error(`no rig for ${kind}`);
  await rig.link.unplug();
  await stateIs(kind, ['no-device', 'offline']);
  // The API tells the technician too.
  const health = HostHealth.parse((await host.app.inject({ method: 'GET', url: '/api/v1/health' })).json());
  expect(['no-device', 'offline']).toContain(health.devices.find((d) => d.kind === kind)?.state);
  await rig.link.plug();
  await rig.attach();
  await stateIs(kind, ['ok']);
}

/** Random bytes from the device's end of the line, as a loose connector or a wrong baud rate sends. */
function garbage(length: number, allowed: (byte: number) => boolean = () => true): Uint8Array {
  const bytes: number[] = [];
  while (bytes.length < length) {
    const b = Math.floor(random() * 256);
    if (allowed(b)) bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

/**
 * Sends garbage down the line, then the device's next good frame (`next`, which must work):
 * resolves with `next`'s result once the host counted the garbage as an error in health. Some
 * decoders can only tell noise from the start of a frame when the next frame's preamble comes.
 */
async function afterGarbage<T>(
  kind: DeviceKind,
  bytes: Uint8Array,
  next: () => Promise<T>,
): Promise<{ counted: number; result: T }> {
  const rig = rigs.get(kind);
  if (!rig) throw new Error(`no rig for ${kind}`);
  const before = healthOf(kind).errorCount;
  await rig.end.write(bytes);
  const result = await next();
  await waitFor(() => (healthOf(kind).errorCount > before ? true : undefined), `${kind} to count the garbage`, WAIT);
  return { counted: healthOf(kind).errorCount - before, result };
}

async function readCard(): Promise<void> {
  idcard.removeCard();
  await waitFor(() => (host.identity.currentCard() === null ? true : undefined), 'the card to be taken away', WAIT);
  idcard.placeCard(simulatedCards.zhangSan);
  await waitFor(() => host.identity.currentCard() ?? undefined, 'the card to be read', WAIT);
}

async function issueTicket(): Promise<Ticket> {
  const res = await host.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    payload: { serviceCode: 'consulting', withIdentity: false },
  });
  expect(res.statusCode).toBe(201);
  return IssueTicketResponse.parse(res.json()).ticket;
}

/** A keypad 呼叫 press: window 1 calls its next ticket (the keypad is its only caller). Returns the number. */
let lastPress = 0;
async function pressCall(): Promise<string> {
  await issueTicket();
  // The driver takes a second press of the same key within 300 ms for a retransmission (debounce).
  const debounce = lastPress + 400 - Date.now();
  if (debounce > 0) await new Promise((r) => setTimeout(r, debounce));
  lastPress = Date.now();
  const from = events.length;
  keypad.press(1, 'call');
  return waitFor(
    () => {
      for (const e of events.slice(from)) if (e.type === 'ticket.called' && e.call.windowNumber === 1) return e.call.ticketNumber;
      return undefined;
    },
    'the keypad call',
    WAIT,
  );
}

async function scanned(code: string): Promise<void> {
  scanner.scan(code);
  await waitFor(
    () => (events.some((e) => e.type === 'scanner.scanned' && e.code === code) ? true : undefined),
    `the scan of ${code}`,
    WAIT,
  );
}

describe('device faults over real ptys while the host runs', () => {
  it('ID card reader: unplug → no-device, replug → ok by itself and reads a card; garbage counted, then reads', async () => {
    await readCard();
    await unplugAndReplug('idcard');
    await readCard();
    const { counted } = await afterGarbage('idcard', garbage(64), readCard);
    expect(healthOf('idcard').state).toBe('ok');
    summary.push(`idcard replugged + ${counted} garbage errors counted`);
  });

  it('printer: unplug → no-device, replug → ok and prints; garbage counted, then prints', async () => {
    await unplugAndReplug('printer');
    const pages = printer.pages.length;
    expect((await issueTicket()).printStatus).toBe('printed');
    expect(printer.pages.length).toBe(pages + 1);
    // ESC/POS replies carry no framing: noise of the kind a wrong baud rate makes (high bits set)
    // is what can be told from a status byte.
    const { counted, result } = await afterGarbage(
      'printer',
      garbage(32, (b) => b >= 0x80),
      issueTicket,
    );
    expect(result.printStatus).toBe('printed');
    expect(healthOf('printer').state).toBe('ok');
    summary.push(`printer replugged + ${counted} garbage error counted`);
  });

  it('printer paper end (status bytes): the ticket is kept and marked print failed; reprinted once paper is back', async () => {
    printer.setFault('paper-end-mid-job');
    const failed = await issueTicket();
    expect(failed.printStatus).toBe('failed');
    await stateIs('printer', ['paper-end']);
    // Kept: still waiting in the queue under its number, shown as print failed.
    const row = host.db.prepare('SELECT number, status, print_status AS printStatus FROM tickets WHERE id = ?').get(failed.id);
    expect(row).toEqual({ number: failed.number, status: 'waiting', printStatus: 'failed' });

    printer.setFault(null);
    await stateIs('printer', ['ok']);
    const pages = printer.pages.length;
    const reprint = await host.app.inject({ method: 'POST', url: `/api/v1/tickets/${failed.id}/reprint` });
    expect(reprint.statusCode).toBe(200);
    expect(IssueTicketResponse.parse(reprint.json()).ticket.printStatus).toBe('printed');
    expect(printer.pages.length).toBe(pages + 1);
    expect(
      printer.pages
        .at(-1)
        ?.lines.map((l) => l.text)
        .join('\n'),
    ).toContain(failed.number);
    summary.push(`paper end: ${failed.number} kept as print failed, reprinted`);
  });

  it('caller keypad: unplug → no-device, replug → ok and a key press calls; garbage counted, then a press calls', async () => {
    await unplugAndReplug('caller');
    const first = await pressCall();
    const { counted, result: second } = await afterGarbage('caller', garbage(48), pressCall);
    expect(healthOf('caller').state).toBe('ok');
    summary.push(`keypad replugged (called ${first}) + ${counted} garbage errors counted (then called ${second})`);
  });

  it('LED window screen: unplug → no-device, replug → ok with its text put back; shows the next call; garbage counted', async () => {
    // What the host last sent (the keypad test's last call), once the screen has it.
    const lastCall = events.findLast((e) => e.type === 'ticket.called' && e.call.windowNumber === 1);
    const want = lastCall?.type === 'ticket.called' ? `请${lastCall.call.ticketNumber}号` : '1号窗口';
    await waitFor(() => (screen.shown?.[0] === want ? true : undefined), 'the screen to show the last call', WAIT);
    const shownBefore = screen.shown;
    await unplugAndReplug('ledscreen');
    // The screen gets its text again on replug, and shows the next call.
    await waitFor(() => (screen.history.length > 0 ? true : undefined), 'the screen to be written', WAIT);
    expect(screen.shown).toEqual(shownBefore);
    const number = await pressCall();
    await waitFor(() => (screen.shown?.[0] === `请${number}号` ? true : undefined), 'the call on the LED screen', WAIT);
    const { counted, result: next } = await afterGarbage('ledscreen', garbage(40), async () => {
      const called = await pressCall();
      await waitFor(() => (screen.shown?.[0] === `请${called}号` ? true : undefined), 'the next call on the LED screen', WAIT);
      return called;
    });
    expect(healthOf('ledscreen').state).toBe('ok');
    summary.push(`LED replugged (showed ${number}) + ${counted} garbage error counted (then showed ${next})`);
  });

  it('serial scanner: unplug → no-device, replug → ok and scans; garbage dropped and counted, then scans', async () => {
    await unplugAndReplug('scanner');
    await scanned('APPT-RELIABILITY-1');
    // Unterminated noise (no CR/LF): the scanner drops it once the line goes quiet, and counts it.
    const noise = garbage(100, (b) => b !== 0x0d && b !== 0x0a);
    const before = healthOf('scanner').errorCount;
    await rigs.get('scanner')?.end.write(noise);
    await waitFor(() => (healthOf('scanner').errorCount > before ? true : undefined), 'the scanner to drop the noise', WAIT);
    const counted = healthOf('scanner').errorCount - before;
    expect(healthOf('scanner').lastError).toMatch(/^dropped: incomplete/);
    await scanned('APPT-RELIABILITY-2');
    expect(healthOf('scanner').state).toBe('ok');
    summary.push(`scanner replugged + ${counted} garbage line dropped and counted`);
  });
});
