import { describe, expect, it } from 'vitest';
import { LogRing } from '../../../host/log/log-ring';

const record = (level: number, msg: string, extra: Record<string, unknown> = {}, time = Date.parse('2026-11-27T02:00:00Z')) => ({
  level,
  time,
  pid: 1,
  hostname: 'kiosk',
  msg,
  ...extra,
});

describe('LogRing', () => {
  it('keeps a line masked and flattened: level name, ISO time, context without pid/hostname', () => {
    const ring = new LogRing();
    const entry = ring.add(
      record(30, '读卡 110105198503150019 成功', {
        device: 'idcard-1',
        citizen: { name: '张三', birth: '19850315' },
        err: { code: 'E1' },
      }),
    );
    expect(entry).toEqual({
      seq: 1,
      time: '2026-11-27T02:00:00.000Z',
      level: 'info',
      msg: '读卡 110105********0019 成功',
      context: { device: 'idcard-1', 'citizen.name': '[redacted]', 'citizen.birth': '[redacted]', 'err.code': 'E1' },
    });
  });

  it('drops the oldest lines past its entry limit and its byte limit, and says how many', () => {
    const byCount = new LogRing({ maxEntries: 3 });
    for (let i = 1; i <= 5; i++) byCount.add(record(30, `line ${i}`));
    expect(byCount.all().map((e) => e.msg)).toEqual(['line 3', 'line 4', 'line 5']);
    expect(byCount.query().dropped).toBe(2);

    const byBytes = new LogRing({ maxEntries: 1000, maxBytes: 2_000 });
    for (let i = 1; i <= 20; i++) byBytes.add(record(30, `line ${i} ${'x'.repeat(200)}`));
    const kept = byBytes.all();
    expect(kept.length).toBeLessThan(20);
    expect(kept.at(-1)?.msg).toContain('line 20');
    expect(Buffer.byteLength(kept.map((e) => JSON.stringify(e)).join(''))).toBeLessThanOrEqual(2_000);
  });

  it('answers by lowest level, time, sequence and limit (the newest, oldest first)', () => {
    const ring = new LogRing();
    const t0 = Date.parse('2026-11-27T02:00:00Z');
    ring.add(record(20, 'debug', {}, t0));
    ring.add(record(30, 'info', {}, t0 + 1000));
    ring.add(record(40, 'warn', {}, t0 + 2000));
    ring.add(record(50, 'error', {}, t0 + 3000));
    expect(ring.query({ level: 'warn' }).entries.map((e) => e.msg)).toEqual(['warn', 'error']);
    expect(ring.query({ since: new Date(t0 + 1000).toISOString() }).entries.map((e) => e.msg)).toEqual(['info', 'warn', 'error']);
    expect(ring.query({ after: 3 }).entries.map((e) => e.msg)).toEqual(['error']);
    expect(ring.query({ limit: 2 }).entries.map((e) => e.msg)).toEqual(['warn', 'error']);
  });

  it('cuts a huge context to a few short values', () => {
    const ring = new LogRing();
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v'.repeat(1000)]));
    const entry = ring.add(record(30, 'wide', wide));
    expect(Object.keys(entry.context).length).toBeLessThanOrEqual(24);
    for (const value of Object.values(entry.context)) expect(String(value).length).toBeLessThan(320);
  });
});
