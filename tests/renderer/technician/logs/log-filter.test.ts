import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../../contracts/logs';
import { contextText, filterEntries } from '../../../../renderer/technician/logs/log-filter';

const entry = (seq: number, msg: string, context: LogEntry['context'] = {}): LogEntry => ({
  seq,
  time: '2026-11-27T02:00:00.000Z',
  level: 'info',
  msg,
  context,
});

describe('the log screen’s text filter', () => {
  const entries = [
    entry(1, 'device status', { device: 'printer-1', state: 'ok' }),
    entry(2, 'device status', { device: 'scanner-1', state: 'ok' }),
    entry(3, 'Printer paper low'),
  ];

  it('shows the newest line first, all of them without a filter', () => {
    expect(filterEntries(entries, '  ').map((e) => e.seq)).toEqual([3, 2, 1]);
  });

  it('matches the message or the details, ignoring case', () => {
    expect(filterEntries(entries, 'PRINTER').map((e) => e.seq)).toEqual([3, 1]);
    expect(filterEntries(entries, 'state=ok').map((e) => e.seq)).toEqual([2, 1]);
    expect(filterEntries(entries, 'keypad')).toEqual([]);
  });

  it('writes the details as key=value pairs', () => {
    expect(contextText(entry(4, 'x', { device: 'printer-1', errors: 2, simulated: true, lastError: null }))).toBe(
      'device=printer-1 errors=2 simulated=true lastError=null',
    );
  });
});
