/**
 * Thermal printer benchmark (`node scripts/bench.mjs printer`).
 *
 * (a) Bytes of a typical ticket (hall, service, 4×4 number, wait, time,
 *     native QR of a ~50-character URL, note, cut) at 58 and 80 mm, against
 *     the 600-byte target.
 * (b) Ticket committed → last byte of the job accepted by a VirtualPrinter that
 *     takes bytes at the wire rate (`paceBaud`), over a socat pty pair with the
 *     real serialport library, at 9600 and 115200 8N1: the host's path, i.e.
 *     encoding the ticket, then print() with the host's driver settings
 *     (Automatic Status Back on, so no status query precedes the job).
 *     Baseline: the wire time of the job's bytes alone; the ratio shows what
 *     the host adds. Median of 7 jobs per rate.
 * (c) The host's CPU per ticket (encoding it + the driver's print() with its
 *     fence and status check) over an unpaced memory link, against a canned
 *     responder (precomputed replies, so no simulator work is counted; the
 *     link and responder are, so this overestimates). Baseline: the job's wire
 *     time at 9600 (printers' usual rate, the host's default) and at 115200.
 */
import { wireTimeMs } from '../../hardware/common/wire-time';
import { PrinterDriver } from '../../hardware/printer/driver';
import { encodeTicket } from '../../hardware/printer/layouts';
import type { PrinterStatus } from '../../hardware/printer/status';
import { encodeAsb, encodeDleEotReply } from '../../hardware/printer/status';
import { createMemoryLink } from '../../hardware/transport/memory';
import { VirtualPrinter } from '../../hardware/printer/virtual-printer';
import { SerialTransport } from '../../hardware/transport/serial';
import { typicalTicket } from '../hardware/printer/fixtures';
import { SocatLink } from '../hardware/socat';
import { collectGarbage, cpuMs, median, report } from './harness';

const JOBS = 7;
const CPU_JOBS = 300;

for (const width of [58, 80] as const) {
  report({
    name: `printer bytes per typical ticket (${width} mm, native QR)`,
    value: encodeTicket(typicalTicket, { width }).length,
    unit: 'bytes',
    // No same-run baseline: a ticket of at most 600 bytes leaves a 9600-baud line in about 0.6 s.
    target: 600,
    targetKind: 'value≤',
  });
}

async function printLatency(baud: number): Promise<{ samples: number[]; bytes: number }> {
  const link = new SocatLink('hk-bench-printer-');
  const host = new SerialTransport({ path: link.readerPath, baudRate: baud });
  const device = new SerialTransport({ path: link.devicePath, baudRate: baud });
  const printer = new VirtualPrinter({ paceBaud: baud });
  const driver = new PrinterDriver(host, { statusPollMs: 60_000, commandTimeoutMs: 2000, enableAsb: true });
  const job = encodeTicket(typicalTicket, { width: 58 });
  const samples: number[] = [];
  try {
    await link.plug();
    await printer.attach(device);
    await driver.start();
    if (driver.health.state !== 'ok') throw new Error(`printer not ready: ${driver.health.state}`);
    for (let i = 0; i < JOBS; i++) {
      // The cut ends the job: the page is complete when its last byte was accepted.
      let lastAcceptedAt = 0;
      const offAccepted = printer.on('accepted', ({ atMs }) => (lastAcceptedAt = atMs));
      const paged = new Promise<number>((resolve) => {
        const off = printer.on('page', () => {
          off();
          resolve(lastAcceptedAt);
        });
      });
      // performance.now(): the clock the printer stamps 'accepted' with.
      const t0 = performance.now();
      const result = driver.print(encodeTicket(typicalTicket, { width: 58 }));
      const at = await paged;
      offAccepted();
      samples.push(at - t0);
      const outcome = await result;
      if (!outcome.ok) throw new Error(`print failed: ${outcome.reason}`);
    }
  } finally {
    await driver.stop();
    printer.detach();
    await device.close();
    await link.dispose();
  }
  return { samples, bytes: job.length };
}

for (const baud of [9600, 115200]) {
  const { samples, bytes } = await printLatency(baud);
  const wire = wireTimeMs(bytes, baud);
  console.log(
    `ticket committed → last byte accepted at ${baud} 8N1, ${bytes}-byte ticket, ${samples.length} jobs: ` +
      samples.map((s) => s.toFixed(1)).join(', ') +
      ' ms',
  );
  report({
    name: `printer ticket committed → last byte accepted at ${baud} (median)`,
    value: median(samples),
    unit: 'ms',
    baseline: wire,
    baselineName: `wire time of ${bytes} bytes at ${baud}`,
    target: 1.2,
  });
}

/** A healthy printer's replies, computed once: DLE EOT 1–4, the ASB message, and the `GS r 1` fence. */
const healthy: PrinterStatus = { online: true, coverOpen: false, paper: 'ok', cutterError: false, unrecoverableError: false };
const statusReply = Uint8Array.of(...([1, 2, 3, 4] as const).map((n) => encodeDleEotReply(n, healthy)));
const asbReply = encodeAsb(healthy);
const fenceReply = Uint8Array.of(0x00);

async function cpuPerTicket(): Promise<{ ms: number; bytes: number }> {
  const { host, device } = createMemoryLink('bench-printer-cpu');
  await device.open();
  // Each driver write arrives as one chunk: a job ends with its `GS r 1` fence, a status query
  // starts with DLE EOT, and the init carries `GS a n` (ASB on).
  device.onData((chunk) => {
    const n = chunk.length;
    let reply: Uint8Array | undefined;
    if (n >= 3 && chunk[n - 3] === 0x1d && chunk[n - 2] === 0x72) reply = fenceReply;
    else if (chunk[0] === 0x10 && chunk[1] === 0x04) reply = statusReply;
    else if (chunk.some((b, i) => b === 0x1d && chunk[i + 1] === 0x61)) reply = asbReply;
    if (reply) void device.write(reply);
  });
  const driver = new PrinterDriver(host, { statusPollMs: 60_000, commandTimeoutMs: 2000, enableAsb: true });
  await driver.start();
  const printOne = async () => {
    const outcome = await driver.print(encodeTicket(typicalTicket, { width: 58 }));
    if (!outcome.ok) throw new Error(`print failed: ${outcome.reason}`);
  };
  for (let i = 0; i < 50; i++) await printOne(); // warm-up: JIT, iconv tables
  collectGarbage();
  const before = cpuMs();
  for (let i = 0; i < CPU_JOBS; i++) await printOne();
  const spent = cpuMs() - before;
  await driver.stop();
  return { ms: spent / CPU_JOBS, bytes: encodeTicket(typicalTicket, { width: 58 }).length };
}

const cpu = await cpuPerTicket();
for (const baud of [9600, 115200]) {
  report({
    name: `printer host CPU per ticket (encode + driver) vs wire time at ${baud}`,
    value: cpu.ms,
    unit: 'ms',
    baseline: wireTimeMs(cpu.bytes, baud),
    baselineName: `wire time of ${cpu.bytes} bytes at ${baud}`,
    target: 0.05,
  });
}
