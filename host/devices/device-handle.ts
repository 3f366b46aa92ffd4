import type { DeviceConfig } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { DeviceHealth, DeviceState } from '../../contracts/health';

/** One running device of this host, whatever its kind. */
export interface DeviceHandle {
  readonly config: DeviceConfig;
  readonly simulated: boolean;
  health(): DeviceHealth;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The technician's test button for this device. */
  test(action: DeviceTestAction, text?: string): Promise<DeviceTestResult>;
}

/** Tracks a device's health and reports state changes once each. */
export class HealthTracker {
  private current: DeviceHealth;

  constructor(
    config: DeviceConfig,
    simulated: boolean,
    private readonly onChange: (health: DeviceHealth) => void,
  ) {
    this.current = { id: config.id, kind: config.kind, simulated, state: 'starting', errorCount: 0 };
  }

  get value(): DeviceHealth {
    return this.current;
  }

  update(state: DeviceState, errorCount: number, lastError?: string): void {
    const changed = state !== this.current.state;
    this.current = { ...this.current, state, errorCount, ...(lastError ? { lastError } : {}) };
    if (!lastError) delete this.current.lastError;
    if (changed) this.onChange(this.current);
  }
}

export const unsupported = (action: DeviceTestAction, kind: string): DeviceTestResult => ({
  ok: false,
  code: 'not_a_test',
  params: { action },
  detail: `${action} is not a test of a ${kind}`,
});
