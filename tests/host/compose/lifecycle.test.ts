import { describe, expect, it } from 'vitest';
import { Lifecycle, type LifecycleUnit } from '../../../host/compose/lifecycle';

function units(names: string[], log: string[], failOn?: string): LifecycleUnit[] {
  return names.map((name) => ({
    name,
    start: async () => {
      if (name === failOn) throw new Error(`${name} failed`);
      log.push(`start ${name}`);
    },
    stop: async () => {
      log.push(`stop ${name}`);
    },
  }));
}

describe('the host lifecycle', () => {
  it('starts in order and stops in the reverse order, once', async () => {
    const log: string[] = [];
    const life = new Lifecycle(units(['db', 'http', 'devices', 'sync'], log));
    await life.start();
    await Promise.all([life.stop(), life.stop()]);
    expect(log).toEqual([
      'start db',
      'start http',
      'start devices',
      'start sync',
      'stop sync',
      'stop devices',
      'stop http',
      'stop db',
    ]);
  });

  it('a part that fails to start stops the parts already started, and the failure goes on', async () => {
    const log: string[] = [];
    const life = new Lifecycle(units(['db', 'http', 'devices', 'sync'], log, 'devices'));
    await expect(life.start()).rejects.toThrow('devices failed');
    expect(log).toEqual(['start db', 'start http', 'stop http', 'stop db']);
  });
});
